import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/jian'; t=load(d); P='jiangxi-jian-2023-2035'; R='360800'
p=t['plans'][1][0]
p.update(title='吉安市知识产权强市建设行动方案(2023─2035年)', title_en="Ji'an Action Plan for Building a Strong Intellectual Property City (2023–2035)", issuer='吉安市人民政府', date_signed='2023-10-10', status='issued',
 source_type='repost', capture='excerpt', source_url='https://liyeyun.com/industry-policy-detail/1739866775544901632', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a policy-site repost (立业云, liyeyun.com), from the search tool\'s pages corpus: the site header, the notice title with 发文机构:吉安市人民政府 | 发文时间:2023-10-12, then the notice and the plan run together on one line up to the 2025 targets of 二、工作目标, cut off mid-word (建设市高价). The plan title prints U+2500 box-drawing dashes (2023─2035年) in the body and a spaced em dash in the page heading.')
T=[(2025,'总体目标','overall goal','','','到2025年,全市知识产权强市建设取得显著成效,知识产权保护水平显著提升,知识产权运用效益显著提高,知识产权管理和服务能力显著增强,知识产权人文社会环境明显优化。'),
(2025,'每万人有效发明专利拥有量','valid invention patents per 10,000 people',10,'件','每万人有效发明专利拥有量和高价值发明专利拥有量分别达到10件和2.6件以上'),
(2025,'每万人高价值发明专利拥有量','high-value invention patents per 10,000 people',2.6,'件','每万人有效发明专利拥有量和高价值发明专利拥有量分别达到10件和2.6件以上'),
(2025,'有效注册商标总量','valid registered trademarks',90000,'件','有效注册商标总量达到9万件'),
(2025,'地理标志产品和证明商标','geographical indication products and certification marks',30,'件','地理标志产品和证明商标达到30件'),
(2025,'国家知识产权优势示范企业','national IP advantage and model enterprises',15,'家','拥有国家知识产权优势示范企业15家以上')]
for y,i,e,v,u,x in T: target(t,P,y,i,e,v,u,x)
c=t['citations'][1]; c[:]=c[1:]
for i,r in enumerate(c,1): r['seq']=str(i)
c[0]['document_id']='central-2021-ip-strong-country-outline'; c[0]['note']='Printed with U+2500 box-drawing dashes (2021─2035年).'
c[1].update(document_id='jiangxi-2022-ip-strong-province-action-plan', note='Cited as the notice of the provincial Party committee and government that transmits the action plan; the register lists the action plan itself.')
t['documents'][1][:]=[dict(document_id='jiangxi-2022-ip-strong-province-action-plan',title='关于加强知识产权强省建设的行动方案(2022─2035年)',title_en='Action Plan on Strengthening the Building of a Strong Intellectual Property Province (Jiangxi, 2022–2035)',doc_number='赣发〔2022〕20号',issuer='中共江西省委、江西省人民政府',issuer_level='province',region_code='360000',date_signed='',genre='plan',local_ip_plan='true',plan_id='',source_url='',source_retrieved='',note="Cited by the Ji'an 2023 action plan through the notice that transmits it (中共江西省委江西省人民政府印发〈…〉的通知); the register lists the action plan itself. A local IP plan, not curated here.")]
notes(t,P,{'n01':'The copy is on liyeyun.com (立业云), a policy information site, not a government site: recorded as a repost.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 二、工作目标, before any task, so there are no measures to record; capture set to excerpt (the text holds the notice, the preamble and part of the goals).',
 'n03':None,
 'n04':{'row_key':'jiangxi-2022-ip-strong-province-action-plan','note':'The cited provincial notice is registered through the action plan it transmits, jiangxi-2022-ip-strong-province-action-plan (赣发〔2022〕20号), a local IP plan. The 强国建设纲要 citation points to the central outline already registered.'}})
addnote(t,P,'plans',P,'title',"Ingest found no title (the notice and plan are run together on one line) and proposed the plan's own title as a citation of the register row jian-2023-plan, i.e. of itself; the title is taken from the body (with its U+2500 dashes) and the self-citation dropped.")
addnote(t,P,'plans',P,'date_signed','The notice is dated 2023年10月10日; the policy site gives 发文时间:2023-10-12, which is not recorded as date_published because the site does not say it is the publication date.')
addnote(t,P,'targets',P+'-t02','value','One clause states two numbers (分别达到10件和2.6件以上): two targets with the same text. 以上 (or more) is not recorded as a qualifier. Ingest found none of the targets (they are in a paragraph run on one line); all were added by hand, 万 expanded (9万件 = 90000).')
save(d,t)
