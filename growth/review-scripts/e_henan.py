import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/henan'; t=load(d); P='henan-2022-ip-14th-five-year-plan'
p=t['plans'][1][0]
p.update(title_en='Henan Provincial 14th Five-Year Plan for the Creation, Protection and Use of Intellectual Property', issuer='河南省知识产权局', date_published='2022-05-16', source_type='official_site', capture='excerpt',
 source_url='http://scjg.henan.gov.cn/2022/05-16/2449481.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Henan market regulation site (scjg.henan.gov.cn; 时间:2022-05-16 16:55, 来源 empty), from the search tool\'s pages corpus: the notice of 河南省知识产权局 (its date, 2022年1月28日, indented on its own line, no number printed), the plan\'s preamble and section 一、规划背景 with figures achieved in the 13th five-year period, cut off mid-sentence. No tasks and no targets.')
D=t['documents'][1]
D[0].update(document_id='henan-14th-five-year-development-plan', title_en='Henan Provincial 14th Five-Year Plan for Economic and Social Development', issuer_level='province', region_code='410000', note='Cited by the Henan IP 14th five-year plan without number or issuer; the province\'s general development plan, not a local IP plan.')
D[1].update(document_id='henan-14th-five-year-market-regulation-plan', title_en='Henan Provincial 14th Five-Year Plan for Modernising Market Regulation', issuer_level='province', region_code='410000', note='Cited by the Henan IP 14th five-year plan without number or issuer; a market-regulation plan, not a local IP plan.')
c=t['citations'][1]; c[1]['document_id']=D[0]['document_id']; c[2]['document_id']=D[1]['document_id']
notes(t,P,{'n01':'The page is on scjg.henan.gov.cn, the provincial market regulation site: official_site; date_published is its page time. The issuer is the provincial IP office named in the notice title and printed above it.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、规划背景, before any task, so there are no measures; capture set to excerpt. The figures in 一、规划背景 are achievements of the 13th five-year period, not targets.',
 'n03':{'row_key':D[0]['document_id'],'note':'Registered as henan-14th-five-year-development-plan (province, no number or issuer printed), not a local IP plan.'},
 'n04':{'row_key':D[1]['document_id'],'note':'Registered as henan-14th-five-year-market-regulation-plan (province, no number or issuer printed), not a local IP plan.'}})
save(d,t)
