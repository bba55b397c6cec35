import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/hainan'; t=load(d); P='hainan-2017-ip-strong-province-task-division'; R='460000'
p=t['plans'][1][0]
p.update(title_en="Division of Key Tasks under the Hainan Provincial Government's Implementation Opinions on Accelerating the Building of a Strong Intellectual Property Province under the New Situation",
 source_type='repost', source_url='https://0798ci.com/policy/53556.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on 0798ci.com (not a government site), from the search tool\'s pages corpus: the transmitting notice of 海南省人民政府办公厅 (琼府办〔2017〕43号, 2017-03-15) and the task division up to item 2, cut off mid-word (…运行高效的知识产). The first line repeats the number and notice title as a page heading.')
m=t['measures'][1]
m[0]['text']='建立健全市县知识产权行政管理体系,实现各市县专利、商标、版权工作有专职人员负责,有专项经费支持。'
agency(t,'hainan-staffing-commission-office','中共海南省委机构编制委员会办公室','Office of the Hainan Provincial Commission for Public Sector Reform',R,'party_organ','organisation_department','Canonical name expanded from the short form 省编办 printed in the source; not yet checked against an official register. No function code for staffing commissions exists; coded organisation_department, the Party department it is attached to.')
agency(t,'hainan-science-technology','海南省科学技术厅','Hainan Provincial Department of Science and Technology',R,'government_department','science_technology','Canonical name expanded from the short form printed in the source; not yet checked against an official register.')
agency(t,'hainan-industry-commerce-administration','海南省工商行政管理局','Hainan Provincial Administration for Industry and Commerce',R,'government_department','market_regulation','Canonical name expanded from the short form 省工商局 printed in the source (2017, before the market regulation reform); not yet checked against an official register.')
agency(t,'hainan-culture-radio-publishing-sports','海南省文化广电出版体育厅','Hainan Provincial Department of Culture, Radio, Television, Publishing and Sports',R,'government_department','culture_tourism','Name as printed with the province prefixed (2017).')
agency(t,'hainan-city-county-governments','海南省各市县人民政府','People\'s governments of all cities and counties of Hainan',R,'collective','government','Collective: every city and county government of the province (printed 各市县政府).')
for al,a in [('省编办','hainan-staffing-commission-office'),('省科技厅','hainan-science-technology'),('省工商局','hainan-industry-commerce-administration'),('省文化广电出版体育厅','hainan-culture-radio-publishing-sports'),('各市县政府','hainan-city-county-governments')]: alias(t,R,al,a)
resp(t,P+'-001',[('hainan-staffing-commission-office','lead','省编办'),('hainan-science-technology','cooperating','省科技厅'),('hainan-industry-commerce-administration','cooperating','省工商局'),('hainan-culture-radio-publishing-sports','cooperating','省文化广电出版体育厅'),('hainan-city-county-governments','cooperating','各市县政府')])
c=t['citations'][1]; c[:]=[c[3]]; c[0].update(seq='1', document_id='hainan-2016-ip-strong-province-opinions', note='Also named in the notice and in the plan\'s title, without its number; one citation is recorded, from the plan\'s first sentence.')
t['documents'][1][:]=[dict(document_id='hainan-2016-ip-strong-province-opinions',title='海南省人民政府关于新形势下加快知识产权强省建设的实施意见',title_en='Hainan Provincial Government Implementation Opinions on Accelerating the Building of a Strong Intellectual Property Province under the New Situation',doc_number='琼府〔2016〕100号',issuer='海南省人民政府',issuer_level='province',region_code=R,date_signed='',genre='opinions',local_ip_plan='true',plan_id='',source_url='',source_retrieved='',note='Cited by the Hainan 2017 task division (琼府办〔2017〕43号), which divides its key tasks; issuer read from the title.')]
notes(t,P,{'n01':'The copy is on 0798ci.com, not a government site: recorded as a repost.',
 'n02':'Ingest left the bracket (省编办、…各市县政府负责。列第一位者为牵头部门,下同) in the text and found no agencies: the bracket was removed from the text and its five units recorded. Following the plan\'s own rule 列第一位者为牵头部门 (the first-listed unit leads), 省编办 is the lead and the other four are cooperating, although the bracket itself says only 负责.',
 'n03':'The excerpt ends inside item 2, before its agency bracket: no responsibilities are recorded for it.',
 'n04':'Item 2 stops mid-word (…运行高效的知识产) where the excerpt ends; kept as far as it goes, marked cut_off, and the plan recorded as an excerpt.',
 'n05':'Ingest proposed the transmitting notice of this plan as a cited document; it is this plan itself, so the proposal was dropped.',
 'n06':{'row_key':'hainan-2016-ip-strong-province-opinions','note':'The opinions this plan divides into tasks are registered as hainan-2016-ip-strong-province-opinions (琼府〔2016〕100号, a local IP plan not curated here). Ingest proposed them twice (with a leading space in the notice); one row is kept.'},
 'n07':'Ingest proposed the plan\'s own title (in the notice) as a cited document; it is this plan itself, so the proposal was dropped.'})
for n in t['curation_notes'][1]:
    if n['note_id'].endswith(('n05','n07')): n.update(table_name='plans', row_key=P, field='title')
codes(t,P,{'001':C('foundations','general','organisation_funding'),'002':C('foundations','general','organisation_funding')},
 {('001','pillar'):'Staffing and funding of city and county IP administration (rule 1e: staffing → foundations); 专利、商标、版权 is an enumeration → general.',
  ('002','pillar'):'Cut off; coded from the part printed: building the IP administration system after the comprehensive-management pilot.'})
save(d,t)
