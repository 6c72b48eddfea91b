"""Publishing: the one adapter that knows MkDocs builds the rendered files into a site and swaps it into place."""
