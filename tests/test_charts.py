"""The notebook charts: axes in the figure's own units, open bounds drawn open, facts titled by summary.

Everything renders with matplotlib's Agg backend: no display, no models.
"""

from __future__ import annotations

from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import dates as mdates  # noqa: E402

from factcheck import charts  # noqa: E402
from factcheck.numbers import parse_figure  # noqa: E402


def claim(cid, surface, outlet="Outlet A", *, kind="killed", subject="people", article=None, low=None,
          high=None, qualifier=None, unit=None):
    """A claims_frame() row; the figure comes from the real parser unless given."""
    if low is None:
        fig = parse_figure(surface)
        low, high, qualifier, unit = fig.low, fig.high, fig.qualifier, fig.unit
    return {"id": cid, "article_id": article or outlet, "outlet": outlet, "kind": kind, "subject": subject,
            "surface": surface, "low": low, "high": np.nan if high is None else high,
            "qualifier": qualifier or "exact", "unit": unit, "sentence": surface}


def fact(fid, rows, *, kind="killed", subject="people", verdict="discrepancy", summary=None):
    return {"id": fid, "kind": kind, "subject": subject, "claim_ids": tuple(r["id"] for r in rows),
            "verdict": verdict, "summary": summary or f"{subject} {kind}: " + " vs ".join(r["surface"] for r in rows)}


def draw(f, rows):
    fig, ax = plt.subplots()
    scale = charts.plot_fact(ax, f, pd.DataFrame(rows))
    fig.canvas.draw()
    return fig, ax, scale


def tick_texts(ax):
    return [t.get_text() for t in ax.get_xticklabels() if t.get_text()]


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


# --- units -------------------------------------------------------------------------------------

def test_dates_are_drawn_as_dates_not_ordinals():
    rows = [claim("a", "July 2017", kind="date", subject="attack", low=date(2017, 7, 1).toordinal(),
                  high=date(2017, 7, 31).toordinal(), qualifier="range"),
            claim("b", "27 June", "Outlet B", kind="date", subject="attack",
                  low=date(2017, 6, 27).toordinal(), high=date(2017, 6, 27).toordinal())]
    fig, ax, scale = draw(fact("F1", rows, kind="date", subject="attack"), rows)
    assert scale.dates and ax.get_xlabel() == "date"
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    left, right = (mdates.num2date(x).date() for x in ax.get_xlim())
    assert date(2017, 6, 1) < left <= date(2017, 6, 27) and date(2017, 7, 31) <= right < date(2017, 9, 1)
    assert "e5" not in ax.xaxis.get_offset_text().get_text() and "+7" not in ax.xaxis.get_offset_text().get_text()
    assert any(t in ("Jul", "Aug") for t in tick_texts(ax))


@pytest.mark.parametrize("surface,label", [
    ("48-hour", "duration (hours)"),
    ("about two hours", "duration (hours)"),
    ("six months", "duration (days)"),
    ("15 years", "duration (years)"),
    ("90 seconds", "duration (seconds)"),
])
def test_durations_are_shown_in_hours_days_or_years(surface, label):
    row = claim("a", surface, kind="duration", subject="duration")
    assert row["unit"] == "s"
    scale = charts.choose_scale("duration", "s", [row["low"], row["high"]])
    assert scale.label == label
    assert 1 <= scale.x(row["low"]) < 1000     # readable numbers, never 1e7 seconds


def test_a_duration_axis_reads_in_days():
    rows = [claim("a", "more than six months", kind="duration", subject="duration"),
            claim("b", "six months", "Outlet B", kind="duration", subject="duration")]
    fig, ax, scale = draw(fact("F7", rows, kind="duration", subject="duration"), rows)
    assert ax.get_xlabel() == "duration (days)"
    lo, hi = ax.get_xlim()
    assert 100 < lo < 180 < hi < 400
    assert ax.xaxis.get_offset_text().get_text() == ""
    assert "> 180 days" in [t.get_text() for t in ax.texts]


def test_distances_counts_and_percent_have_their_units():
    assert charts.choose_scale("distance", "m", [72000, 88000]).label == "distance (km)"
    assert charts.choose_scale("distance", "m", [200, 200]).label == "distance (m)"
    count = charts.choose_scale("injured", None, [5, 10], "police officers")
    assert count.label == "count (police officers)" and count.integer
    assert charts.choose_scale("percent", "%", [80]).label == "percent (%)"
    assert charts.choose_scale("age", None, [22]).label == "age (years)"


def test_counts_have_whole_number_ticks():
    rows = [claim("a", "two"), claim("b", "at least one", "Outlet B")]
    fig, ax, _ = draw(fact("F6", rows), rows)
    assert ax.get_xlabel() == "count (people)"
    assert all(float(t).is_integer() for t in ax.get_xticks())


# --- open bounds -------------------------------------------------------------------------------

def test_at_least_is_an_open_fading_bar_with_an_arrow_not_a_bar_to_twice_its_floor():
    rows = [claim("a", "at least 75"), claim("b", "more than 100", "Outlet B")]
    fig, ax, _ = draw(fact("F8", rows, verdict="update"), rows)
    assert charts.shape(75, np.nan, "at least") == "open_above"
    bars = [p for p in ax.patches if abs(p.get_y() + p.get_height() / 2) < 0.01]   # row 0
    assert len(bars) > 5, "an open bound fades out in steps"
    alphas = [p.get_alpha() for p in sorted(bars, key=lambda p: p.get_x())]
    assert alphas == sorted(alphas, reverse=True) and alphas[-1] < 0.1 < alphas[0]
    assert not any(abs(p.get_x() + p.get_width() - 151) < 1e-6 for p in ax.patches)
    right = max(p.get_x() + p.get_width() for p in bars)
    assert right == pytest.approx(ax.get_xlim()[1])     # it runs off the axis: no ceiling
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert len(arrows) == 2
    assert {"≥ 75", "> 100"} <= {t.get_text() for t in ax.texts}


def test_more_than_is_a_hollow_dot_at_the_stated_bound():
    row = claim("b", "more than 100")
    assert row["low"] == 101      # the parser keeps "more than 100" as [101, ∞) for a count
    scale = charts.choose_scale("killed", None, [row["low"]])
    assert charts.stated_bound(row, scale) == 100
    assert charts.bound_label(row, scale) == "> 100"
    fig, ax, _ = draw(fact("F8", [row]), [row])
    dots = [ln for ln in ax.lines if ln.get_marker() == "o"]
    assert len(dots) == 1 and dots[0].get_xdata()[0] == 100 and dots[0].get_markerfacecolor() == "white"


def test_as_many_as_is_open_below():
    row = claim("c", "as many as 10")
    scale = charts.choose_scale("injured", None, [row["low"], row["high"]])
    assert charts.shape(row["low"], row["high"], row["qualifier"]) == "open_below"
    assert charts.bound_label(row, scale) == "≤ 10"
    fewer = claim("d", "fewer than 50")
    assert charts.stated_bound(fewer, scale) == 50 and charts.bound_label(fewer, scale) == "< 50"
    fig, ax, _ = draw(fact("F2", [row]), [row])
    bars = sorted(ax.patches, key=lambda p: p.get_x())
    assert bars[0].get_alpha() < bars[-1].get_alpha()     # fades out towards the unstated floor


def test_exact_is_a_dot_and_a_range_a_solid_bar():
    rows = [claim("a", "four"), claim("b", "several", "Outlet B", low=3, high=9, qualifier="vague")]
    fig, ax, _ = draw(fact("F3", rows), rows)
    assert charts.shape(4, 4, "exact") == "exact" and charts.shape(3, 9, "vague") == "range"
    solid = [p for p in ax.patches if abs(p.get_y() + p.get_height() / 2 - 1) < 0.01]
    assert len(solid) == 1 and solid[0].get_x() == 3 and solid[0].get_width() == 6


# --- titles ------------------------------------------------------------------------------------

def test_facts_are_titled_by_summary_not_subject():
    killed = [claim("a", "two"), claim("b", "at least two", "Outlet B")]
    injured = [claim("c", "five", kind="injured"), claim("d", "as many as 10", "Outlet B", kind="injured")]
    f1 = fact("F1", killed, subject="people", summary="People killed (reported 2018-01-15): 2 vs at least 2")
    f2 = fact("F2", injured, kind="injured", subject="people",
              summary="People injured (reported 2018-01-15): 5 vs as many as 10 (1–10)")
    t1, t2 = charts.fact_title(f1), charts.fact_title(f2)
    assert t1 != t2
    assert "People killed" in t1 and "People injured" in t2 and t1.startswith("F1 · discrepancy")
    frame = pd.DataFrame(killed + injured)
    fig = charts.plot_facts(pd.DataFrame([f1, f2]), frame)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert t1 in texts and t2 in texts


def test_a_long_summary_is_wrapped_not_cut():
    f = fact("F9", [claim("a", "two")], summary="word " * 60)
    title = charts.fact_title(f, width=50)
    assert all(len(line) <= 50 for line in title.splitlines())
    assert title.replace("\n", " ").count("word") == 60


def test_plot_facts_draws_only_flagged_facts_and_none_when_none():
    rows = [claim("a", "five")]
    single = pd.DataFrame([fact("F1", rows, verdict="single")])
    assert charts.plot_facts(single, pd.DataFrame(rows)) is None
    assert len(charts.plot_facts(single, pd.DataFrame(rows), verdicts=()).axes) == 1


# --- the embedding map -------------------------------------------------------------------------

def _map_data(together: bool):
    rng = np.random.default_rng(0)
    rows, facts, vectors = [], [], []
    centres = rng.normal(size=(4, 16)) * 5
    for k in range(4):
        ids = []
        for j in range(3):
            cid = f"c{k}{j}"
            ids.append(cid)
            rows.append(claim(cid, "two", f"Outlet {j}", article=f"art{j}"))
            base = centres[k] if together else centres[j]   # near its fact, or near its article
            vectors.append(base + rng.normal(size=16) * 0.1)
        facts.append(fact(f"F{k}", [r for r in rows if r["id"] in ids]))
    return pd.DataFrame(rows), pd.DataFrame(facts), np.array(vectors)


def test_map_caption_says_claims_of_a_fact_sit_together_only_when_they_do():
    claims, facts, vectors = _map_data(together=False)
    fig, stats = charts.claim_map(claims, facts, vectors)
    caption = charts.map_caption(stats)
    assert stats.near_own_fact_2d == 0 and stats.near_own_article_2d == 1.0
    assert "do not sit together" in caption and "mostly sit together" not in caption
    assert caption in " ".join(t.get_text().replace("\n", " ") for t in fig.texts)

    claims, facts, vectors = _map_data(together=True)
    fig, stats = charts.claim_map(claims, facts, vectors)
    assert stats.near_own_fact_2d == stats.shared == 12
    assert "mostly sit together" in charts.map_caption(stats)


def test_map_is_coloured_by_outlet_and_labels_its_axes():
    claims, facts, vectors = _map_data(together=False)
    fig, _ = charts.claim_map(claims, facts, vectors)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"Outlet 0", "Outlet 1", "Outlet 2", "claims of one fact"} == set(labels)
    assert "principal component" in ax.get_xlabel() and "principal component" in ax.get_ylabel()
    assert "sit close" not in ax.get_title()
