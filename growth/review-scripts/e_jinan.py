import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/jinan'; t=load(d); P='shandong-jinan-2022-2025'
p=t['plans'][1][0]
p.update(title_en='Jinan Work Plan for Building a National Model City of Strong Intellectual Property (2022–2025)', issuer='济南市人民政府', source_type='repost',
 source_url='http://www.jnchengzhi.com/news/zxgg/show1026.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on a company site (jnchengzhi.com; 更新时间:2022-10-19), from the search tool\'s pages corpus: the notice of 济南市人民政府 (2022年10月13日, no number), a contact line of the city market regulation bureau, the plan\'s preamble and 一、总体要求 up to the first principle under (二)基本原则, cut off mid-word (黄河流域生态保护和高). No tasks.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
D=t['documents'][1]
c=t['citations'][1]
c[0].update(document_id='central-2021-ip-strong-country-outline', note='Printed with a hyphen (2021-2035年) where the register has an em dash; the same national outline.')
D[1].update(document_id='shandong-2021-2035-ip-strong-province-outline', title_en='Shandong Provincial Outline for Building a Strong Intellectual Property Province (2021–2035)', issuer_level='province', region_code='370000', local_ip_plan='true', note='Cited by the Jinan 2022–2025 work plan without number or issuer. A local IP plan of the province, not curated here.')
D[2].update(document_id='shandong-14th-five-year-ip-protection-use-plan', title_en='Shandong Provincial 14th Five-Year Plan for the Protection and Use of Intellectual Property', issuer_level='province', region_code='370000', local_ip_plan='true', note='Cited by the Jinan 2022–2025 work plan without number or issuer. A local IP plan of the province, not curated here.')
c[2]['document_id']=D[1]['document_id']; c[3]['document_id']=D[2]['document_id']
D[:]=D[1:]
out=[]
for n in t['curation_notes'][1]:
    k=n['note_id'].rsplit('-',1)[1]
    if k=='n01': n['note']='The copy is on jnchengzhi.com, a company site: recorded as a repost. The issuer is the city government that signs the notice; ingest left it empty.'
    elif k=='n02': continue
    elif k=='n03': n.update(table_name='plans', row_key=P, field='capture', note='The excerpt ends inside (二)基本原则, before any task: capture excerpt, no measures. Ingest had drafted the first principle (1.坚持战略引领。…, a principle, not a task) as a cut-off measure; that row and its codes were deleted.')
    elif k=='n04': n.update(table_name='citations', row_key=P+':1', note='Ingest proposed the national outline as a new document because the title is printed with a hyphen (2021-2035年) instead of the register\'s em dash; linked to central-2021-ip-strong-country-outline.')
    elif k=='n05': n.update(row_key=D[0]['document_id'], note='Registered as shandong-2021-2035-ip-strong-province-outline (province, a local IP plan).')
    elif k=='n06': n.update(row_key=D[1]['document_id'], note='Registered as shandong-14th-five-year-ip-protection-use-plan (province, a local IP plan).')
    out.append(n)
t['curation_notes'][1][:]=out
save(d,t)
