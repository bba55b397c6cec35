import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/hohhot'; t=load(d); P='neimenggu-hohhot-2019-ip-strong-city'
p=t['plans'][1][0]
p.update(title_en='Hohhot Implementation Plan for Building a Strong Intellectual Property City', issuer='呼和浩特市人民政府', source_type='official_site', capture='excerpt',
 source_url='http://www.huhhot.gov.cn/hhht_zfgb/hhht/2019/201902/201905/t20190522_434895.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page in the government gazette section of the Hohhot city government site (huhhot.gov.cn), from the search tool\'s pages corpus: the notice title (printed twice), the number printed with spaces (呼政字 〔2019〕 84号), the addressees, the plan\'s preamble and 一、总体要求 up to (一)指导思想, cut off mid-word. No signature or date and no tasks.')
D=t['documents'][1]
D[0].update(document_id='central-2016-ip-strong-city-guidance', title_en='CNIPA Guiding Opinions on Accelerating the Building of Strong Intellectual Property Cities', issuer='国家知识产权局', issuer_level='central', note='Cited by the Hohhot 2019 plan; issuer read from the title. Central, not a local plan.')
D[1].update(document_id='neimenggu-2016-ip-strong-region-opinions', title_en='Implementation Opinions of the Inner Mongolia Autonomous Region Government on Accelerating the Building of a Strong Intellectual Property Region', issuer='内蒙古自治区人民政府', issuer_level='province', region_code='150000', local_ip_plan='true', note='Cited by the Hohhot 2019 plan; issuer read from the title. A local IP plan of the region, not curated here.')
c=t['citations'][1]; c[1]['document_id']=D[0]['document_id']; c[2]['document_id']=D[1]['document_id']
notes(t,P,{'n01':'The page is in the government gazette section of huhhot.gov.cn, the city government site: official_site. The issuer is the city government named in the notice title (呼和浩特市人民政府关于印发…的通知).',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in (一)指导思想, before any task, so there are no measures to record; capture set to excerpt.',
 'n03':{'row_key':D[0]['document_id'],'note':'The cited CNIPA guiding opinions are registered as central-2016-ip-strong-city-guidance (国知发管字〔2016〕86号).'},
 'n04':{'row_key':D[1]['document_id'],'note':'The cited regional opinions are registered as neimenggu-2016-ip-strong-region-opinions (内政发〔2016〕113号), a local IP plan.'}})
addnote(t,P,'plans',P,'doc_number','The number is printed with spaces around the year bracket (呼政字 〔2019〕 84号) and kept as printed.')
save(d,t)
