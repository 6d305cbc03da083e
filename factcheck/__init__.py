"""factcheck: find where news articles disagree on figures.

Use ``factcheck.check(paths)`` for a ``Result`` with articles, claims and facts,
or the ``factcheck`` command for a Markdown report.
"""

from .pipeline import Result, check

__all__ = ["Result", "check", "__version__"]
__version__ = "0.1.0"
