import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/kezhou'; t=load(d); P='xinjiang-kizilsu-2023-ip-strong-prefecture'
p=t['plans'][1][0]
p.update(title_en='Work Plan of the Kizilsu Kirghiz Autonomous Prefecture for Implementing the Work Plan for Jointly Building a Strong Intellectual Property Region on the Silk Road Economic Belt', source_type='official_site', capture='excerpt',
 source_url='http://xjwqx.gov.cn/xjwqx/c114593/202305/38cd95b8c1f8477fbe7aed35f653e65b.shtml', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Wuqia county government site (xjwqx.gov.cn), which republishes the prefecture\'s notice (【自治州】, 发布时间 empty): the notice signed 克孜勒苏柯尔克孜自治州人民政府 on 2023年4月18日 (此件公开发布, no number), the plan\'s preamble and 一、指导思想, cut off mid-sentence. No tasks.')
c=t['citations'][1]; c[:]=[c[3]]; c[0].update(seq='1', note='Cited in the preamble with the two issuers run together (…人民政府国家知识产权局…); ingest linked it to the joint plan registered with the Bortala plan.')
t['documents'][1][:]=[]
notes(t,P,{'n01':'The page is on xjwqx.gov.cn, the site of Wuqia county, which republishes the prefecture government\'s notice: a government page, recorded as official_site.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、指导思想, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'table_name':'plans','row_key':P,'field':'title','note':'Ingest proposed the plan\'s own title, as the notice quotes it twice (with 〈〉 and with <>), as two cited documents; they are this plan and were dropped.'},
 'n04':None,
 'n05':{'table_name':'citations','row_key':P+':1','field':'document_id','note':'Ingest also proposed 共建丝绸之路经济带知识产权强区工作实施方案, the short title quoted inside this plan\'s own title, as a new document; it is the regional joint plan the preamble cites in full (xinjiang-2022-ip-strong-region-joint-plan), so one citation is kept.'}})
save(d,t)
