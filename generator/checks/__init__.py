"""Process checks: rule modules that each declare their rules, registered explicitly in ``registry``."""
