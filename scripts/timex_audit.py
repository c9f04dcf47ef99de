#!/usr/bin/env python3
"""Audit lectern's dates on text without gold: what it misses and what it tags that is no date.

    python3 scripts/timex_audit.py DIR [--bin PATH] [--date 2005-01-01] [--examples N]
        [--cache FILE] [--only recall|precision] [--dump FILE]

Every *.txt under DIR is run as `BIN extract --plain --date DATE FILE`. RECALL lists the
words that usually belong to a temporal expression (month names, weekdays, units, `ago`,
`recently`, clock times, decades, holidays, ...) that no timex covers, grouped by a shape
(the word with its neighbour classes), with counts and examples. PRECISION lists the timexes
grouped by the shape of their text with their values, so the odd ones (a person named May,
`Sunday Times`, a score) stand out. `--dump` writes every uncovered candidate as a line to
compare two binaries with `diff`. Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

MONTHS = ("january february march april may june july august september october november "
          "december jan feb mar apr jun jul aug sep sept oct nov dec")
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"
UNITS = ("seconds? minutes? hours? days? weeks? weekends? months? quarters? years? decades? "
         "century centuries fortnights? nights? mornings? evenings? afternoons?")
TRIGGERS = [
    ("month", r"\b(?:%s)\b" % "|".join(MONTHS.split())),
    ("weekday", r"\b(?:%s)s?\b" % "|".join(WEEKDAYS.split())),
    ("season", r"\b(?:spring|summer|autumn|winter|fall)s?\b"),
    ("unit", r"\b(?:%s)\b" % "|".join(UNITS.split())),
    ("ref", r"\b(?:ago|earlier|later|recently|currently|now|nowadays|lately|formerly|"
            r"today|tonight|yesterday|tomorrow|overnight|daily|weekly|monthly|annually|yearly|"
            r"hourly|midday|noon|midnight|dawn|dusk|fiscal|once|soon|future|past|coming|"
            r"this time|the time|so far|to date|present|meanwhile|then|previously)\b"),
    ("year", r"\b(?:1[5-9]\d\d|20[0-4]\d)(?:s|/\d\d)?\b"),
    ("decade", r"\b(?:'\d0s|\d0s|(?:twen|thir|for|fif|six|seven|eigh|nine)ties)\b"),
    ("clock", r"\b\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d\d\b|\b\d{4}\s?(?:GMT|BST|UTC)\b"),
    ("holiday", r"\b(?:christmas|easter|new year|hogmanay|boxing day|halloween|thanksgiving|"
                r"ramadan|eid|diwali|hanukkah|passover|lent|advent|whitsun|bank holiday|"
                r"valentine'?s day|mothers'? day|fathers'? day|independence day|"
                r"guy fawkes|bonfire night|st patrick'?s day|may day|labour day|labor day)\b"),
    ("ordinal-century", r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
                        r"seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
                        r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                        r"twenty-first)[- ]century\b"),
]
TRIGGER_RE = [(k, re.compile(p, re.I)) for k, p in TRIGGERS]
WORD = re.compile(r"[A-Za-z0-9'’\-]+|[^\sA-Za-z0-9]")


def classes(tok):
    t = tok.lower()
    if re.fullmatch(r"\d+", t):
        return "N%d" % len(t)
    if re.fullmatch(r"\d+(st|nd|rd|th)", t):
        return "ORD"
    return t


def run(binary, path, date):
    out = subprocess.run([binary, "extract", "--plain", "--date", date, path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return json.loads(out.stdout)["timexes"]


def context(text, start, end, n=60):
    s = text[max(0, start - n):start].replace("\n", " ")
    e = text[end:end + n].replace("\n", " ")
    return "%s[[%s]]%s" % (s, text[start:end], e)


def shape(text, start, end, kind):
    """The trigger with a word either side, classes for numbers."""
    before = WORD.findall(text[max(0, start - 40):start])[-1:]
    after = WORD.findall(text[end:end + 40])[:1]
    parts = [classes(w) for w in before] + ["<" + text[start:end].lower() + ">"] + \
        [classes(w) for w in after]
    return kind + ": " + " ".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--bin", default="target/release/lectern")
    ap.add_argument("--date", default="2005-01-01")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--min", type=int, default=3, help="smallest group shown")
    ap.add_argument("--cache")
    ap.add_argument("--only", choices=["recall", "precision"])
    ap.add_argument("--dump")
    a = ap.parse_args()
    files = sorted(os.path.join(r, f) for r, _, fs in os.walk(a.dir) for f in fs if f.endswith(".txt"))
    cache = {}
    if a.cache and os.path.exists(a.cache):
        with open(a.cache) as fh:
            cache = json.load(fh)
    missed = collections.defaultdict(list)
    tagged = collections.defaultdict(list)
    dump = []
    total_cand = total_missed = total_tx = 0
    for path in files:
        with open(path, "rb") as fh:
            raw = fh.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            # lectern reads other files as Windows-1252; its offsets count characters.
            text = raw.decode("cp1252", errors="replace")
        tx = cache.get(path)
        if tx is None:
            tx = run(a.bin, path, a.date)
            if tx is None:
                continue
            cache[path] = tx
        total_tx += len(tx)
        covered = sorted((t["start"], t["end"]) for t in tx)
        for kind, rx in TRIGGER_RE:
            for m in rx.finditer(text):
                total_cand += 1
                if any(s <= m.start() and m.end() <= e for s, e in covered):
                    continue
                if any(s < m.end() and m.start() < e for s, e in covered):
                    continue
                total_missed += 1
                key = shape(text, m.start(), m.end(), kind)
                missed[key].append((path, context(text, m.start(), m.end())))
                dump.append("%s\t%d\t%s" % (os.path.relpath(path, a.dir), m.start(),
                                            context(text, m.start(), m.end(), 40)))
        for t in tx:
            words = [classes(w) for w in WORD.findall(t["text"])]
            key = t["type"] + ": " + " ".join(words)
            tagged[key].append((path, t["value"], context(text, t["start"], t["end"])))
    if a.cache:
        with open(a.cache, "w") as fh:
            json.dump(cache, fh)
    if a.dump:
        with open(a.dump, "w") as fh:
            fh.write("\n".join(dump) + "\n")
    print("files %d, timexes %d, candidates %d, uncovered %d" % (len(files), total_tx, total_cand, total_missed))
    if a.only != "precision":
        print("\n== RECALL: candidates no timex covers, by shape ==")
        for key, xs in sorted(missed.items(), key=lambda kv: -len(kv[1])):
            if len(xs) < a.min:
                continue
            print("%5d  %s" % (len(xs), key))
            for _, c in xs[:a.examples]:
                print("         " + c)
    if a.only != "recall":
        print("\n== PRECISION: timexes by shape (value examples) ==")
        for key, xs in sorted(tagged.items(), key=lambda kv: -len(kv[1])):
            if len(xs) < a.min:
                continue
            vals = collections.Counter(v for _, v, _ in xs).most_common(4)
            print("%5d  %s   %s" % (len(xs), key, " ".join("%s×%d" % vc for vc in vals)))
            for _, v, c in xs[:a.examples]:
                print("         %s  %s" % (v, c))


if __name__ == "__main__":
    main()
