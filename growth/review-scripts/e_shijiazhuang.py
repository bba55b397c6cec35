import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/shijiazhuang'; t=load(d); P='hebei-shijiazhuang-2022-ip-14th-five-year-plan'
p=t['plans'][1][0]
p.update(title_en='Shijiazhuang 14th Five-Year Plan for the Protection and Use of Intellectual Property', date_published='', capture='excerpt',
 source_url='https://zscq.creditchina.gov.cn/zcfg/dfzc/202205/t20220520_293931.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on the IP channel of the Credit China platform (zscq.creditchina.gov.cn; 发布时间:2022/05/20, 来源:石家庄市人民政府), from the search tool\'s pages corpus: the notice of 石家庄市人民政府 (title across three lines, dated 2022年4月14日, 此件公开发布, no number) and the plan\'s opening paragraphs, cut off mid-sentence. Stray spaces from PDF line ends (市政 府, 印发 给你们, 《石家庄市 “十四五”…》). No tasks.')
D=t['documents'][1]
D[0].update(document_id='hebei-14th-five-year-ip-protection-use-plan', title_en='Hebei Provincial 14th Five-Year Plan for the Protection and Use of Intellectual Property', issuer_level='province', region_code='130000', local_ip_plan='true', note='Cited by the Shijiazhuang IP 14th five-year plan without number or issuer. A local IP plan of the province, not curated here.')
D[1].update(document_id='shijiazhuang-14th-five-year-development-outline', title_en='Outline of the 14th Five-Year Plan for the National Economic and Social Development of Shijiazhuang and the Long-Range Objectives through 2035', issuer_level='prefecture', region_code='130100', note='Cited by the Shijiazhuang IP 14th five-year plan without number or issuer; the city\'s general development plan, not a local IP plan.')
c=t['citations'][1]; c[1]['document_id']=D[0]['document_id']; c[2]['document_id']=D[1]['document_id']
notes(t,P,{'n01':'The copy is on zscq.creditchina.gov.cn, a national credit platform that reposts local documents and names 石家庄市人民政府 as its source (publisher): a repost. Its 发布时间 (2022/05/20) is the repost\'s and is not recorded as date_published.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in the opening paragraphs, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'row_key':D[0]['document_id'],'note':'Registered as hebei-14th-five-year-ip-protection-use-plan (province, a local IP plan; no number or issuer printed).'},
 'n04':{'row_key':D[1]['document_id'],'note':'Registered as shijiazhuang-14th-five-year-development-outline (prefecture, no number or issuer printed), not a local IP plan.'}})
save(d,t)
