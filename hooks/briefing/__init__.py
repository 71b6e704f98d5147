"""The briefing core: the contributors' YAML files in, the site's pages and files out.

Five stages, one package each, each importing only the stages before it:
format (what a file may hold) -> read (files to checked values) -> model (values to one
immutable Site) -> render (the Site to pages, feeds and data) -> publish (finished pages to
readers: security policy, search index, preview reuse). Each package's docstring says what
its stage takes and gives. Beside them: site_build.py, the one object that drives a build
for an engine; cli.py, the `python -m briefing` commands; new_entry.py, `make new`.

Nothing here imports MkDocs: hooks/briefing_hooks.py is a thin adapter, so the content and
its checks can outlive the engine.
"""
