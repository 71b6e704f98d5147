"""Stage 5, publishing: what happens to finished pages on their way to readers.

Takes the rendered pages (and the engine's laid-out HTML). Gives every page its
Content-Security-Policy (csp.py), feeds the Pagefind search index and has it write its
bundle (search_index.py), and, in a preview server, keeps the output of entry pages that
did not change since the last build (preview.py).
"""
