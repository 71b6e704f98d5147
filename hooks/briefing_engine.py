"""Engine adapter, the engine itself: which engine runs this build, MkDocs 1.6 or ProperDocs 1.6
(MkDocs' maintained fork: the same events, classes and `hooks:`, under its own package name).

The adapters take every class and function they hand to the engine from the engine that runs
the build, read off the configuration it passes them, so each engine builds with itself. Not
`from mkdocs import ...`: ProperDocs' command line maps the name `mkdocs` to itself, but ProperDocs
driven from Python does not, and there the Spanish site would be built by MkDocs (if installed)
inside a ProperDocs build; where `mkdocs` is not MkDocs 1 (MkDocs 2 drops hooks), or not
installed, the adapters could not even be loaded. tests/site/test_engines.py checks both engines.
"""
from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from types import ModuleType
from typing import Any

ENGINES = ("mkdocs", "properdocs")  # the packages' names: `mkdocs build`, `properdocs build`


@dataclass(frozen=True)
class Engine:
    """The engine package that runs this build, and what the adapters need of it."""
    name: str

    def module(self, dotted: str) -> ModuleType:
        return importlib.import_module(f"{self.name}.{dotted}")

    @property
    def plugin_error(self) -> type[Exception]:
        error: type[Exception] = self.module("exceptions").PluginError
        return error

    @property
    def files(self) -> ModuleType:
        """structure.files: File, InclusionLevel."""
        return self.module("structure.files")

    def get_toc(self, tokens: Any) -> Any:
        return self.module("structure.toc").get_toc(tokens)

    @property
    def abort(self) -> type[Exception]:
        """What stops the engine's command with a message and no traceback (click's Abort)."""
        error: type[Exception] = self.module("exceptions").Abort
        return error

    def load_config(self, path: str, **overrides: Any) -> Any:
        return self.module("config").load_config(path, **overrides)

    def build(self, config: Any) -> None:
        self.module("commands.build").build(config)

    def log(self) -> logging.Logger:
        """The hooks' logger, under the engine's own (the one whose warnings `--strict` counts)."""
        return logging.getLogger(f"{self.name}.hooks.briefing")


def engine_of(config: Any) -> Engine:
    """The engine whose configuration object this is (mkdocs.config.defaults.MkDocsConfig or
    properdocs.config.defaults.ProperDocsConfig)."""
    name = type(config).__module__.partition(".")[0]
    if name not in ENGINES:
        raise RuntimeError(f"the briefing hooks run under {' or '.join(ENGINES)}, not {name}")
    return Engine(name)
