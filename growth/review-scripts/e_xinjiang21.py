import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/xinjiang21'; t=load(d); P='xinjiang-2021-ip-14th-five-year-plan'
p=t['plans'][1][0]
p.update(title_en='Xinjiang Uygur Autonomous Region 14th Five-Year Plan for Intellectual Property', source_type='mirror', capture='excerpt',
 source_url='http://8158f.com/zcfg/zcwj/202206/t20220608_52594.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a mirror (8158f.com) of a regional government page, from the search tool\'s pages corpus: the notice to the prefectures, cities and the region\'s departments (dated 2021年7月14日, 此件公开发布; no issuer line and no number printed), the plan\'s preamble and the start of 一、规划背景 (achievements), cut off mid-sentence. No tasks.')
notes(t,P,{'n01':'The host is not a government site but reproduces the regional government\'s notice page: recorded as a mirror. The notice prints no issuer, so issuer is left empty (its addressees suggest the regional government, which is not named).',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、规划背景, before any task, so there are no measures; capture set to excerpt.'})
save(d,t)
