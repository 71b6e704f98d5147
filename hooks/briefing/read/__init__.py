"""Stage 2, read: the repository's files -> each file's checked values, or every problem at once.
Safe YAML (yamlsafe.py), one file's report (report.py) and its own checks (entry_check.py), the
checks that span fields and files (checks.py; the dates' windows and order: date_checks.py), the
whole run (load.py), and when a file need not
be read again, on what evidence (cache.py; the check cache on disk: cache_file.py). The day a
run is made as, from SOURCE_DATE_EPOCH, is read in one place (source_date.py), for the build too.
"""
