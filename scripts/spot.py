"""spot.py BINARY FILE...: print each article with every quotation `lectern extract` finds marked
[[i:…]] in the text, then a numbered list of the quotations (kind, speaker, role, resolved_by,
cue), to judge speaker attribution by hand (see spot_sample.py)."""
import json, subprocess, sys
b = sys.argv[1]
for f in sys.argv[2:]:
    rawb = open(f, 'rb').read()
    try:
        text = rawb.decode('utf-8')
    except UnicodeDecodeError:
        text = rawb.decode('cp1252', errors='replace')  # as lectern loads a legacy file
    d = json.loads(subprocess.run([b, 'extract', f], capture_output=True, text=True).stdout)
    raw = text  # extract's offsets are character offsets
    print('=' * 100); print('#', '/'.join(f.split('/')[-2:])); print('=' * 100)
    out = ''; pos = 0
    qs = sorted(d['quotes'], key=lambda q: q['start'])
    for i, q in enumerate(qs):
        out += raw[pos:q['start']] + f'[[{i}:' + raw[q['start']:q['end']] + ']]'
        pos = q['end']
    out += raw[pos:]
    print(out)
    print('-' * 100)
    for i, q in enumerate(qs):
        print(f"{i:3} {q['kind']:7} spk={q.get('speaker')!r} role={q.get('role')!r} by={q.get('resolved_by')} cue={q.get('cue')!r} :: {q['text'][:60]!r}")
