"""Stage 3, the model: checked field values -> one immutable Site, and the ledger of its claims.

site.py holds the model's records; build.py makes them from what the read stage checked
(load_site is the one call from a folder to a Site); ledger.py indexes every claim by figure
and by actor and tells, with intervals.py, whether a figure's claims can all hold at once.
"""
