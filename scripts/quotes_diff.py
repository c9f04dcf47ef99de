"""quotes_diff.py OLD NEW [DIR...]: the quotations whose speaker, kind or text differ between two
lectern binaries, run as `extract` (as score_lectern.py runs them) over every .txt under the
directories (default ../shared/data/news-unlabeled). Read a sample of what a rule changed on
text nobody tuned it on; the last line counts the changes."""
import json,subprocess,sys,glob
from concurrent.futures import ThreadPoolExecutor
old,new=sys.argv[1],sys.argv[2]
dirs=sys.argv[3:] or ['../shared/data/news-unlabeled']
files=sorted(f for d in dirs for f in glob.glob(d+'/**/*.txt',recursive=True))
def run(f):
    res=[]
    for b in (old,new):
        p=subprocess.run([b,'extract',f],capture_output=True,text=True)
        try: d=json.loads(p.stdout)
        except Exception: res.append({}); continue
        res.append({q['start']:(q.get('speaker'),q.get('kind'),q['text'][:70]) for q in d['quotes']})
    return f,res
changed=total=0
with ThreadPoolExecutor(4) as ex:
    for f,(a,b) in ex.map(run,files):
        for k in sorted(a.keys()|b.keys()):
            total+=1
            if a.get(k)!=b.get(k):
                changed+=1
                print('/'.join(f.split('/')[-2:]), a.get(k), '=>', b.get(k))
print('changed',changed,'of',total)
