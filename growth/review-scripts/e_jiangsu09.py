import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/jiangsu09'; t=load(d); P='jiangsu-2009-ip-strategy-outline'
p=t['plans'][1][0]
p.update(title_en='Jiangsu Provincial Intellectual Property Strategy Outline', doc_number='苏政发〔2009〕1号', issuer='省政府', date_signed='2009-01-05', status='issued', source_type='repost',
 source_url='http://wisor.cc/policy/show.php?from=client&itemid=21807', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on wisor.cc (a policy database), from the search tool\'s pages corpus: the notice title (省政府关于印发…的通知), the number and date on one line (苏政发〔2009〕1号 2009年1月5日), the notice, and the outline up to paragraph 4 under 二、(一)指导思想, cut off mid-word. The outline numbers its paragraphs continuously (1. 2. 3. in the preface). No tasks.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
out=[]
for n in t['curation_notes'][1]:
    if n['field']=='source_type': n['note']='The copy is on wisor.cc, a policy database: recorded as a repost. The issuer is printed only as 省政府 (in the notice title) and kept as printed.'
    elif n['note_id'].endswith('n06'): n.update(table_name='plans', row_key=P, field='capture', note='The excerpt ends in paragraph 4 under (一)指导思想, before any task: capture excerpt, no measures. Ingest had drafted the continuously numbered preface paragraphs 1–3 (statements, not tasks) and paragraph 4 (the guiding thought, cut off) as measures; those rows and their codes were deleted.')
    elif n['table_name']=='measures': continue
    out.append(n)
t['curation_notes'][1][:]=out
addnote(t,P,'plans',P,'doc_number','Ingest missed the number and the date printed together on the line below the notice title (苏政发〔2009〕1号 2009年1月5日); both filled by hand. The notice says the outline was approved by the provincial government\'s 17th executive meeting: status issued.')
save(d,t)
