"""Review: what a change does to the site, told in words to a pull request's reviewer.

Takes two revisions of the repository (git commits, or the working tree), reads their
briefing files with git and the read stage's own loader (nothing of a revision runs), and gives
a Markdown digest: entries, claims by figure, figures whose comparison moves, registries,
translations, pages and open data rows added, removed and changed; and each revision's problems.
"""
