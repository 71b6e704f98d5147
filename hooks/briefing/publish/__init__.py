"""Stage 5, publish: finished pages -> what readers get: a Content-Security-Policy on each page
(csp.py), the Pagefind search index (search_index.py) and, in a preview server, the output of
unchanged entry pages kept from the build before (preview.py).
"""
