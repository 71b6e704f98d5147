"""Stage 5, publish: finished pages -> what readers get: a Content-Security-Policy on each page
(csp.py), the Pagefind search index (search_index.py) and, in a preview server, the site folder
of the build before with only the changed pages laid out again (preview.py), and the feeds,
open data and search index written once the pages are served (later.py).
"""
