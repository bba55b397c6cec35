import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/bozhou'; t=load(d); P='xinjiang-bortala-2023-ip-strong-prefecture'
p=t['plans'][1][0]
p.update(title='自治州贯彻落实《新疆维吾尔自治区人民政府 国家知识产权局共建丝绸之路经济带知识产权强区实施方案》的工作方案',
 title_en='Work Plan of the Bortala Mongol Autonomous Prefecture for Implementing the Xinjiang Government–CNIPA Plan for Jointly Building a Strong Intellectual Property Region on the Silk Road Economic Belt',
 source_type='official_site', capture='excerpt', source_url='http://www.xjboz.gov.cn/info/1950/133566.htm', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Bortala prefecture government site (xjboz.gov.cn), from the search tool\'s pages corpus: the number 博州政发〔2023〕17号, the notice dated 2023年4月14日 without a signer (此件公开发布), the plan title printed across three lines, the preamble, 一、指导思想 and the start of 二、建设目标, cut off mid-word. No tasks.')
D=t['documents'][1]; D[:]=[D[1]]
D[0].update(document_id='xinjiang-2022-ip-strong-region-joint-plan', title_en='Plan of the Xinjiang Uygur Autonomous Region Government and CNIPA for Jointly Building a Strong Intellectual Property Region on the Silk Road Economic Belt', issuer='新疆维吾尔自治区人民政府、国家知识产权局', issuer_level='province', region_code='650000', local_ip_plan='true', note='Cited by the Bortala 2023 work plan with its number; issuers read from the title (printed with a space between them). A local IP plan of the region, jointly with CNIPA; not curated here.')
c=t['citations'][1]; c[:]=[c[1]]; c[0].update(seq='1', document_id=D[0]['document_id'])
notes(t,P,{'n01':'The page is on xjboz.gov.cn, the prefecture government site: official_site. The notice names no signer (the prefecture government\'s executive meeting approved it), so issuer is left empty.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends at the start of 二、建设目标, before any task, so there are no measures to record; capture set to excerpt.',
 'n03':{'table_name':'plans','row_key':P,'field':'title','note':'The title is printed across three lines; ingest took only the last line (强区实施方案》的工作方案) as the title and proposed the full title, as the notice quotes it, as a cited document, i.e. the plan itself. The title joins the three lines (the space between the two issuers is kept); the self-citation was dropped.'},
 'n04':{'row_key':D[0]['document_id'],'note':'The cited joint plan of the region and CNIPA is registered as xinjiang-2022-ip-strong-region-joint-plan (新政发〔2022〕88号), a local IP plan.'}})
save(d,t)
