"""Stage 2, reading: the repository's briefing files -> checked field values, or every problem.

Takes a repository folder. Reads each YAML file safely into nodes (yamlsafe.py), reads the
nodes with the format's types, runs the checks that span fields and files (checks.py), and
gives one report per file (load.py), or raises ProblemsFound with every problem of the run.
Checked results of unchanged files may come from the check cache (check_cache.py).
"""
