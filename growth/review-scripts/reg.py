"""reg.py FOLDER PLAN_ID : set plan_id of the register row naming the corpus folder (edits only that row's cells)."""
import sys, csv, io
folder, plan = sys.argv[1], sys.argv[2]
title_en = sys.argv[3] if len(sys.argv) > 3 else ''
path = 'data/documents.csv'
lines = open(path, encoding='utf-8', newline='').read().split('\n')
hdr = next(csv.reader([lines[0]]))
hits = [i for i, l in enumerate(lines) if f'tests/real_corpus/{folder})' in l]
assert len(hits) == 1, hits
i = hits[0]
row = dict(zip(hdr, next(csv.reader([lines[i]]))))
assert row['plan_id'] in ('', plan), row
row['plan_id'] = plan
if title_en and not row['title_en']: row['title_en'] = title_en
row['note'] = row['note'].replace('; not curated.', '; curated in this package as an excerpt: see the plan.')
buf = io.StringIO(); csv.DictWriter(buf, fieldnames=hdr, lineterminator='').writerow(row)
lines[i] = buf.getvalue()
open(path, 'w', encoding='utf-8', newline='').write('\n'.join(lines))
print(lines[i])
