"""Cache: parsed claims and embeddings on disk, keyed by content hash.

Reads an article's content and metadata, the vague-quantity policy, the
package's own source code, and the identity of the spaCy pipeline and the
embedding model; hashes them into a key. Under that key it stores the article's
claims (JSON) and, under a second key that adds the embedder's identity, the
article's vectors (``.npy``). A re-run over unchanged articles then reads both
back instead of parsing and embedding again; any change to the text, metadata,
policy, code or models gives a new key, so a stale entry is never read. The
folder is ``$FACTCHECK_CACHE``, else ``$XDG_CACHE_HOME/factcheck``, else
``~/.cache/factcheck``. Nothing here loads a model.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .records import Article, Claim, FactcheckError

CACHE_ENV = "FACTCHECK_CACHE"
# Bump when the layout of the cache files changes.
LAYOUT_VERSION = 1
_PACKAGE_DIR = Path(__file__).resolve().parent


def default_dir() -> Path:
    """The cache folder: ``$FACTCHECK_CACHE``, ``$XDG_CACHE_HOME/factcheck`` or ``~/.cache/factcheck``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "factcheck"


# --- records <-> JSON ------------------------------------------------------------------

def record_to_dict(record: Any) -> dict[str, Any]:
    """A frozen record as JSON-ready data: dates as ``YYYY-MM-DD``, tuples as lists."""
    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value
    return {k: plain(v) for k, v in asdict(record).items()}


def record_from_dict(cls: type, data: dict[str, Any]) -> Any:
    """The inverse of ``record_to_dict`` for the flat records (Article, Figure, Claim, Fact)."""
    values = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        kind = str(f.type)
        if isinstance(value, str) and kind.startswith("date"):
            value = date.fromisoformat(value)
        elif isinstance(value, list) and kind.startswith("tuple"):
            value = _tuples(value)
        values[f.name] = value
    return cls(**values)


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


# --- identities ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's own files, in every subfolder (language modules, the typer's weights):
    any change to code or shipped data invalidates the cache."""
    h = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".tsv")
                       and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(_PACKAGE_DIR)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def nlp_identity(nlp) -> str:
    """Which spaCy pipeline parsed: its name, version, components and spaCy's version."""
    meta = getattr(nlp, "meta", {}) or {}
    names = list(getattr(nlp, "pipe_names", []))
    return json.dumps([meta.get("lang"), meta.get("name"), meta.get("version"), names, _spacy_version()])


def _spacy_version() -> str:
    # from the package metadata: importing spacy would pull in thinc and torch (seconds)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spacy")
    except PackageNotFoundError:
        return ""


def installed_nlp_identity(lang: str = "en") -> str | None:
    """``nlp_identity`` of the pipeline ``claims.load_nlp(lang)`` would load, read from its
    package's ``meta.json`` without loading it; None when no package is found."""
    import importlib.util

    from .lang import get_language

    for name in get_language(lang).spacy_packages:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None or not spec.submodule_search_locations:
            continue
        meta_path = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        disabled = set(meta.get("disabled", []))
        names = [p for p in meta.get("pipeline", []) if p not in disabled]
        return json.dumps([meta.get("lang"), meta.get("name"), meta.get("version"), names, _spacy_version()])
    return None


def _folder_listing(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns)
                  for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def embedder_identity(embedder) -> str:
    """Which model embedded: its class, name and, for the real model, its files on disk.

    Raises:
        ModelMissingError: when the real embedder's model is not installed.
    """
    from .embed import SentenceTransformerEmbedder, resolve_model_path

    kind = f"{type(embedder).__module__}.{type(embedder).__qualname__}"
    ident: list[Any] = [kind, getattr(embedder, "name", "")]
    if isinstance(embedder, SentenceTransformerEmbedder):
        folder = Path(resolve_model_path(embedder.name))
        ident.append(_folder_listing(folder))
    return json.dumps(ident)


def policy_identity(policy) -> str:
    return json.dumps([policy.name, policy.description, sorted((k, list(v)) for k, v in policy.table.items())])


def _article_identity(article: Article) -> list[Any]:
    # The path is left out: a moved or copied folder of the same articles still hits.
    d = record_to_dict(article)
    d.pop("path")
    return sorted(d.items())


def _hash(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


# --- the cache -------------------------------------------------------------------------

class Cache:
    """Claims and vectors per article in a folder; every write is atomic.

    Attributes:
        root: the cache folder.
        hits: claim lookups answered from disk in this process.
        misses: claim lookups that were not.
    """

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_dir()
        self.hits = 0
        self.misses = 0
        self.write_error: str | None = None  # the first write that failed, for the caller to report

    @property
    def _base(self) -> Path:
        return self.root / f"v{LAYOUT_VERSION}"

    def claims_key(self, article: Article, *, nlp_id: str, policy_id: str) -> str:
        """The key of one article's claims: content, metadata, policy, code and parser."""
        return _hash("claims", code_version(), nlp_id, policy_id, _article_identity(article))

    @staticmethod
    def vectors_key(claims_key: str, *, embedder_id: str) -> str:
        """The key of one article's vectors: its claims' key plus the embedder."""
        return _hash("vectors", claims_key, embedder_id)

    def _path(self, space: str, key: str, suffix: str) -> Path:
        return self._base / space / key[:2] / f"{key}{suffix}"

    def _write(self, path: Path, data: bytes) -> None:
        # The cache is best effort: a folder that cannot be written costs speed, never the run.
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except OSError as exc:
            self.write_error = f"{self._base}: cannot write the cache ({exc.strerror or exc})"
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get_claims(self, key: str) -> list[Claim] | None:
        """The cached claims, or None on a miss (or an unreadable entry)."""
        path = self._path("claims", key, ".json")
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            found = [record_from_dict(Claim, row) for row in rows]
        except (OSError, ValueError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put_claims(self, key: str, claims: list[Claim]) -> None:
        rows = [record_to_dict(c) for c in claims]
        self._write(self._path("claims", key, ".json"),
                    json.dumps(rows, ensure_ascii=False).encode("utf-8"))

    def get_vectors(self, key: str) -> np.ndarray | None:
        path = self._path("vectors", key, ".npy")
        try:
            return np.load(path, allow_pickle=False)
        except (OSError, ValueError, EOFError):
            return None

    def put_vectors(self, key: str, vectors: np.ndarray) -> None:
        import io

        buf = io.BytesIO()
        np.save(buf, np.ascontiguousarray(vectors, dtype=np.float32), allow_pickle=False)
        self._write(self._path("vectors", key, ".npy"), buf.getvalue())

    def clear(self) -> None:
        """Delete every cache entry (the folder itself is left in place).

        Raises:
            FactcheckError: naming the folder when it cannot be emptied.
        """
        if self._base.exists():
            try:
                shutil.rmtree(self._base)
            except OSError as exc:
                raise FactcheckError(f"{self._base}: cannot clear the cache ({exc.strerror or exc})") from None


__all__ = ["CACHE_ENV", "Cache", "code_version", "default_dir", "embedder_identity", "installed_nlp_identity",
           "nlp_identity", "policy_identity", "record_from_dict", "record_to_dict"]
