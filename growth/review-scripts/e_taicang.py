import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/taicang'; t=load(d); P='jiangsu-suzhou-taicang-2022-2025'
p=t['plans'][1][0]
p.update(title_en='Taicang Work Plan as a National Model County for Building Strong Intellectual Property Counties (2022–2025)', source_type='repost', capture='excerpt',
 source_url='http://www.tcscypt.com/ZCT/PolicyDetail/87779a7878b342fdb0f23810bf2d62a1', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on a policy service platform (tcscypt.com), from the search tool\'s pages corpus: the notice of 太仓市人民政府办公室 (dated 2022年12月23日, 此件公开发布, no number), a line of three literal question marks where a blank or an image was, the plan\'s preamble and 一、总体思路, cut off mid-word. No tasks.')
D=t['documents'][1][0]
D.update(document_id='central-2022-ip-strong-county-pilot-designation', title_en='CNIPA Notice on Designating National Pilot and Model Counties for Building Strong Intellectual Property Counties and National Pilot and Model Parks', issuer='国家知识产权局', issuer_level='central', note='Cited by the Taicang 2022–2025 work plan as the notice that designated Taicang a model county; issuer read from the title. A central notice, not a local plan.')
t['citations'][1][0]['document_id']=D['document_id']
notes(t,P,{'n01':'The copy is on tcscypt.com, a policy service platform, not a government site: recorded as a repost.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、总体思路, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'row_key':D['document_id'],'note':'Registered as central-2022-ip-strong-county-pilot-designation (国知发运函字〔2022〕131号), central.'}})
save(d,t)
