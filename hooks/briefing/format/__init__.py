"""Stage 1, the format: what a briefing file may hold. It imports no other stage.

Gives the one definition of the format (spec.py, made of the field types in types.py and
the containers in structure.py), the shapes every later stage speaks in (nodes.py: a file
as a tree of nodes with their lines; problems.py: what is wrong, and where), and what is
derived from the definition: the JSON Schemas (schema.py) and the format reference (reference.py).
"""
