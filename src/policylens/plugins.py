"""The plugin manager; plugins load lazily, once, on first use."""

from __future__ import annotations

import importlib
import os

import pluggy

from . import hookspecs

DEFAULT_PLUGINS = (
    "policylens.default_plugins.readers",
    "policylens.default_plugins.stages",
    "policylens.default_plugins.report_sections",
)

pm = pluggy.PluginManager("policylens")
pm.add_hookspecs(hookspecs)
_loaded = False


def load_plugins() -> pluggy.PluginManager:
    """Register the built-in plugins and, unless disabled, installed ones."""
    global _loaded
    if _loaded:
        return pm
    _loaded = True
    if os.environ.get("POLICYLENS_NO_ENTRYPOINTS") != "1":
        pm.load_setuptools_entrypoints("policylens")
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name)
    return pm
