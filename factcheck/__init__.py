"""factcheck: find where news articles disagree on figures.

Use ``factcheck.check(paths)`` for a ``Result`` with articles, claims and facts,
or the ``factcheck`` command for a Markdown report. The pipeline (and with it scikit-learn,
pandas and the models' libraries) is imported on first use, so a command that reads a cached
run starts fast.
"""

__all__ = ["Result", "Store", "check", "__version__"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in ("Result", "check"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Store":  # the claim store (SQLite), "factcheck.Store(path)"
        from . import store

        return store.Store
    if name in ("cache", "formats", "pipeline", "store"):  # "factcheck.cache.Cache()" without an import of its own
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
