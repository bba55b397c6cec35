import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/baoji'; t=load(d); P='shaanxi-baoji-2022-ip-strong-city-pilot'
p=t['plans'][1][0]
p.update(title_en='Baoji Work Plan for the National Pilot of Building a Strong Intellectual Property City', issuer='宝鸡市人民政府', capture='excerpt',
 source_url='http://www.baoji.gov.cn/art/2022/11/21/art_9986_21359.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Baoji city government site (baoji.gov.cn), from the search tool\'s pages corpus: the page metadata (发布机构, 发布日期 2022-11-21, 有效性:有效, 文号 宝政发〔2022〕17号), the notice signed 宝鸡市人民政府 on 2022年11月7日, the plan\'s preamble, 一、指导思想 and the start of 二、基本原则, cut off mid-sentence (把握新发展). No numbered tasks.')
doc=t['documents'][1][0]
doc.update(document_id='central-2022-ip-strong-city-pilot-designation', title_en='CNIPA Notice on Designating National Pilot and Model Cities for Building Strong Intellectual Property Cities', issuer='国家知识产权局', issuer_level='central', note='Cited by the Baoji 2022 pilot work plan as the basis of its designation; issuer read from the title. A central notice, not a local plan.')
c=t['citations'][1]; c[0]['document_id']=doc['document_id']
c.append(dict(plan_id=P,seq='2',cited_in='plan',cited_title='知识产权强国建设纲要(2021年-2035年)',cited_doc_number='',cited_doc_number_normalized='',document_id='central-2021-ip-strong-country-outline',note='Cited in 一、指导思想 (深入实施…), printed with 年 on both years.'))
c.append(dict(plan_id=P,seq='3',cited_in='plan',cited_title='“十四五”国家知识产权保护和运用规划',cited_doc_number='',cited_doc_number_normalized='',document_id='central-14th-five-year-ip-protection-use-plan',note='Cited in 一、指导思想 (深入实施…).'))
notes(t,P,{'n01':'The page is on baoji.gov.cn, the city government site: official_site confirmed; its metadata says 有效 (in force).',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 二、基本原则, before any task, so there are no measures to record; capture set to excerpt.',
 'n03':{'row_key':doc['document_id'],'note':'The cited CNIPA designation notice is registered as central-2022-ip-strong-city-pilot-designation (central, not a local plan). The two national documents cited in 一、指导思想, which ingest did not draft, were added and point to the central rows already registered.'}})
addnote(t,P,'plans',P,'issuer','Ingest left the issuer empty; the notice is signed 宝鸡市人民政府 (also the 发布机构).')
save(d,t)
