"""``policylens serve``: Datasette on the project database with the policylens plugin."""
