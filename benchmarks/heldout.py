"""Score the real pipeline on the held-out corpus (tests/heldout/), written without looking at the code.

    python benchmarks/heldout.py                    # tests/heldout/: each planted item, then the flagged facts
    python benchmarks/heldout.py tests/heldout2     # another folder laid out the same way
    python benchmarks/heldout.py --json             # the same figures as JSON

Each row of ``tests/heldout/EXPECTED.csv`` names a figure by its article, its surface and a few words
of its sentence. The row is *found* when a claim of a compared kind (not ``other``) overlaps that
surface. An item with a verdict
(contradiction, discrepancy, update, agreement) passes when all its rows are found, in one fact, with
that verdict; an ``apart`` item passes when its two rows are found in two different facts. Flagged
facts that hold no planted flagged item are listed for a reader to judge. This is measurement only:
nothing here is asserted, and the corpus is not to be tuned against.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"
FLAGGED = ("contradiction", "discrepancy", "update")


def locate(text: str, surface: str, words: str, start: int = 0) -> tuple[int, int] | None:
    """The span of ``surface`` in the sentence of ``text`` that holds ``words`` (nearest to them),
    from ``start`` on (the article's body, after any front matter)."""
    best = None
    for w in re.compile(re.escape(words)).finditer(text, start):
        lo = max(start, max(text.rfind(ch, 0, w.start()) for ch in ".!?\n") + 1)
        hi = min((i for i in (text.find(ch, w.end()) for ch in ".!?\n") if i >= 0), default=len(text))
        for s in re.finditer(re.escape(surface), text[lo:hi + 1]):
            at = lo + s.start()
            dist = abs(at - w.start())
            if best is None or dist < best[0]:
                best = (dist, at, at + len(surface))
    return None if best is None else (best[1], best[2])


def score(result, rows: list[dict]) -> dict:
    arts = {Path(a.path).name: a for a in result.articles}
    fact_of = {cid: f for f in result.facts for cid in f.claim_ids}
    by_article = defaultdict(list)
    for c in result.claims:
        by_article[c.article_id].append(c)
    items: dict[str, dict] = {}
    for row in rows:
        item = items.setdefault(row["item"], {"expect": row["expect"], "rows": []})
        art = arts.get(row["file"])
        span = locate(art.text, row["surface"], row["words"], art.body_start) if art else None
        claim = None
        if span is not None:  # a figure read as kind "other" counts nothing comparable: not found
            hits = [c for c in by_article[art.id] if c.start < span[1] and span[0] < c.end and c.kind != "other"]
            claim = hits[0] if hits else None
        fact = fact_of.get(claim.id) if claim else None
        item["rows"].append({"file": row["file"], "surface": row["surface"], "located": span is not None,
                             "claim": claim.id if claim else None, "fact": fact.id if fact else None,
                             "verdict": fact.verdict if fact else None})
    planted_flagged: set[str] = set()
    for name, item in items.items():
        found = [r for r in item["rows"] if r["claim"]]
        facts = {r["fact"] for r in found}
        if item["expect"] == "apart":
            ok = len(found) == 2 and len(facts) == 2
        else:
            verdicts = {r["verdict"] for r in found}
            ok = len(found) == len(item["rows"]) and len(facts) == 1 and verdicts == {item["expect"]}
            if item["expect"] in FLAGGED:
                planted_flagged |= facts
        item.update(found=len(found), facts=sorted(f for f in facts if f), passed=ok)
    flagged = [f for f in result.facts if f.verdict in FLAGGED]
    others = [{"id": f.id, "verdict": f.verdict, "summary": f.summary} for f in flagged
              if f.id not in planted_flagged]
    return {"items": items, "passed": sum(i["passed"] for i in items.values()), "total": len(items),
            "rows_found": sum(i["found"] for i in items.values()), "rows": len(rows),
            "flagged": len(flagged), "flagged_not_planted": others}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HELDOUT,
                        help="a folder of .md articles with an EXPECTED.csv (default: tests/heldout)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    from factcheck import check

    with open(args.folder / "EXPECTED.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    files = sorted(p for p in args.folder.glob("*.md") if p.name != "README.md")
    result = check(files)
    out = score(result, rows)
    if args.json:
        print(json.dumps(out, indent=2, sort_keys=True))
        return 0
    print(f"held-out corpus: {len(result.articles)} articles, {len(result.claims)} claims, "
          f"{len(result.facts)} facts, {out['flagged']} flagged")
    print(f"planted items passed: {out['passed']}/{out['total']}; rows found as claims: "
          f"{out['rows_found']}/{out['rows']}\n")
    for name, item in out["items"].items():
        mark = "PASS" if item["passed"] else "FAIL"
        seen = ", ".join(f"{r['file'][:2]}:{r['surface']}->{r['fact'] or '-'}({r['verdict'] or 'no claim'})"
                         for r in item["rows"])
        print(f"{mark}  {name} [{item['expect']}]  {seen}")
    print(f"\nflagged facts holding no planted flagged item ({len(out['flagged_not_planted'])}), to judge:")
    for f in out["flagged_not_planted"]:
        print(f"  {f['id']} {f['verdict']}: {f['summary']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
