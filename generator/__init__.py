"""Statusbook: incident records in git, validated and published as status sites."""

__version__ = "0.1.0"
# How built sites name what made them: the generator meta tag of every page and the API's page object.
GENERATOR = f"Statusbook {__version__}"
