"""Helper: load/save ingest drafts, count hand-fixed cells per table vs the pristine ingest output."""
import csv, os, sys, shutil, json
def load(d):
    t = {}
    for f in sorted(os.listdir(d)):
        if f.endswith('.csv'):
            with open(os.path.join(d, f), newline='', encoding='utf-8') as fh:
                r = csv.DictReader(fh)
                t[f[:-4]] = (r.fieldnames, list(r))
    return t
def save(d, t):
    for name, (fields, rows) in t.items():
        with open(os.path.join(d, name + '.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.DictWriter(fh, fieldnames=fields, lineterminator='\n')
            w.writeheader(); w.writerows(rows)
def keyof(name, fields, row):
    keys = {'plans':['plan_id'],'measures':['measure_id'],'responsibilities':['measure_id','seq'],
            'agencies':['agency_id'],'agency_aliases':['region_code','alias'],'targets':['target_id'],
            'members':['plan_id','seq'],'citations':['plan_id','seq'],'documents':['document_id'],
            'curation_notes':['note_id'],'measure_codes':['measure_id','scheme','code']}
    return tuple(row.get(k,'') for k in keys.get(name, fields))
def diff(orig, new):
    """count cells changed (edited rows: changed cells; added/deleted rows: non-empty cells)"""
    a, b = load(orig), load(new); out = {}
    for name in sorted(set(a)|set(b)):
        fa, ra = a.get(name, ([],[])); fb, rb = b.get(name, ([],[]))
        # match rows by position-insensitive content first then by key
        ka = {keyof(name, fa, r): r for r in ra}; kb = {keyof(name, fb, r): r for r in rb}
        # for renamed keys, pair remaining rows by order
        onlya = [k for k in ka if k not in kb]; onlyb = [k for k in kb if k not in ka]
        pairs = [(ka[k], kb[k]) for k in ka if k in kb]
        n = min(len(onlya), len(onlyb)) if name not in ('measure_codes','curation_notes') else 0
        pairs += [(ka[onlya[i]], kb[onlyb[i]]) for i in range(n)]
        changed = sum(1 for x, y in pairs for f in fb if x.get(f,'') != y.get(f,''))
        added = sum(sum(1 for v in kb[k].values() if v) for k in onlyb[n:])
        deleted = sum(1 for k in onlya[n:])
        if changed or added or deleted:
            out[name] = dict(changed=changed, added_cells=added, deleted_rows=deleted)
    return out
if __name__ == '__main__':
    print(json.dumps(diff(sys.argv[1], sys.argv[2]), ensure_ascii=False))

def codes(t, P, spec, notes=None):
    """replace measure_codes with spec: {'001': 'pillar instrument,instrument ip_right... '} as dict of scheme->list"""
    notes = notes or {}
    rows = []
    for m, s in spec.items():
        for scheme, cs in s.items():
            for c in cs:
                rows.append(dict(measure_id=f'{P}-{m}', scheme=scheme, code=c, assigned_by='curator', note=notes.get((m, scheme), '')))
    t['measure_codes'][1][:] = rows
def C(pillar, rights, instr, mtype='substantive'):
    return dict(pillar=[pillar], ip_right=rights.split(), instrument=instr.split(), measure_type=[mtype])
def resp(t, mid, items):
    """items: list of (agency_id, role, as_printed)"""
    rs = t['responsibilities'][1]
    rs[:] = [r for r in rs if r['measure_id'] != mid]
    lead = any(x[1] == 'lead' for x in items)
    for i, (a, role, ap) in enumerate(items, 1):
        prim = 'true' if role == 'lead' or (role == 'responsible' and not lead) else 'false'
        rs.append(dict(measure_id=mid, seq=str(i), agency_id=a, role=role, primary=prim, as_printed=ap))
def agency(t, aid, name, en, rc, kind, func, note):
    t['agencies'][1].append(dict(agency_id=aid, name=name, name_en=en, region_code=rc, kind=kind, function=func, note=note))
def alias(t, rc, al, aid):
    t['agency_aliases'][1].append(dict(region_code=rc, alias=al, agency_id=aid))
def notes(t, P, mapping):
    """mapping: note suffix -> new text (None to delete); extra: list of dicts to append"""
    ns = t['curation_notes'][1]
    out = []
    for n in ns:
        k = n['note_id'].rsplit('-', 1)[1]
        v = mapping.get(k, n['note'])
        if v is None: continue
        if isinstance(v, dict): n.update(v)
        else: n['note'] = v
        out.append(n)
    ns[:] = out
def addnote(t, P, table, key, field, text):
    ns = t['curation_notes'][1]
    nums = [int(n['note_id'].rsplit('-n', 1)[1]) for n in ns] + [0]
    ns.append(dict(note_id=f'{P}-n{max(nums)+1:02d}', plan_id=P, table_name=table, row_key=key, field=field, note=text))

def target(t, P, year, ind, ind_en, value, unit, text, qualifier='', measure_id=''):
    ts = t['targets'][1]
    ts.append(dict(target_id=f'{P}-t{len(ts)+1:02d}', plan_id=P, measure_id=measure_id, year=str(year), indicator=ind, indicator_en=ind_en, value=str(value), unit=unit, qualifier=qualifier, text=text))
