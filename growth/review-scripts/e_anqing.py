import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/anqing'; t=load(d); P='anhui-anqing-2023-ip-public-service-action'
p=t['plans'][1][0]
p.update(title_en='Anqing Action Plan for Improving Intellectual Property Public Service Capacity', status='issued', source_type='repost', capture='excerpt',
 source_url='http://220.179.8.38/news/view/150726.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a page on a host known only by its IP address (220.179.8.38), from the search tool\'s pages corpus: the notice title, a page date (2023-04-04), the notice of the city bureau (市局, not named; no signer, number or signing date) and the action plan\'s preamble and 一、指导思想, cut off. PDF-extracted text: spaces at former line ends and letter-spaced words (为 深 入 贯 彻 落 实 《 安 徽 省 …》).')
AMR='安徽省市场监督管理局'
D=t['documents'][1]
D[0].update(document_id='anhui-2021-2035-ip-strong-province-outline', title='安徽省知识产权强省建设纲要(2021-2035)', title_en='Anhui Provincial Outline for Building a Strong Intellectual Property Province (2021–2035)', issuer_level='province', region_code='340000', local_ip_plan='true', note='Cited by the Anqing 2023 action plan with letter-spaced characters (PDF extraction); title recorded without the spaces. No number or issuer printed. A local IP plan of the province, not curated here.')
D[1].update(document_id='anhui-14th-five-year-ip-development-plan', title_en='Anhui Provincial 14th Five-Year Plan for Intellectual Property Development', issuer_level='province', region_code='340000', local_ip_plan='true', note='Cited by the Anqing 2023 action plan without number or issuer. A local IP plan of the province, not curated here.')
D[2].update(document_id='anhui-2021-ip-information-public-service-opinions', title='关于新形势下加快建设知识产权信息公共服务体系的实施意见', title_en='Implementation Opinions on Accelerating the Building of an Intellectual Property Information Public Service System under the New Situation (Anhui)', issuer=AMR, issuer_level='province', region_code='340000', local_ip_plan='true', note='Cited by the Anqing 2023 action plan as issued by 安徽省市场监管局 (canonical name used), with its number printed with a stray space (皖市 监办函〔2021〕330 号). A provincial department\'s opinions setting IP public-service tasks: a local IP document, not curated here.')
D[3].update(document_id='anhui-2022-ip-public-service-quality-opinions', title='关于加快推动安徽省知识产权公共服务高质量发展的实施意见', title_en='Implementation Opinions on Accelerating the High-Quality Development of Intellectual Property Public Services in Anhui', issuer=AMR, issuer_level='province', region_code='340000', local_ip_plan='true', note='Cited by the Anqing 2023 action plan as issued by 安徽省市场监管局 (canonical name used), with a stray space in its title and number (公共服 务, 2 号). A provincial department\'s opinions: a local IP document, not curated here.')
c=t['citations'][1]
for r,x in zip(c,D): r['document_id']=x['document_id']
c[0]['cited_title']=c[0]['cited_title'].strip()
notes(t,P,{'n01':'The host is a bare IP address (220.179.8.38), not identifiable as a government site: recorded as a repost. The page date 2023-04-04 is not recorded as date_published. The issuer is printed only as 市局 (the city market regulation bureau, to which the county bureaus report) and is left empty; status issued (现印发给你们).',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、指导思想, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'row_key':D[0]['document_id'],'note':'Registered as anhui-2021-2035-ip-strong-province-outline; the citation keeps the letter-spaced title as printed, the register the title without PDF spaces.'},
 'n04':{'row_key':D[1]['document_id'],'note':'Registered as anhui-14th-five-year-ip-development-plan.'},
 'n05':{'row_key':D[2]['document_id'],'note':'Registered as anhui-2021-ip-information-public-service-opinions, with the issuer the plan names; the PDF space in 新 形势 removed in the register.'},
 'n06':{'row_key':D[3]['document_id'],'note':'Registered as anhui-2022-ip-public-service-quality-opinions, with the issuer the plan names; the PDF space in 公共服 务 removed in the register.'}})
save(d,t)
