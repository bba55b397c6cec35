import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/henan08'; t=load(d); P='henan-2008-ip-strategy-outline'
p=t['plans'][1][0]
p.update(title_en='Henan Provincial Intellectual Property Strategy Outline', issuer='河南省人民政府',
 source_url='http://sasagov.com/Content/2016/01-30/1229304635.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on sasagov.com (来源:国资企业培训网, a training site; page date 2008-11-13, earlier than the signing date), from the search tool\'s pages corpus: the notice title, the number printed with a space (豫政 〔2008〕59号), the notice signed 河南省人民政府 on 二○○八年十一月二十三日, the outline\'s preamble and preface paragraphs 1–3, cut off mid-sentence. No tasks.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
out=[]
for n in t['curation_notes'][1]:
    k=n['note_id'].rsplit('-',1)[1]
    if k=='n01': n['note']='The copy is on sasagov.com and names a training site (国资企业培训网) as its source (publisher): a repost. Its page date (2008-11-13) is earlier than the signature and is not recorded.'
    elif k=='n05': n.update(table_name='plans', row_key=P, field='capture', note='The excerpt ends in preface paragraph 3, before any task: capture excerpt, no measures. Ingest had drafted the numbered preface paragraphs 1–3 (statements, not tasks) as measures; those rows and their codes were deleted.')
    else: continue
    out.append(n)
t['curation_notes'][1][:]=out
addnote(t,P,'plans',P,'issuer','The issuer is the provincial government that signs the notice (河南省人民政府, also in the notice title); ingest left it empty. The number is kept as printed, with its space.')
save(d,t)
