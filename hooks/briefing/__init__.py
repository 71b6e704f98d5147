"""The briefing core: load -> check -> model -> pages, feeds and exports.

Nothing in this package imports MkDocs: the hook module next to it is a thin
adapter, so the content and its checks can outlive the engine.
"""
