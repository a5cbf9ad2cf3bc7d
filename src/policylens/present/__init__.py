"""What the report and the web UI show, read from the store.

Every function takes a plain ``sqlite3.Connection`` (the report's reader, or one
of Datasette's read-only connections) and copes with tables that later stages
have not created or filled yet: it returns ``None`` for "not computed yet".
"""
