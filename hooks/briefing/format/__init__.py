"""Stage 1, format: what a briefing file may hold; it imports no other stage. Gives the one
definition (spec.py, made of types.py and structure.py), the shapes every stage speaks in
(nodes.py, problems.py), and what is derived from the definition (schema.py, reference.py).
"""
