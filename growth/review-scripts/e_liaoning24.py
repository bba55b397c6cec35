import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/liaoning24'; t=load(d); P='liaoning-2024-ip-strong-province-joint-plan'; R='210000'
p=t['plans'][1][0]
p.update(title='共建全面振兴新突破', title_en='Joint plan of the Liaoning Provincial Government and CNIPA for a new breakthrough in comprehensive revitalisation (title truncated in the source)',
 issuer='辽宁省人民政府、国家知识产权局', source_type='repost', source_url='https://zhousa.com/archives/56756.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a WeChat-style repost on zhousa.com (a follow-us line of 网络与信息法学会 at the top), from the search tool\'s pages corpus: a truncated notice title (关于印发共建全面振兴新突破), the number 辽政发〔2024〕13号, the joint issuers, the preamble and items 1–3; cut off inside the responsibility bracket of item 3 (责任单位:国家知). The plan\'s own title and the signing date are not printed.')
m=t['measures'][1]
m[0].update(text='积极推进《辽宁省知识产权保护条例》《辽宁省知识产权强省建设纲要(2021—2035年)》和《辽宁省“十四五”知识产权保护和运用规划》实施。', deadline='持续推进', deadline_date='')
m[1].update(text='落实国务院办公厅《专利转化运用专项行动方案(2023—2025年)》,全力推动《辽宁省推进专利转化运用工作实施方案(2023—2025年)》落地。', deadline='2025年12月底前', deadline_date='2025-12-31')
m[2].update(text='发挥中国(辽宁)自由贸易试验区示范引领作用,推进高水平制度型开放,不断扩大知识产权贸易。鼓励海外专利权人、外商投资企业等按照自愿平等的市场化原则,开展知识产权贸易活动。', capture='whole')
N='Canonical name expanded from the short form printed in the source; not yet checked against an official register.'
NAT='National body (CNIPA department); region_code is where it sits (Beijing), the schema having no code for the central level. '
A=[('国家知识产权局条法司','cnipa-treaty-law-department','国家知识产权局条法司','CNIPA Department of Treaty and Law','110000','government_department','ip_administration',NAT+'Name as printed.'),
('联席办','cnipa-joint-conference-office','国家知识产权局联席办','Joint conference office at CNIPA','110000','government_department','ip_administration',NAT+'Printed 联席办 in a list after 国家知识产权局条法司, whose prefix it shares; the office of a joint conference housed at CNIPA. Which conference is not printed, so the name keeps the printed short form with the shared prefix.'),
('战略规划司','cnipa-strategic-planning-department','国家知识产权局战略规划司','CNIPA Department of Strategic Planning','110000','government_department','ip_administration',NAT+'Printed 战略规划司 after 国家知识产权局条法司, whose prefix it shares.'),
('国家知识产权局运用促进司','cnipa-ip-utilization-promotion-department','国家知识产权局知识产权运用促进司','CNIPA Department of Intellectual Property Utilization and Promotion','110000','government_department','ip_administration',NAT+'Printed 国家知识产权局运用促进司; the department\'s name begins with 知识产权.'),
('省知识产权局','liaoning-ip-office','辽宁省知识产权局','Liaoning Provincial Intellectual Property Office',R,'government_department','ip_administration',N),
('省发展改革委','liaoning-development-reform','辽宁省发展和改革委员会','Liaoning Provincial Development and Reform Commission',R,'government_department','development_reform',N),
('省教育厅','liaoning-education','辽宁省教育厅','Liaoning Provincial Department of Education',R,'government_department','education',N),
('省科技厅','liaoning-science-technology','辽宁省科学技术厅','Liaoning Provincial Department of Science and Technology',R,'government_department','science_technology',N),
('省工业和信息化厅','liaoning-industry-it','辽宁省工业和信息化厅','Liaoning Provincial Department of Industry and Information Technology',R,'government_department','industry_it',N),
('省公安厅','liaoning-public-security','辽宁省公安厅','Liaoning Provincial Public Security Department',R,'police','public_security',N),
('省司法厅','liaoning-justice','辽宁省司法厅','Liaoning Provincial Department of Justice',R,'government_department','justice',N),
('省财政厅','liaoning-finance','辽宁省财政厅','Liaoning Provincial Department of Finance',R,'government_department','public_finance',N),
('省人力资源社会保障厅','liaoning-human-resources-social-security','辽宁省人力资源和社会保障厅','Liaoning Provincial Department of Human Resources and Social Security',R,'government_department','human_resources',N),
('省农业农村厅','liaoning-agriculture-rural-affairs','辽宁省农业农村厅','Liaoning Provincial Department of Agriculture and Rural Affairs',R,'government_department','agriculture_rural',N),
('省商务厅','liaoning-commerce','辽宁省商务厅','Liaoning Provincial Department of Commerce',R,'government_department','commerce',N),
('省文化和旅游厅','liaoning-culture-tourism','辽宁省文化和旅游厅','Liaoning Provincial Department of Culture and Tourism',R,'government_department','culture_tourism',N),
('省卫生健康委','liaoning-health','辽宁省卫生健康委员会','Liaoning Provincial Health Commission',R,'government_department','health',N+' The code list had no function for health; the code health was added for it.'),
('省市场监管局','liaoning-market-regulation','辽宁省市场监督管理局','Liaoning Provincial Administration for Market Regulation',R,'government_department','market_regulation',N),
('省林草局','liaoning-forestry-grassland','辽宁省林业和草原局','Liaoning Provincial Forestry and Grassland Administration',R,'government_department','forestry',N),
('省检察院','liaoning-procuratorate','辽宁省人民检察院','Liaoning Provincial People\'s Procuratorate',R,'procuratorate','procuratorate',N),
('省贸促会','liaoning-ccpit','中国国际贸易促进委员会辽宁省委员会','China Council for the Promotion of International Trade, Liaoning Committee',R,'mass_organization','commerce',N+' Coded commerce (trade promotion), the nearest function of the code list.'),
('大连海关','dalian-customs','中华人民共和国大连海关','Dalian Customs','210200','customs','customs','Customs district under the General Administration of Customs, seated in Dalian; name as printed with its official prefix.'),
('沈阳海关','shenyang-customs','中华人民共和国沈阳海关','Shenyang Customs','210100','customs','customs','Customs district under the General Administration of Customs, seated in Shenyang; name as printed with its official prefix.'),
('各市政府','liaoning-city-governments','辽宁省各市人民政府','People\'s governments of all cities of Liaoning',R,'collective','government','Collective: every prefecture-level city government of the province (printed 各市政府).'),
('省沈抚示范区管委会','liaoning-shenfu-demonstration-zone-committee','辽宁省沈抚示范区管理委员会','Management Committee of the Shenfu Demonstration Zone, Liaoning',R,'development_zone','development_zone','Name expanded from the printed 省沈抚示范区管委会 (管委会 = 管理委员会); the zone straddles Shenyang and Fushun, so the province\'s code is used. Not yet checked against an official register.')]
ids={}
for al,aid,name,en,rc,kind,fn,note in A:
    agency(t,aid,name,en,rc,kind,fn,note); alias(t,R,al,aid); ids[al]=aid
def L(*names): return [(ids[n],r,n) for r,n in names]
coop=['省发展改革委','省教育厅','省科技厅','省工业和信息化厅','省公安厅','省司法厅','省财政厅','省人力资源社会保障厅','省农业农村厅','省商务厅','省文化和旅游厅','省卫生健康委','省市场监管局','省林草局','省检察院','省贸促会','大连海关','沈阳海关','各市政府','省沈抚示范区管委会']
resp(t,P+'-001',L(('responsible','国家知识产权局条法司'),('responsible','联席办'),('responsible','战略规划司'),('lead','省知识产权局'),*[('cooperating',c) for c in coop]))
resp(t,P+'-002',L(('responsible','国家知识产权局运用促进司'),('lead','省知识产权局'),*[('cooperating',c) for c in ['省教育厅','省科技厅','省工业和信息化厅','各市政府','省沈抚示范区管委会']]))
docs=t['documents'][1]
docs[0].update(document_id='central-2021-ip-strong-country-outline', title_en='Outline for Building a Strong Intellectual Property Country (2021–2035)', issuer_level='central', note='Cited without number or issuer; a central document (a national outline), not a local plan.')
docs[1].update(document_id='central-14th-five-year-ip-protection-use-plan', title_en='14th Five-Year National Plan for the Protection and Use of Intellectual Property', issuer_level='central', note='Cited without number or issuer; a central document (a national plan), not a local plan.')
c=t['citations'][1]; c[0]['document_id']=docs[0]['document_id']; c[1]['document_id']=docs[1]['document_id']
notes(t,P,{'n01':'The copy is a WeChat-style repost on zhousa.com, not a government site: recorded as a repost.',
 'n02':'Ingest left the bracket (责任单位:…。完成时限:持续推进) in item 1\'s text and found no agencies: the bracket was removed from the text, its 24 units recorded and 持续推进 kept as the deadline. The national-office departments before the semicolon (…等按职责分工负责) are responsible; 省知识产权局 leads and the units after it are cooperating. 联席办 and 战略规划司 share the prefix 国家知识产权局 printed on 条法司 only; as_printed keeps them as printed.',
 'n03':'Ingest left the bracket in item 2\'s text and found no agencies: the bracket was removed, its 7 units recorded (国家知识产权局运用促进司 responsible; 省知识产权局 lead; the rest cooperating) and 2025年12月底前 kept as the deadline (2025-12-31).',
 'n04':'Item 3\'s bracket is cut off at 责任单位:国家知 by the end of the excerpt, before any complete agency name: no responsibilities are recorded.',
 'n05':'Item 3\'s text is complete; only its responsibility bracket is cut off by the end of the excerpt. The bracket fragment was removed from the text and the measure kept as whole; the plan is recorded as an excerpt.',
 'n06':{'row_key':'central-2021-ip-strong-country-outline','note':'The cited 知识产权强国建设纲要(2021—2035年) is registered as a central document, central-2021-ip-strong-country-outline; the source prints no number or issuer, so none is recorded.'},
 'n07':{'row_key':'central-14th-five-year-ip-protection-use-plan','note':'The cited “十四五”国家知识产权保护和运用规划 is registered as a central document, central-14th-five-year-ip-protection-use-plan; the source prints no number or issuer, so none is recorded.'}})
addnote(t,P,'plans',P,'title','The source prints only a truncated notice title, 关于印发共建全面振兴新突破; the plan\'s own title is not printed. The title records the printed fragment without 关于印发 (as the register does), and title_en says it is truncated; the full title is not supplied because the source does not print it.')
addnote(t,P,'plans',P,'issuer','The two issuers are printed on one line below the number (辽宁省人民政府 国家知识产权局), separated by a space; recorded with 、.')
codes(t,P,{'001':C('foundations','general','rules_and_policy'),'002':C('foundations','patent','rules_and_policy'),'003':C('equal','general','international_cooperation')},
 {('001','pillar'):'Carrying out the province\'s IP regulation, outline and five-year plan: rules and policy (rule 3b), foundations.',
  ('002','pillar'):'Patent conversion and use (creation/use, rule 1a).',
  ('003','pillar'):'IP trade in the free trade zone and with overseas patentees and foreign-invested firms: equal (fairs, foreign-related, rule 1).'})
save(d,t)
