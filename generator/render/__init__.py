"""Renderers: turn views into the files of a site (Markdown pages, feeds, JSON, SVG), all in memory."""
