"""Reading and tagging: the reading pane, highlights, find-in-article, the tagging controller
and the dashed suggestions."""
