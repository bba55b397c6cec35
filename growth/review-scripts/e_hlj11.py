import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/hlj11'; t=load(d); P='heilongjiang-2011-2020-ip-strategy-outline'
p=t['plans'][1][0]
p.update(title_en='Heilongjiang Provincial Intellectual Property Strategy Outline (2011–2020)', issuer='黑龙江省人民政府', source_type='repost',
 source_url='https://baike.supfree.net/get.asp?id=%BA%DA%C1%FA%BD%AD%CA%A1%C8%CB%C3%F1%D5%FE%B8%AE%B9%D8%D3%DA%D3%A1%B7%A2%BA%DA%C1%FA%BD%AD%CA%A1%D6%AA%CA%B6%B2%FA%C8%A8%D5%BD%C2%D4%B8%D9%D2%AA%A3%A82011%A1%AA2020%C4%EA%A3%A9%B5%C4%CD%A8%D6%AA', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of an online-encyclopedia page (baike.supfree.net), from the search tool\'s pages corpus: the site\'s breadcrumbs and search box, the notice title of 黑龙江省人民政府, the notice (dated 二○一一年五月二十二日, no number or signature), the outline\'s preamble and preface paragraphs (1)–(3), cut off mid-word. No tasks.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
c=t['citations'][1]; c[:]=[c[1]]; c[0]['seq']='1'; t['documents'][1][:]=[]
out=[]
for n in t['curation_notes'][1]:
    k=n['note_id'].rsplit('-',1)[1]
    if k=='n01': n['note']='The copy is on an online-encyclopedia site (baike.supfree.net): recorded as a repost. The issuer is the provincial government named in the notice title.'
    elif k=='n05': n.update(table_name='plans', row_key=P, field='capture', note='The excerpt ends in preface paragraph (3), before any task: capture excerpt, no measures. Ingest had drafted the preface paragraphs (1)–(3) (statements, not tasks) as measures; those rows and their codes were deleted.')
    elif k=='n06': n.update(table_name='plans', row_key=P, field='title', note='Ingest proposed the plan\'s own title, as the notice quotes it with a hyphen (2011-2020年), as a cited document, i.e. the plan itself; dropped. The register row heilongjiang-2011-plan, which the Heilongjiang 2016 opinions cite, is this plan.')
    else: continue
    out.append(n)
t['curation_notes'][1][:]=out
save(d,t)
