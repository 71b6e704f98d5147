"""Stage 4, render: a Site -> the plan of every output (plan.py: each kind of page and file, its
address, its key and how to make it), then every page (an HTML body and its head data) and every
other file (feeds, open data, schemas, the site's images). site_outputs.py renders the plan;
the kinds are made in pages.py, ledger_pages.py, feeds.py, opendata.py and files.py, through
views.py and templates/; paths.py, words.py, markup.py and chart.py serve them; og_image.py draws
the link preview card and the home-screen icon (raster.py, bitmap_font.py); reuse.py keeps what a
build rendered for the next, by key, so an edit makes again only what it changed. Where the site
is published is settings.py's, each setting checked before any page is made (settings_check.py).
"""
