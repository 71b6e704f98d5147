"""Stage 4, render: a Site -> every page (an HTML body and its head data) and every other file
(feeds, open data, schemas, the site's images). site_outputs.py drives pages.py, views.py and
templates/; paths.py, words.py, markup.py and chart.py serve them; og_image.py draws the link
preview card and the home-screen icon (raster.py, bitmap_font.py); reuse.py keeps what a build
rendered for the next, which makes again only what an edit changed.
"""
