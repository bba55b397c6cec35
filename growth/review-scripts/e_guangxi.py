import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/guangxi'; t=load(d); P='guangxi-2016-ip-strong-region-pilot'
p=t['plans'][1][0]
p.update(title_en='Guangxi Implementation Plan for the Pilot Work of Building a Distinctive Strong Intellectual Property Region', capture='excerpt',
 source_url='https://z.askci.com/news/20181212/0941413822.shtml', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on z.askci.com (中商情报网, a market-research site; 来源:广西壮族自治区人民政府 发布日期:2016-10-31), from the search tool\'s pages corpus: the site header, the notice of 广西壮族自治区人民政府办公厅 (2016年10月31日, no number printed) and section 一、总体要求 of the plan (指导思想, 工作目标 to 2020 and 2030), cut off mid-sentence (以夯实知识). No numbered tasks.')
ts=t['targets'][1]
ts[1].update(indicator='知识产权创造运用保护管理服务体系', indicator_en='IP creation, use, protection, management and service system')
ts[4].update(indicator='知识产权服务体系', indicator_en='IP service system')
notes(t,P,{'n01':'The copy is on z.askci.com, a market-research site that names the regional government as its source (recorded as publisher): a repost.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、总体要求 (工作目标), before any task, so there are no measures to record; capture set to excerpt.'})
addnote(t,P,'targets',P+'-t02','indicator','Ingest used the first 60-odd characters of the clause as the indicator of this qualitative target (and 建立起布局 for the 2030 one); replaced by short labels.')
addnote(t,P,'targets',P+'-t05','text','The 2030 clause is cut off by the end of the excerpt (以夯实知识); kept as far as it goes.')
save(d,t)
