"""The built-in report sections, one module each; registered in default_plugins."""
