"""The briefing core: the contributors' YAML files in, the site's pages and files out.

Five stages, one package each, each importing only the stages before it:
format (what a file may hold) -> read (files to checked values) -> model (values to one
immutable Site) -> render (the Site to pages, feeds and data) -> publish (finished pages to
readers: security policy, search index, preview decisions). Each package's docstring says what
its stage takes and gives. Beside them: site_build.py and site_builds.py, one language's build
and every language's, as an engine drives them; process.py, every effect on the whole process;
cli.py, the `python -m briefing` commands; new_entry.py, `make new`.

Nothing here imports the engine or knows its habits: the adapter modules beside this package
(hooks/briefing_*.py) do, so the content and its checks can outlive the engine.
"""
