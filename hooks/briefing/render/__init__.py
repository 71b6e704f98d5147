"""Stage 4, rendering: the model -> the site's pages and files, engine-free.

Takes a Site (and its ledger) in a RenderContext (context.py) and gives, from
site_outputs.render_site, every page as an HTML body with its head data (pages.py, from
what views.py computes and the Jinja templates in templates/ lay out) and every other file:
feeds (feeds.py), open data (opendata.py) and the JSON Schemas. Paths and links come from
paths.py; words, numbers and dates from words.py; contributor Markdown is made safe in markup.py.
"""
