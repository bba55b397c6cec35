import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/pingdingshan'; t=load(d); P='henan-pingdingshan-2022-ip-publicity-week'
p=t['plans'][1][0]
p.update(title='平顶山市2022年4·26知识产权宣传周活动方案', title_en='Pingdingshan 2022 Plan for the 26 April Intellectual Property Publicity Week Activities', doc_number='平知战联办〔2022〕5号', issuer='市知识产权战略实施工作联席会议办公室', source_type='official_site', capture='excerpt',
 source_url='https://www.pds.gov.cn/contents/27009/297503.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Pingdingshan city government site (pds.gov.cn), from the search tool\'s pages corpus: a bulleted metadata list (发文字号 平知战联办〔2022〕5号, 发布日期 2022-04-11), the notice of the city IP strategy joint-conference office to its member units (dated 2022年4月11日, no signer), and the activity plan (the annex) up to 一、指导思想, cut off mid-sentence. The title is written 4.26 in the notice and 4·26 in the annex. No tasks.')
c=t['citations'][1]; c[:]=[c[1]]; c[0]['seq']='1'
D=t['documents'][1]; D[:]=[D[1]]
D[0].update(document_id='central-2022-ip-publicity-week-notice', title_en='Notice on Holding the 2022 National Intellectual Property Publicity Week', issuer='国家知识产权局', issuer_level='central', note='Cited by the Pingdingshan 2022 publicity-week plan as a notice of 国家知识产权局. Central, not a local plan.')
c[0]['document_id']=D[0]['document_id']
notes(t,P,{'n01':'The page is on pds.gov.cn, the city government site: official_site. The notice has no signer; the issuer is the office the notice names as the plan\'s author (市知识产权战略实施工作联席会议办公室), matching the number 平知战联办.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、指导思想 of the annex, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'table_name':'plans','row_key':P,'field':'title','note':'The annex title is printed across two lines; ingest took only the second (活动方案) as the title and proposed the title as the notice quotes it (with 4.26) as a cited document, i.e. the plan itself (dropped). The title is the annex\'s, with 4·26. Ingest also missed the number in the bulleted metadata list (• 发文字号 / • 平知战联办〔2022〕5号).'},
 'n04':{'row_key':D[0]['document_id'],'note':'Registered as central-2022-ip-publicity-week-notice (国知发办字〔2022〕16号).'}})
save(d,t)
