"""Charts of a run for the notebooks: each fact's figures in their own units, open bounds drawn open.

``plot_facts`` draws one panel per fact: every claim of the fact is a row, its figure placed on an
axis in the figure's own units (dates as dates, durations in hours, days or years, distances in
metres or kilometres, counts as whole numbers), and each panel is titled by the fact's summary.

How a figure is drawn says what the outlet gave:

- an exact figure ("5") is a dot;
- a closed interval ("about 80", "several", "July 2017") is a solid bar;
- a figure open above ("at least 75", "more than 100") is a dot at its bound with a bar that fades
  out to the right and an arrowhead: the outlet gave no ceiling;
- a figure open below ("as many as 10", "fewer than 50") is a dot at its bound with a bar that
  fades out to the left: the outlet gave no floor;
- a strict bound ("more than", "fewer than") is a hollow dot, as the bound itself is excluded.

``claim_map`` draws the claims' sentence embeddings projected to two dimensions, coloured by outlet
and with the claims of each fact joined, and ``map_caption`` says in numbers what that projection
does and does not show for the run at hand.

Only matplotlib is needed; nothing here opens a window, so it runs under the Agg backend.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

# Verdicts worth a chart: the figures differ, or a toll moved.
FLAGGED = ("contradiction", "discrepancy", "update")

# Qualifiers whose figure has a ceiling but no stated floor: the low end is the tool's convention.
UPPER_BOUNDED = frozenset({"as many as", "up to", "fewer than", "at most", "less than"})
# Qualifiers whose bound is excluded: drawn with a hollow dot.
STRICT = frozenset({"more than", "fewer than", "less than"})

_EPOCH = date(1970, 1, 1).toordinal()   # matplotlib's date numbers count days from 1970-01-01

# Durations arrive in seconds: shown in the largest of these units whose threshold the longest figure
# reaches (name, seconds per unit, threshold in seconds): "48-hour" in hours, "six months" in days.
_DURATIONS = (("seconds", 1.0, 0.0), ("minutes", 60.0, 120.0), ("hours", 3600.0, 7200.0),
              ("days", 86400.0, 3 * 86400.0), ("years", 365 * 86400.0, 2 * 365 * 86400.0))


@dataclass(frozen=True)
class Scale:
    """How a fact's machine values become axis positions, and what the axis says."""

    label: str           # the axis label, with its unit: "duration (hours)", "date", "count (people)"
    factor: float = 1.0  # machine value / factor = axis value (ignored for dates)
    dates: bool = False  # values are date ordinals, drawn on a date axis
    integer: bool = False  # a count: whole-number ticks

    def x(self, value: float) -> float:
        """The axis position of one machine value."""
        if self.dates:
            return float(value) - _EPOCH
        return float(value) / self.factor


def _finite(values: Iterable) -> list[float]:
    out = []
    for v in values:
        if v is None:
            continue
        try:
            f = float(v)
        except (TypeError, ValueError):
            continue
        if not math.isnan(f) and not math.isinf(f):
            out.append(f)
    return out


def _is_missing(v) -> bool:
    if v is None:
        return True
    try:
        return math.isnan(float(v))
    except (TypeError, ValueError):
        return True


def choose_scale(kind: str, unit: str | None, values: Iterable, subject: str = "") -> Scale:
    """The axis for a fact of ``kind`` whose claims have ``unit`` and these machine values.

    Dates (ordinals) go on a date axis; durations (seconds) in seconds, minutes, hours, days or
    years, whichever the largest figure reads best in; distances and areas in metres or kilometres;
    masses in kg or tonnes; a count (no unit) in whole numbers of its subject.
    """
    vals = [abs(v) for v in _finite(values)]
    top = max(vals) if vals else 0.0
    if kind == "date":
        return Scale("date", dates=True)
    if unit == "s":
        name, factor = "seconds", 1.0
        for n, f, threshold in _DURATIONS:
            if top >= threshold:
                name, factor = n, f
        return Scale(f"duration ({name})", factor)
    if unit == "m":
        return Scale("distance (km)", 1000.0) if top >= 1000 else Scale("distance (m)")
    if unit == "m2":
        return Scale("area (km²)", 1e6) if top >= 1e6 else Scale("area (m²)")
    if unit == "kg":
        return Scale("mass (tonnes)", 1000.0) if top >= 1000 else Scale("mass (kg)")
    if unit == "%":
        return Scale("percent (%)")
    if unit:
        return Scale(f"amount ({unit})")
    if kind == "age":
        return Scale("age (years)", integer=True)
    what = subject.strip() or kind
    return Scale(f"count ({what})", integer=True)


def shape(low, high, qualifier: str | None) -> str:
    """How a claim's figure is drawn: "exact", "range", "open_above" or "open_below"."""
    q = (qualifier or "").lower()
    if _is_missing(high):
        return "open_above"
    if q in UPPER_BOUNDED:
        return "open_below"
    if float(low) == float(high):
        return "exact"
    return "range"


def fact_title(fact, width: int = 95) -> str:
    """A panel's title: the fact's id and verdict, then its summary, wrapped to ``width``."""
    head = f"{_get(fact, 'id')} · {_get(fact, 'verdict')}"
    summary = str(_get(fact, "summary") or _get(fact, "subject") or "")
    return "\n".join([head, *textwrap.wrap(summary, width)])


def _get(obj, name):
    """A field of a record or a DataFrame row alike."""
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _rows(fact, claims) -> list[dict]:
    """The claims of one fact, in the fact's order, as plain dicts."""
    ids = list(_get(fact, "claim_ids"))
    if hasattr(claims, "to_dict"):       # a claims_frame()
        by_id = {r["id"]: r for r in claims.to_dict("records")}
    else:                                # a list of Claim records (no outlet: use the article id)
        by_id = {c.id: {"outlet": c.article_id, **{k: getattr(c, k) for k in c.__slots__}}
                 for c in claims}
    return [by_id[i] for i in ids if i in by_id]


def _fade(ax, y: float, start: float, stop: float, color, height: float, steps: int = 16) -> None:
    """A bar from ``start`` to ``stop`` that fades out towards ``stop``."""
    edges = np.linspace(start, stop, steps + 1)
    for i in range(steps):
        alpha = 0.75 * (1 - i / steps) ** 1.5
        ax.barh(y, edges[i + 1] - edges[i], left=edges[i], height=height, color=color,
                alpha=alpha, linewidth=0)


def stated_bound(row: dict, scale: Scale | None = None) -> float | None:
    """The bound an open figure's outlet stated, as a machine value: 75 for "at least 75", 100 for
    "more than 100", 10 for "as many as 10"; None for a closed figure.

    For a whole count the parser stores "more than 100" as [101, ∞) and "fewer than 50" as [0, 49]
    (numbers._qualify); the stated, excluded bound is one step outside. Measures keep the bound itself.
    """
    q = (row.get("qualifier") or "").lower()
    s = shape(row.get("low"), row.get("high"), q)
    whole = scale is not None and scale.integer
    if s == "open_above":
        low = float(row["low"])
        return low - 1 if q in STRICT and whole and low.is_integer() else low
    if s == "open_below":
        high = float(row["high"])
        return high + 1 if q in STRICT and whole and high.is_integer() else high
    return None


def bound_label(row: dict, scale: Scale | None = None) -> str:
    """An open figure in words a reader checks against the quote: "≥ 75", "> 100", "> 180 days"."""
    q = (row.get("qualifier") or "").lower()
    s = shape(row.get("low"), row.get("high"), q)
    bound = stated_bound(row, scale)
    if bound is None:
        return ""
    sign = (">" if q in STRICT else "≥") if s == "open_above" else ("<" if q in STRICT else "≤")
    return f"{sign} {format_value(bound, scale)}"


def format_value(value: float, scale: Scale | None = None) -> str:
    """A machine value in the scale's units: "2017-06-27", "180 days", "75"."""
    if scale is None:
        return _num(value)
    if scale.dates:
        return date.fromordinal(int(value)).isoformat()
    shown = _num(round(scale.x(value), 2))
    unit = scale.label[scale.label.find("(") + 1:-1] if "(" in scale.label and not scale.integer else ""
    return f"{shown} {unit}".strip() if unit not in ("", "%") else f"{shown}{unit}"


def _num(v) -> str:
    f = float(v)
    return f"{int(f):,}" if f == int(f) else f"{f:,.4g}"


def plot_fact(ax, fact, claims, *, title_width: int = 95) -> Scale:
    """One fact's claims on ``ax``: a row per claim, in the figure's own units. Returns the scale."""
    rows = _rows(fact, claims)
    scale, values = _fact_scale(fact, rows)
    left, right = _x_limits(rows, values, scale)
    _draw_rows(ax, rows, scale, left, right)
    _style_axes(ax, rows, scale, left, right)
    _draw_title(ax, fact, title_width)
    return scale


def _fact_scale(fact, rows: list[dict]) -> tuple[Scale, list]:
    """The fact's axis scale, from its claims' shared unit and values, and those values."""
    units = {r.get("unit") for r in rows if not _is_missing_unit(r.get("unit"))}
    unit = units.pop() if len(units) == 1 else None
    values = [v for r in rows for v in (r.get("low"), r.get("high"))]
    scale = choose_scale(str(_get(fact, "kind")), unit, values, str(_get(fact, "subject") or ""))
    return scale, values


def _x_limits(rows: list[dict], values: list, scale: Scale) -> tuple[float, float]:
    """The axis's left and right ends, with room for open bounds to fade out."""
    xs = [scale.x(v) for v in _finite(values)]
    lo, hi = (min(xs), max(xs)) if xs else (0.0, 1.0)
    span = hi - lo if hi > lo else max(abs(hi), 1.0)
    open_above = any(shape(r["low"], r.get("high"), r.get("qualifier")) == "open_above" for r in rows)
    open_below = any(shape(r["low"], r.get("high"), r.get("qualifier")) == "open_below" for r in rows)
    right = hi + (0.45 if open_above else 0.08) * span
    left = lo - (0.3 if open_below else 0.08) * span
    if scale.integer and lo >= 0:
        left = max(left, -0.05 * span)   # a count is never negative: no room left of zero
    return left, right


def _draw_rows(ax, rows: list[dict], scale: Scale, left: float, right: float) -> None:
    """Each claim's figure on its row: a dot, a bar, or a bound fading out to an open end."""
    height = 0.36
    for y, r in enumerate(rows):
        s = shape(r["low"], r.get("high"), r.get("qualifier"))
        strict = (r.get("qualifier") or "").lower() in STRICT
        if s == "exact":
            ax.plot(scale.x(r["low"]), y, "o", color="tab:blue", ms=7, zorder=3)
        elif s == "range":
            a, b = scale.x(r["low"]), scale.x(r["high"])
            ax.barh(y, b - a, left=a, height=height, color="tab:orange", alpha=0.75)
            ax.plot([a, b], [y, y], "|", color="tab:orange", ms=12, mew=2)
        elif s == "open_above":
            a = scale.x(stated_bound(r, scale))
            _fade(ax, y, a, right, "tab:red", height)
            ax.annotate("", xy=(right, y), xytext=(-16, 0), textcoords="offset points",
                        arrowprops=dict(arrowstyle="-|>", color="tab:red", alpha=0.6, lw=1.5))
            ax.plot(a, y, "o", ms=8, zorder=3, color="tab:red", mfc="white" if strict else "tab:red", mew=2)
            ax.annotate(bound_label(r, scale), (a, y), xytext=(0, 9), textcoords="offset points",
                        ha="center", fontsize=8, color="tab:red")
        else:  # open below: the ceiling is stated, the floor is not
            b = scale.x(stated_bound(r, scale))
            _fade(ax, y, b, left, "tab:purple", height)
            ax.annotate("", xy=(left, y), xytext=(16, 0), textcoords="offset points",
                        arrowprops=dict(arrowstyle="-|>", color="tab:purple", alpha=0.6, lw=1.5))
            ax.plot(b, y, "o", ms=8, zorder=3, color="tab:purple",
                    mfc="white" if strict else "tab:purple", mew=2)
            ax.annotate(bound_label(r, scale), (b, y), xytext=(0, 9), textcoords="offset points",
                        ha="center", fontsize=8, color="tab:purple")


def _style_axes(ax, rows: list[dict], scale: Scale, left: float, right: float) -> None:
    """The axes' limits, claim labels, unit label, grid and tick locators."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import MaxNLocator

    ax.set_xlim(left, right)
    ax.set_ylim(len(rows) - 0.4, -0.6)   # first claim on top
    ax.set_yticks(range(len(rows)), [f"{r.get('outlet')} · “{r.get('surface')}”" for r in rows], fontsize=8)
    ax.set_xlabel(scale.label)
    ax.grid(axis="x", alpha=0.3)
    if scale.dates:
        loc = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    elif scale.integer:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _draw_title(ax, fact, title_width: int) -> None:
    """The panel's title: the fact's id, verdict and summary."""
    # The title starts at the figure's left edge, over the outlet labels, and sits above the axes.
    from matplotlib.transforms import blended_transform_factory, offset_copy
    where = offset_copy(blended_transform_factory(ax.figure.transFigure, ax.transAxes), ax.figure,
                        y=6, units="points")
    ax.text(0.012, 1.0, fact_title(fact, title_width), transform=where, ha="left", va="bottom",
            fontsize=9)


def _is_missing_unit(u) -> bool:
    return u is None or (isinstance(u, float) and math.isnan(u)) or u == ""


def plot_facts(facts, claims, *, verdicts: Sequence[str] = FLAGGED, width: float = 9.0):
    """One panel per fact whose verdict is in ``verdicts`` (all facts when ``verdicts`` is empty).

    ``facts`` and ``claims`` are a run's ``facts_frame()`` and ``claims_frame()``. Returns the figure,
    or None when no fact qualifies.
    """
    import matplotlib.pyplot as plt

    chosen = [f for f in _records(facts) if not verdicts or _get(f, "verdict") in verdicts]
    if not chosen:
        return None
    heights = [1.3 + 0.42 * len(_get(f, "claim_ids")) + 0.16 * fact_title(f).count("\n") for f in chosen]
    fig, axes = plt.subplots(len(chosen), 1, figsize=(width, sum(heights) + 0.6), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    for ax, fact in zip(axes[:, 0], chosen):
        plot_fact(ax, fact, claims)
    fig.tight_layout()
    return fig


def _records(frame) -> list:
    if hasattr(frame, "to_dict"):
        return frame.to_dict("records")
    return list(frame)


# --- the embedding map -------------------------------------------------------------------------

@dataclass(frozen=True)
class MapStats:
    """What a 2-D projection of the claim embeddings keeps, measured on the run at hand."""

    claims: int                 # claims on the map
    variance_kept: float        # share of the embeddings' variance the two axes keep
    shared: int                 # claims whose fact has another claim
    near_own_fact_2d: int       # of those, how many have a claim of their own fact as nearest on the map
    near_own_fact_full: int     # ... and in the full embedding
    near_own_article_2d: float  # share of all claims whose nearest on the map is from their own article


def _nearest(x: np.ndarray) -> np.ndarray:
    d = np.linalg.norm(x[:, None, :] - x[None, :, :], axis=2)
    np.fill_diagonal(d, np.inf)
    return d.argmin(axis=1)


def project(vectors: np.ndarray, seed: int = 0) -> tuple[np.ndarray, float]:
    """The vectors projected to two dimensions by PCA, and the share of variance kept."""
    from sklearn.decomposition import PCA

    pca = PCA(n_components=2, random_state=seed).fit(vectors)
    return pca.transform(vectors), float(pca.explained_variance_ratio_.sum())


def map_stats(claims, facts, vectors: np.ndarray, xy: np.ndarray, variance_kept: float) -> MapStats:
    """Measure whether claims of one fact sit together, on the map and in the full embedding."""
    claim_rows = _records(claims)
    fact_of = {cid: _get(f, "id") for f in _records(facts) for cid in _get(f, "claim_ids")}
    fa = np.array([fact_of.get(r["id"]) for r in claim_rows], dtype=object)
    art = np.array([r.get("article_id") for r in claim_rows], dtype=object)
    n = len(claim_rows)
    if n < 2:
        return MapStats(n, variance_kept, 0, 0, 0, 0.0)
    nn2, nnf = _nearest(np.asarray(xy, float)), _nearest(np.asarray(vectors, float))
    shared = [i for i in range(n) if fa[i] is not None and (fa == fa[i]).sum() > 1]
    return MapStats(
        claims=n, variance_kept=variance_kept, shared=len(shared),
        near_own_fact_2d=sum(fa[nn2[i]] == fa[i] for i in shared),
        near_own_fact_full=sum(fa[nnf[i]] == fa[i] for i in shared),
        near_own_article_2d=float(np.mean(art[nn2] == art)))


def map_caption(stats: MapStats) -> str:
    """What the map shows, in the run's own numbers; it claims no grouping the numbers do not show."""
    parts = [f"The two axes keep {stats.variance_kept:.0%} of the spread of the {stats.claims} claims' "
             f"sentence embeddings, so nearness on the map is rough."]
    if stats.shared:
        share = stats.near_own_fact_2d / stats.shared
        verdict = "mostly sit together here" if share >= 0.5 else "do not sit together here"
        parts.append(f"Of the {stats.shared} claims that share a fact with another claim, "
                     f"{stats.near_own_fact_2d} have a claim of that fact as their nearest neighbour on the "
                     f"map ({stats.near_own_fact_full} in the full embedding), so claims of one fact {verdict}"
                     f" (lines join them).")
    parts.append(f"{stats.near_own_article_2d:.0%} of the claims have a claim from their own article as "
                 f"nearest neighbour. Facts are grouped by kind, subject, dates and figures as well as by "
                 f"wording, so the map shows how alike the sentences read, not which claims state one fact.")
    return " ".join(parts)


def claim_map(claims, facts, vectors: np.ndarray, *, seed: int = 0, width: float = 9.0):
    """The claims' embeddings by PCA, coloured by outlet, claims of one fact joined by a line.

    Returns ``(figure, stats)``; the figure carries ``map_caption(stats)`` under the plot.
    """
    import matplotlib.pyplot as plt

    claim_rows = _records(claims)
    vectors = np.asarray(vectors, float)
    if len(claim_rows) >= 3:
        xy, kept = project(vectors, seed)
    else:
        xy, kept = np.zeros((len(claim_rows), 2)), 0.0
    stats = map_stats(claims, facts, vectors, xy, kept)

    fig, ax = plt.subplots(figsize=(width, width * 0.62))
    index = {r["id"]: i for i, r in enumerate(claim_rows)}
    joined = False
    for f in _records(facts):
        pts = [index[c] for c in _get(f, "claim_ids") if c in index]
        for a, b in zip(pts, pts[1:]):
            ax.plot(xy[[a, b], 0], xy[[a, b], 1], "-", color="0.55", lw=0.8, alpha=0.7, zorder=1,
                    label=None if joined else "claims of one fact")
            joined = True
    outlets = sorted({str(r.get("outlet")) for r in claim_rows})
    colors = plt.get_cmap("tab10" if len(outlets) <= 10 else "tab20")
    for k, outlet in enumerate(outlets):
        mask = np.array([str(r.get("outlet")) == outlet for r in claim_rows])
        ax.scatter(xy[mask, 0], xy[mask, 1], s=22, color=colors(k % colors.N), label=outlet, zorder=2)
    if len(outlets) <= 12:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    ax.set_xlabel("first principal component (no unit)")
    ax.set_ylabel("second principal component (no unit)")
    ax.set_title("Claims by wording: PCA of their sentence embeddings, coloured by outlet", loc="left",
                 fontsize=10)
    fig.text(0.01, 0.01, textwrap.fill(map_caption(stats), int(width * 16)), fontsize=8, va="bottom",
             ha="left")
    fig.tight_layout(rect=(0, 0.13, 1, 1))
    return fig, stats
