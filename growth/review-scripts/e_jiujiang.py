import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/jiujiang'; t=load(d); P='jiangxi-jiujiang-2022-2035'; R='360400'
p=t['plans'][1][0]
p.update(title_en='Jiujiang Implementation Plan for Building a Strong Intellectual Property City (2022–2035)', publisher='九江市市场监督管理局',
 source_type='repost', capture='excerpt', source_url='http://jj.jxpisp.com/read/?id=12', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on the Jiujiang IP information public service platform (jj.jxpisp.com; 时间:2023-08-24 来源:九江市市场监督管理局), from the search tool\'s pages corpus: no notice, number or signing date; the title, the preamble, 一、指导思想 and 二、主要目标 with the 2025 targets and the start of the 2035 goal, cut off mid-sentence (具有九江特色). The stored text drops opening brackets and 到: the period line reads 2022-2035年), the cited title 行动方案2022-2035年)>, and the goals start 2025年, / 2035年,.')
T=[(2025,'总体目标','overall goal','','','2025年,全市知识产权战略位势和发展能级有效提升,知识产权支撑引领经济发展能力显著增强'),
(2025,'每万人有效发明专利拥有量','valid invention patents per 10,000 people',6.2,'件','每万人有效发明专利拥有量达到6.2件'),
(2025,'每万人高价值发明专利拥有量','high-value invention patents per 10,000 people',1.97,'件','每万人高价值发明专利拥有量达到1.97件'),
(2025,'商标有效注册量','valid trademark registrations',82000,'件','商标有效注册量突破8.2万件'),
(2025,'地理标志','geographical indications',26,'件','地理标志达到26件'),
(2025,'年度知识产权质押融资金额','annual IP pledge financing',1300000000,'元','年度知识产权质押融资金额达到13亿元'),
(2025,'贯彻知识产权管理规范标准的企业','enterprises applying the IP management standard',100,'家','贯彻知识产权管理规范标准的企业达到100家'),
(2035,'总体目标','overall goal','','','2035年,全市知识产权制度体系更加完善,管理方式更加科学,激励创新创业作用更加凸显,知识产权创造、运用、保护、管理和服务水平位居全省前列')]
for y,i,e,v,u,x in T: target(t,P,y,i,e,v,u,x)
c=t['citations'][1]
c[0]['note']='The stored text drops the opening bracket of the period: 行动方案2022-2035年)>. Kept as printed; ingest linked it to the registered action plan.'
c[1]['document_id']='jiujiang-14th-five-year-development-outline'
t['documents'][1][0].update(document_id='jiujiang-14th-five-year-development-outline', title_en='Outline of the 14th Five-Year Plan for the National Economic and Social Development of Jiujiang and the Long-Range Objectives through 2035', issuer_level='prefecture', region_code=R, note='Cited by the Jiujiang IP strong-city plan without number or issuer; the city\'s general development plan, not a local IP plan.')
notes(t,P,{'n01':'The copy is on the Jiujiang IP information public service platform, which names 九江市市场监督管理局 as its source (recorded as publisher): recorded as a repost. The page time 2023-08-24 is the repost\'s and is not recorded as date_published; the status stays unknown (no notice, number or date is printed).',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 二、主要目标, before any task, so there are no measures to record; capture set to excerpt (the text holds the preamble and the goals).',
 'n03':{'row_key':'jiujiang-14th-five-year-development-outline','note':'The cited city development outline is registered as jiujiang-14th-five-year-development-outline (prefecture, no number or issuer printed), not a local IP plan.'}})
addnote(t,P,'targets',P+'-t01','year','Ingest found no targets; all were added by hand. The year is read from the clause starts 2025年, and 2035年, (到 dropped by the copying site); 万 and 亿 are expanded (8.2万件 = 82000, 13亿元 = 1300000000). The 2035 goal is kept up to 位居全省前列; the excerpt stops after it.')
addnote(t,P,'plans',P,'title','The title is printed with a period line 2022-2035年) whose opening bracket was dropped; the title is recorded without it.')
save(d,t)
