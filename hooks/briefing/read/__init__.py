"""Stage 2, read: the repository's files -> each file's checked values, or every problem at once.
Safe YAML (yamlsafe.py), the checks that span fields and files (checks.py), one report per
file (load.py), and the results of unchanged files kept between runs (check_cache.py).
"""
