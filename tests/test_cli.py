"""The CLI and the outputs: exit codes, one-line errors, formats, help examples, and safe HTML."""

from __future__ import annotations

import functools
import json
import random
import re

import pytest
from typer.testing import CliRunner

import factcheck
from factcheck.cli import app
from factcheck.numbers import get_policy
from factcheck.pipeline import Result
from factcheck.records import Article, Claim, Fact

from conftest import ROOT

BAD = ROOT / "tests" / "bad_inputs"
HOSTILE = "Witnesses saw <script>alert('x')</script> | `rm -rf` [click](javascript:alert(1)) **near** the stalls."


@pytest.fixture
def run(monkeypatch, tmp_path, nlp, embedder):
    """Invoke the CLI with the session's models (the CLI calls ``factcheck.check``)."""
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(factcheck, "check", functools.partial(factcheck.pipeline.check, nlp=nlp,
                                                              embedder=embedder))

    def invoke(*args: str):
        return CliRunner().invoke(app, [str(a) for a in args])
    return invoke


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output and result.exception is None or \
        isinstance(result.exception, SystemExit)


def test_bad_inputs_are_listed_and_exit_3(run, tmp_path):
    res = run("report", BAD, "--max-bytes", 4096, "--out", tmp_path / "r.md", "--json", tmp_path / "r.json")
    assert res.exit_code == 3, res.output
    _no_traceback(res)
    skipped = [line for line in res.stderr.splitlines() if line.startswith("factcheck: skipped ")]
    assert any("empty.txt: empty file" in line for line in skipped)
    assert any("dataset.jsonl#2: not valid JSON" in line for line in skipped)
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(doc["skipped"]) == len(skipped)
    assert "skipped" in res.stdout  # the summary line says so


@pytest.mark.parametrize("args, names", [
    (["report", BAD / "dataset.jsonl", "--strict"], "dataset.jsonl:2: not valid JSON"),
    (["report", BAD / "nul_bytes.txt", "--strict"], "nul_bytes.txt: binary file"),
    (["report", BAD / "no_such_file.txt"], "no_such_file.txt: no such file or folder"),
    (["claims", BAD / "bad_front_matter.md", "--strict"], "bad_front_matter.md:3: malformed front matter"),
])
def test_bad_input_is_one_line_naming_the_file(run, tmp_path, args, names):
    res = run(*args, "--out", tmp_path / "r.md", "--json", tmp_path / "r.json") if args[0] == "report" \
        else run(*args)
    assert res.exit_code == 1
    _no_traceback(res)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: ") and names in lines[0]


@pytest.mark.parametrize("args", [["report", "--no-such-option"], ["explain"],
                                  ["report", BAD / "ok.txt", "--policy", "nonsense"],
                                  ["claims", BAD / "ok.txt", "--policy", "nonsense"]])
def test_usage_error_exits_2(run, args):
    res = run(*args)
    assert res.exit_code == 2
    _no_traceback(res)
    if "--policy" in args:
        assert "nonsense" in res.stderr and "conservative" in res.stderr and "crowd" in res.stderr


@pytest.mark.parametrize("command", ["report", "claims"])
def test_a_folder_with_no_articles_is_an_error(run, tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    args = [command, empty] + (["--out", tmp_path / "r.md", "--json", tmp_path / "r.json"] if command == "report" else [])
    res = run(*args)
    assert res.exit_code == 1
    assert "no article files found" in res.stderr and str(empty) in res.stderr
    assert not (tmp_path / "r.md").exists()


def test_a_path_option_is_written_whatever_format_lists(run, tmp_path):
    res = run("report", BAD / "ok.txt", "-f", "md", "--out", tmp_path / "r.md", "--html", tmp_path / "r.html",
              "--tables-dir", tmp_path / "t", "--no-cache")
    assert res.exit_code == 0, res.stderr
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["claims.csv", "facts.csv", "r.html",
                                                                         "r.md"]


@pytest.mark.parametrize("command", ["", "report", "claims", "explain"])
def test_help_ends_with_an_example(command):
    res = CliRunner().invoke(app, [command, "--help"] if command else ["--help"])
    assert res.exit_code == 0
    assert re.search(r"Example: factcheck \S.*\n*\Z", res.stdout), res.stdout[-200:]
    if command in ("", "report"):
        assert "Exit codes: 0 success; 1 bad input" in " ".join(res.stdout.split())


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    lede = ("A fire swept through the central market of the city on Monday morning, destroying "
            "dozens of stalls before firefighters brought it under control in the afternoon.\n\n")
    (d / "a.txt").write_text("---\noutlet: Outlet <b>A</b> | `x`\npublished: 2018-01-15\n---\n" + lede +
                             f"Two people died in the fire in the market on Monday, police said. {HOSTILE}\n",
                             encoding="utf-8")
    (d / "b.txt").write_text("---\noutlet: Outlet B\npublished: 2018-01-15\n---\n" + lede +
                             "Five people died in the fire in the market on Monday, firefighters said.\n",
                             encoding="utf-8")
    return d


def test_every_format_and_determinism(run, tmp_path, hostile_dir):
    outs = []
    for seed in (0, 1):
        paths = [hostile_dir / "b.txt", hostile_dir / "a.txt", BAD / "page.html", BAD / "dataset.csv"]
        random.Random(seed).shuffle(paths)
        o = tmp_path / str(seed)
        res = run("report", *paths, "-f", "md", "-f", "json", "-f", "html", "-f", "csv", "-f", "parquet",
                  "--out", o / "r.md", "--json", o / "r.json", "--html", o / "r.html", "--tables-dir", o / "t",
                  "--jsonld", o / "r.jsonld", "--quiet")
        assert res.exit_code == 3 and res.stdout == ""  # dataset.csv has bad rows; quiet prints nothing
        outs.append({p.relative_to(o): p.read_bytes() for p in sorted(o.rglob("*")) if p.is_file()})
    assert sorted(map(str, outs[0])) == ["r.html", "r.json", "r.jsonld", "r.md", "t/claims.csv",
                                         "t/claims.parquet", "t/facts.csv", "t/facts.parquet"]
    for name in outs[0]:
        if not str(name).endswith(".parquet"):
            assert outs[0][name] == outs[1][name], f"{name} differs with another input order"
    html = outs[0][next(n for n in outs[0] if str(n) == "r.html")].decode()
    assert "Outlet &lt;b&gt;A&lt;/b&gt; | `x`" in html  # shown, as text
    assert "<script" not in html.split("<body>", 1)[1] and "<b>A" not in html
    assert "<mark>Two</mark> people died" in html and "<mark>Five</mark> people died" in html
    md = outs[0][next(n for n in outs[0] if str(n) == "r.md")].decode()
    assert "Outlet \\<b\\>A\\</b\\> \\| \\`x\\`" in md
    jsonld = json.loads(outs[0][next(n for n in outs[0] if str(n) == "r.jsonld")])
    assert jsonld and all(x["@type"] == "ClaimReview" for x in jsonld)


def test_claims_and_explain(run, hostile_dir):
    res = run("claims", hostile_dir)
    assert res.exit_code == 0 and "Two" in res.stdout and "Five" in res.stdout
    fact = next(line.split()[1] for line in res.stdout.splitlines() if line.rstrip().endswith("Five"))
    res = run("explain", fact, hostile_dir)
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith(f"{fact} · ") and "**Five**" in res.stdout
    res = run("explain", "F999", hostile_dir)
    assert res.exit_code == 1 and "no fact 'F999'" in res.stderr


def _result_with(sentence: str, surface: str) -> Result:
    text = f"Intro. {sentence}"
    s0 = text.index(sentence)
    start = s0 + sentence.index(surface)
    art = Article(id="a", path="in/a|b`.txt", outlet="<i>Outlet</i>", published=None, text=text,
                  url="javascript:alert(1)")
    claims = tuple(Claim(id=f"C{i}", article_id="a", kind="killed", subject="people", low=n, high=n,
                         qualifier="exact", surface=surface, start=start, end=start + len(surface),
                         sentence=sentence, sentence_start=s0, claimant="<b>police</b>")
                   for i, n in ((1, 2), (2, 3)))
    fact = Fact(id="F1", kind="killed", subject="<u>people</u>", claim_ids=("C1", "C2"),
                verdict="contradiction", summary="2 vs 3 </h3><script>x()</script>", why=("`a` | b",))
    return Result((art,), (), claims, (fact,), get_policy("conservative"), "fake")


@pytest.mark.parametrize("sentence, surface", [
    (f"Two people died {HOSTILE}.", "Two"),
    ("They said <script>two</script> died.", "<script>two</script>"),
    ("Figures `two` | three died.", "`two`"),
])
def test_html_report_escapes_everything(sentence, surface):
    page = _result_with(sentence, surface).to_html(jsonld=True)
    body = page.split("<body>", 1)[1]
    assert "<script" not in body and "<i>Outlet" not in body and "<b>police" not in body
    assert 'href="javascript' not in page
    from html import escape
    assert f"<mark>{escape(surface)}</mark>" in body
    head = page.split("<body>", 1)[0]
    assert head.count("<script") == 1 and head.count("</script>") == 1  # only the inert JSON-LD block
    assert "</script><script>" not in head


# --- claims and explain: the cache, the inputs of report, the outlet; help; progress ----------------

def _refuse_to_run(*args, **kwargs):
    raise AssertionError("the pipeline ran although the run was stored")


def test_claims_shows_the_outlet_and_claims_and_explain_read_the_stored_run(run, monkeypatch, hostile_dir,
                                                                           tmp_path):
    res = run("report", hostile_dir, "--out", tmp_path / "r.md", "--json", tmp_path / "r.json", "-q")
    assert res.exit_code == 0, res.output
    monkeypatch.setattr(factcheck, "check", _refuse_to_run)  # from here on, only the stored run
    first = run("claims", hostile_dir)
    assert first.exit_code == 0, first.output
    header = first.stdout.splitlines()[0].split()
    assert header[:3] == ["id", "fact", "outlet"]
    assert "Outlet B" in first.stdout and "Outlet <b>A</b>" in first.stdout
    assert run("claims", hostile_dir).stdout == first.stdout
    fact = next(line.split()[1] for line in first.stdout.splitlines() if line.rstrip().endswith("Five"))
    res = run("explain", fact, hostile_dir)
    assert res.exit_code == 0 and res.stdout.startswith(f"{fact} · ") and "**Five**" in res.stdout
    res = run("explain", "F999", hostile_dir)
    assert res.exit_code == 1 and "no fact 'F999' in this run" in res.stderr


def test_a_stored_run_reads_back_exactly(run, hostile_dir):
    fresh = [run("claims", hostile_dir, "--no-cache"), run("explain", "F1", hostile_dir, "--no-cache")]
    run("claims", hostile_dir)  # stores the run
    stored = [run("claims", hostile_dir), run("explain", "F1", hostile_dir)]
    assert [r.stdout for r in stored] == [r.stdout for r in fresh]
    assert all(r.exit_code == 0 for r in fresh + stored)


def test_a_changed_input_or_option_runs_again(run, monkeypatch, tmp_path, hostile_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in hostile_dir.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    calls = []
    real = factcheck.check
    monkeypatch.setattr(factcheck, "check", lambda *a, **k: calls.append(k) or real(*a, **k))
    assert run("claims", folder).exit_code == 0
    assert run("claims", folder).exit_code == 0 and len(calls) == 1
    (folder / "b.txt").write_text((folder / "b.txt").read_text().replace("Five", "Six"), encoding="utf-8")
    res = run("claims", folder)
    assert len(calls) == 2 and "Six" in res.stdout
    run("claims", folder, "--policy", "crowd")
    assert len(calls) == 3 and calls[-1]["policy"] == "crowd"
    run("claims", folder, "--no-cache")
    run("claims", folder, "--no-cache")
    assert len(calls) == 5 and calls[-1]["cache"] is None
    assert calls[0]["cache"] is not None  # the same cache report uses


def test_claims_and_explain_take_the_dataset_columns_of_report(run, tmp_path):
    lede = ("A fire swept through the central market of the city on Monday morning, destroying dozens of "
            "stalls before firefighters brought it under control in the afternoon. ")
    rows = [{"body": lede + "Two people died in the fire in the market on Monday, police said.",
             "source": "Daily Alpha", "day": "2018-01-15", "key": "a1"},
            {"body": lede + "Five people died in the fire in the market on Monday, firefighters said.",
             "source": "Beta Times", "day": "2018-01-15", "key": "b1"}]
    data = tmp_path / "news.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    cols = ["--text-column", "body", "--outlet-column", "source", "--published-column", "day",
            "--id-column", "key"]
    res = run("claims", data, *cols)
    assert res.exit_code == 0, res.output
    assert "Daily Alpha" in res.stdout and "Beta Times" in res.stdout
    fact = next(line.split()[1] for line in res.stdout.splitlines() if line.rstrip().endswith("Five"))
    res = run("explain", fact, data, *cols)
    assert res.exit_code == 0, res.output
    assert "(Beta Times, 2018-01-15;" in res.stdout and "(Daily Alpha, 2018-01-15;" in res.stdout


def test_explain_rejects_what_is_not_a_fact_id_at_once(run, monkeypatch):
    monkeypatch.setattr(factcheck, "check", _refuse_to_run)
    res = run("explain", "banana", BAD / "ok.txt")
    assert res.exit_code == 2 and "fact ids look like F4" in res.stderr


@pytest.mark.parametrize("command", ["report", "claims", "explain"])
def test_help_shows_no_type_names(command):
    res = CliRunner().invoke(app, [command, "--help"])
    assert res.exit_code == 0
    assert not re.search(r"<[a-z]", res.stdout), res.stdout  # no <list[Path]>, <str>, <int range>
    assert "PATH..." in res.stdout
    for option in ("--policy", "--model", "--strict", "--max-bytes", "--text-column", "--outlet-column",
                   "--published-column", "--url-column", "--id-column", "--lang-column", "--quiet",
                   "--no-cache", "--clear-cache"):
        assert option in res.stdout, f"{command} lacks {option}"


def test_html_names_the_json_only_when_the_run_wrote_it(run, tmp_path, hostile_dir):
    res = run("report", hostile_dir, "-f", "md", "-f", "html", "--out", tmp_path / "r.md", "--html",
              tmp_path / "r.html", "--json", tmp_path / "r.json")
    assert res.exit_code == 0 and not (tmp_path / "r.json").exists()
    assert ".json" not in (tmp_path / "r.html").read_text(encoding="utf-8")
    res = run("report", hostile_dir, "-f", "json", "-f", "html", "--html", tmp_path / "s.html", "--json",
              tmp_path / "s.json")
    assert res.exit_code == 0
    assert "<code>s.json</code>" in (tmp_path / "s.html").read_text(encoding="utf-8")  # as seen from the page


def test_progress_shows_counts_of_each_stage():
    import io

    from rich.console import Console

    from factcheck.cli import _Progress

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100)
    with _Progress(hooked=True, console=console, delay=0) as progress:
        progress("read", 5, 5)
        progress("parsed", 3, 5)
        progress("embedded", 0, 5)
    out = buf.getvalue()
    assert "articles read" in out and "articles parsed" in out and "articles embedded" in out
    assert "3/5" in out


def test_progress_only_on_a_terminal_and_not_with_quiet(monkeypatch, hostile_dir):
    from factcheck import cli

    seen = []

    def fake_check(paths, *, progress=None, **options):
        seen.append(progress)
        if progress is not None:
            progress("read", 2, 2)
        return factcheck.pipeline.Result((), (), (), (), get_policy("conservative"), "fake")

    monkeypatch.setattr(factcheck, "check", fake_check)
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True, raising=False)
    cli._check([hostile_dir], quiet=False)
    cli._check([hostile_dir], quiet=True)
    assert isinstance(seen[0], cli._Progress) and seen[1] is None
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False, raising=False)
    cli._check([hostile_dir], quiet=False)
    assert seen[2] is None


def test_progress_without_a_hook_is_one_line_without_counts():
    import io

    from rich.console import Console

    from factcheck.cli import _Progress

    buf = io.StringIO()
    with _Progress(hooked=False, console=Console(file=buf, force_terminal=True, width=100), delay=0):
        pass
    assert "Reading articles" in buf.getvalue() and "0/?" not in buf.getvalue()


def test_a_quick_run_shows_no_progress():
    import io

    from rich.console import Console

    from factcheck.cli import _Progress

    buf = io.StringIO()
    with _Progress(hooked=True, console=Console(file=buf, force_terminal=True, width=100)) as progress:
        progress("read", 1, 1)  # done long before PROGRESS_DELAY
    assert buf.getvalue() == ""
