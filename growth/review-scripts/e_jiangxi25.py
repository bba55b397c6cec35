import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/jiangxi25'; t=load(d); P='jiangxi-2025-ip-protection-system'
p=t['plans'][1][0]
p.update(title_en='Jiangxi Implementation Plan for the Intellectual Property Protection System Building Project', issuer='江西省市场监督管理局、中共江西省委宣传部、江西省高级人民法院、江西省人民检察院、江西省公安厅、江西省司法厅、江西省商务厅、南昌海关',
 source_type='repost', capture='excerpt', source_url='http://law.foodmate.net/show-233078.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on law.foodmate.net (a food-law database), from the search tool\'s pages corpus: the notice to the cities\' and the Ganjiang New Area\'s bodies, signed jointly by eight provincial bodies (two per line) on 2025年5月14日 (此件主动公开, no number), the plan\'s preamble and 一、建设目标 with the 2027 and 2035 goals (no numbers), cut off mid-word in the 2035 goal. No tasks.')
for r in t['targets'][1]:
    if r['target_id'].endswith('t02'): r.update(indicator='省市县三级知识产权保护网络', indicator_en='three-level (province, city, county) IP protection network')
D=t['documents'][1][0]
D.update(document_id='central-ip-protection-system-building-project-plan', title_en='Implementation Plan for the Intellectual Property Protection System Building Project', issuer='国家知识产权局、中央宣传部、最高人民法院、最高人民检察院、公安部、司法部、商务部、海关总署、市场监管总局', issuer_level='central', note='Cited by the Jiangxi 2025 implementation plan as jointly issued by nine national bodies (names as printed there); no number or date printed. Central, not a local plan.')
t['citations'][1][0]['document_id']=D['document_id']
notes(t,P,{'n01':'The copy is on law.foodmate.net, a law database: recorded as a repost. The eight joint issuers are printed two per line in the signature; recorded with 、 in the order printed.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、建设目标, before any task, so there are no measures; capture set to excerpt. The 2035 goal is cut off (形) and kept as far as it goes.',
 'n03':{'row_key':D['document_id'],'note':'Registered as central-ip-protection-system-building-project-plan with the nine national issuers the plan names.'}})
save(d,t)
