"""Browser tests: real Chromium against the real built site (see conftest.py)."""
# This file makes the folder a package, so its conftest.py is imported as `browser.conftest` and
# `from conftest import ...` in the other test modules keeps finding tests/conftest.py.
