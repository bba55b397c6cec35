import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/hubei'; t=load(d); P='hubei-2010-ip-strategy-outline'
p=t['plans'][1][0]
p.update(title_en='Hubei Provincial Intellectual Property Strategy Outline', issuer='湖北省人民政府', date_signed='2010-08-11', status='issued', source_type='repost',
 source_url='https://kyc.wtc.edu.cn/2019/0520/c3333a53993/page.htm', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on a college research-office site (kyc.wtc.edu.cn; 发布者:科研处, 发布时间:2019-05-20), from the search tool\'s pages corpus: the title, the issuer with a date printed as run-together digits (湖北省人民政府  2010811), the preamble and the numbered preface paragraphs 1–4 of 一、序言, cut off mid-sentence. No tasks.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
out=[]
for n in t['curation_notes'][1]:
    if n['field']=='source_type': n['note']='The copy is on the research-office site of a college (kyc.wtc.edu.cn), not a government site: recorded as a repost.'
    elif n['note_id'].endswith('n06'): n.update(table_name='plans', row_key=P, field='capture', note='The excerpt ends inside paragraph 4 of 一、序言, before any task: capture excerpt, no measures. Ingest had drafted the four numbered preface paragraphs (statements about IP and the strategy, not tasks) as measures; those rows and their codes were deleted.')
    elif n['table_name']=='measures': continue
    out.append(n)
t['curation_notes'][1][:]=out
addnote(t,P,'plans',P,'date_signed','The date is printed as run-together digits after the issuer (2010811) and read as 2010-08-11; ingest left it empty. The status is issued (a published outline; validity not stated).')
save(d,t)
