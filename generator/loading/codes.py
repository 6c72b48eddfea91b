"""Codes of the problems found while reading files, before any rule runs."""

LOADING_CODES = {
    "L001": ("unreadable-file", "The file cannot be read, is larger than 1 MB, or a required file such as people.yml is missing."),
    "L002": ("not-utf8", "The file is not valid UTF-8. A byte order mark and CRLF line endings are fine."),
    "L003": ("missing-front-matter", "A Markdown record must start with a line '---' that opens its YAML front matter."),
    "L004": ("unterminated-front-matter", "The front matter has no closing '---' line."),
    "L005": ("yaml-syntax", "The YAML cannot be parsed; the position is where the parser gave up."),
    "L006": ("duplicate-key", "A mapping has the same key twice. YAML parsers silently keep the last value; Statusbook refuses it."),
    "L007": ("yaml-tag", "Explicit tags such as !!python/object or !!binary are refused: records are plain data."),
    "L008": ("yaml-alias", "Anchors and aliases (&name, *name) are refused; they allow exponential 'alias bombs'."),
    "L009": ("complex-key", "A mapping key is a list or a mapping instead of a plain word."),
    "L010": ("not-a-mapping", "The front matter or YAML file is empty or is not a mapping of fields."),
    "L011": ("cut-by-comment", "A plain value is followed by ' #' and a word, such as 'in #deploys': YAML reads the rest of the line as a comment and drops it (a warning). Quote the value."),
    "S001": ("unknown-field", "A field the format does not define (a warning, with the closest known name). It is ignored."),
    "S002": ("missing-field", "A required field is absent or empty."),
    "S003": ("wrong-type", "A value of the wrong type, such as yes/no for a boolean (YAML 1.1 only) or a number for text."),
    "S004": ("not-a-choice", "A value outside the allowed words, with the closest allowed one."),
    "S005": ("bad-text", "Empty text, or an id with characters other than lower-case letters, digits, '-', '_' and '.'."),
    "S006": ("bad-time", "A timestamp, date, time of day, duration or time zone that cannot be read, or a timestamp or date outside the years 1970 to 9998."),
    "S007": ("naive-timestamp", "A timestamp without UTC offset. Add Z or an offset, or set default_timezone in statusbook.yml so it is read in that zone."),
    "S008": ("local-time-changeover", "A timestamp without UTC offset, read in default_timezone, falls on a clock change: it happened twice (clocks went back) or never (clocks went forward). The message names both readings; write the offset of the one you mean."),
}
