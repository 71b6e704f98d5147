"""Stage 3, model: checked values -> one immutable Site (site.py, made by build.py, where
load_site goes from a folder to a Site), and the ledger of its claims by figure and by actor,
with whether they can all hold at once (ledger.py, intervals.py).
"""
