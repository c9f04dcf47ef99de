#!/usr/bin/env python3
"""Group lectern's TIMEX3 errors on a TimeML corpus by kind, to pick the next rule to write.

    python3 scripts/timex_errors.py TML_DIR SYSTEM.jsonl [--examples N] [--context C]

SYSTEM.jsonl is what `score_lectern.py timex TML_DIR --jsonl OUT` keeps. Gold parsing and the
one-to-one alignment are imported from the scorer (`timex_eval.py` in ../shared/tools
beside the checkout, or in $TIMEX_EVAL_DIR), so the counts here add up to the scorer's.
Value mismatches are grouped by how the two values differ (wrong year, coarser or finer
granularity, reference words, duration units, ...); misses and spurious spans by the shape of
their text (month names, weekdays, numbers with units, ...). Each group shows its count and a
few examples with the surrounding words, which is what tells tense and context apart.
Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import re
import sys

MONTHS = ("january february march april may june july august september october november "
          "december jan feb mar apr jun jul aug sep sept oct nov dec").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
UNITS = ("second minute hour day week weekend month quarter year decade century "
         "seconds minutes hours days weeks weekends months quarters years decades centuries").split()
REFS = "now currently today yesterday tomorrow recently recent former past future current".split()


def load_scorer():
    # The scorer lives in the shared folder next to the checkout (`../shared/tools`).
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools")
    sys.path.insert(0, os.environ.get("TIMEX_EVAL_DIR") or default)
    try:
        import timex_eval  # noqa: E402
    except ImportError:
        sys.exit("cannot import timex_eval.py: set TIMEX_EVAL_DIR to the scorer's folder")
    return timex_eval


def value_kind(v):
    if not v:
        return "empty"
    if v.endswith("_REF"):
        return "ref"
    if v.startswith("P"):
        return "duration"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", v):
        return "week"
    if re.fullmatch(r"\d{4}-Q\d", v):
        return "quarter"
    if re.fullmatch(r"\d{4}-H\d", v):
        return "half"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", v):
        return "season"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", v):
        return "time"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return "month"
    if re.fullmatch(r"\d{4}", v):
        return "year"
    if re.fullmatch(r"\d{3}", v):
        return "decade"
    if re.fullmatch(r"\d{2}", v):
        return "century"
    if "X" in v:
        return "unanchored"
    if v.startswith("FY"):
        return "fiscal"
    return "other"


def value_category(gold, system):
    """How a system value differs from the gold one, as a short label."""
    gk, sk = value_kind(gold), value_kind(system or "")
    if gk == "duration" and sk == "duration":
        return "duration: different amount or unit"
    if gk != sk:
        if system and gold.startswith(system[:4]) and gk in ("day", "month", "year", "week", "quarter", "season", "time") and sk in ("day", "month", "year", "week", "quarter", "season", "time"):
            return "granularity: %s given for %s" % (sk, gk)
        return "kind: %s given for %s" % (sk, gk)
    if gk in ("day", "month", "week", "quarter", "season", "time", "half") and gold[:4] != system[:4]:
        return "%s: wrong year" % gk
    if gk == "year":
        return "year: wrong year"
    return "%s: other" % gk


def text_shape(text):
    words = re.findall(r"[A-Za-z]+|\d+", text.lower())
    if not words:
        return "other"
    if any(w in WEEKDAYS for w in words):
        return "weekday"
    if any(w in MONTHS for w in words) and text.strip().lower() != "may":
        return "month name"
    if any(w in UNITS for w in words):
        if any(w.isdigit() or w in ("a", "an", "one", "two", "three", "four", "five", "six",
                                    "seven", "eight", "nine", "ten", "several", "few") for w in words):
            return "amount + unit"
        return "unit word"
    if any(w in REFS for w in words):
        return "reference word"
    if any(re.fullmatch(r"\d{4}s?", w) for w in words):
        return "year number"
    return "other"


def context(text, start, end, width):
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return "%s[%s]%s" % (left, text[start:end].replace("\n", " "), right)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tml_dir")
    ap.add_argument("system_jsonl")
    ap.add_argument("--examples", type=int, default=6, help="examples shown per group")
    ap.add_argument("--context", type=int, default=50, help="characters of context each side")
    args = ap.parse_args()
    te = load_scorer()

    system = collections.defaultdict(list)
    with open(args.system_jsonl, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                system[rec["doc"]].extend(rec.get("timexes", []))

    groups = collections.defaultdict(list)  # (section, category) -> [example lines]
    for stem, path in te.gold_docs(args.tml_dir):
        text, dct, gold = te.parse_gold(path)
        syst = sorted(system.get(stem, []), key=lambda t: (t["start"], t["end"]))
        pairs = te.match(gold, syst)
        matched_g = {gi for gi, _, _ in pairs}
        matched_s = {si for _, si, _ in pairs}
        for gi, si, exact in pairs:
            g, s = gold[gi], syst[si]
            if g["value"] != s.get("value"):
                cat = value_category(g["value"], s.get("value"))
                groups[("VALUE", cat)].append("%s dct=%s gold=%s sys=%s  %s" % (
                    stem, dct, g["value"], s.get("value"), context(text, g["start"], g["end"], args.context)))
            if g["type"] != s.get("type"):
                groups[("TYPE", "%s given for %s" % (s.get("type"), g["type"]))].append(
                    "%s  %s" % (stem, context(text, g["start"], g["end"], args.context)))
            if not exact:
                side = "system longer" if (s["end"] - s["start"]) > (g["end"] - g["start"]) else "system shorter or shifted"
                groups[("SPAN", side)].append("%s gold=[%s] sys=[%s]" % (
                    stem, text[g["start"]:g["end"]].replace("\n", " "), text[s["start"]:s["end"]].replace("\n", " ")))
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                groups[("MISS", "%s / %s" % (g["type"], text_shape(g["text"])))].append("%s %s  %s" % (
                    stem, g["value"], context(text, g["start"], g["end"], args.context)))
        for si, s in enumerate(syst):
            if si not in matched_s:
                groups[("SPURIOUS", "%s / %s" % (s.get("type"), text_shape(text[s["start"]:s["end"]])))].append(
                    "%s %s  %s" % (stem, s.get("value"), context(text, s["start"], s["end"], args.context)))

    order = {"VALUE": 0, "MISS": 1, "SPURIOUS": 2, "TYPE": 3, "SPAN": 4}
    totals = collections.Counter()
    for (section, _), items in groups.items():
        totals[section] += len(items)
    print("totals: " + "  ".join("%s=%d" % (s, totals[s]) for s in sorted(totals, key=order.get)))
    for (section, cat), items in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], -len(kv[1]))):
        print("\n== %s %s: %d" % (section, cat, len(items)))
        for line in items[:args.examples]:
            print("   " + line)


if __name__ == "__main__":
    main()
