"""Stage 5, publish: rendered pages -> what readers get: a Content-Security-Policy on each page
(csp.py); the Pagefind search index (search_index.py), fed every page (search_feed.py); and how
a build's outputs reach its folder (modes.py): all at once in a published build, or, in a
preview server, only the pages and files whose output changed (preview.py), the files and the
search index once the pages are served (later.py).
"""
