"""spot_sample.py JUDGED SEED N CAT...: draw N articles of the given categories (politics,
business, sport, entertainment, tech) from ../shared/data/news-unlabeled and bbc-library for a
hand-judged held-out check of speaker attribution: articles with at least four double quotation
marks, leaving out every `category/NNN` listed in the file JUDGED and every article whose text
is the same story as a listed one (the two folders share stories under different numbers).
Append what you judge to JUDGED, so that no later sample repeats it."""
import glob, hashlib, random, re, sys

judged_file, seed, n, cats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
judged = {l.strip().removesuffix('.txt') for l in open(judged_file) if l.strip()}
dirs = ('../shared/data/news-unlabeled', '../shared/data/bbc-library')


def story(path):
    """A fingerprint of an article's words, blind to spacing and punctuation."""
    text = open(path, encoding='utf-8', errors='replace').read().lower()
    return hashlib.sha1(' '.join(re.findall(r'\w+', text)).encode()).hexdigest()


files = sorted(f for d in dirs for f in glob.glob(d + '/*/*.txt'))
key = lambda f: '/'.join(f.split('/')[-2:]).removesuffix('.txt')
seen = {story(f) for f in files if key(f) in judged}
pool = []
for f in files:
    if key(f).split('/')[0] not in cats or key(f) in judged:
        continue
    text = open(f, encoding='utf-8', errors='replace').read()
    if text.count('"') + text.count('\u201c') >= 4 and story(f) not in seen:
        pool.append(f)
for f in random.Random(seed).sample(pool, min(n, len(pool))):
    print(f)
