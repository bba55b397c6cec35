import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/liaoning09'; t=load(d); P='liaoning-2009-ip-strategy-task-division'; R='210000'
p=t['plans'][1][0]
p.update(title='实施辽宁省知识产权战略纲要任务分工', title_en='Division of Tasks for Implementing the Liaoning Provincial Intellectual Property Strategy Outline', capture='excerpt',
 source_type='repost', source_url='http://ipknow.cn/fagui/show-4404.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on ipknow.cn (a page dated 更新时间:2016.04.03), from the search tool\'s pages corpus: the notice (no document number and no issuer printed; dated 二〇〇九年八月二十一日) and the task division up to item 1, whose bracket (省发展改革委牵头,省经济和信息化委、省科技厅…) is cut off after two cooperating units.')
a=t['agencies'][1][0]
a.update(agency_id='liaoning-economy-informatization-commission', name='辽宁省经济和信息化委员会', name_en='Liaoning Provincial Commission of Economy and Information Technology', note='Canonical name expanded from the short form 省经济和信息化委 printed in the source (2009; its industry work later passed to 辽宁省工业和信息化厅); not yet checked against an official register.')
t['agency_aliases'][1][0]['agency_id']=a['agency_id']
for r in t['responsibilities'][1]:
    if r['agency_id']=='liaoning-agency': r['agency_id']=a['agency_id']
c=t['citations'][1]; c[:]=c[1:]
for i,r in enumerate(c,1): r['seq']=str(i)
c[0]['document_id']='central-2008-national-ip-strategy-outline'; c[0]['note']='Cited as the State Council notice that transmits the outline; the register lists the outline itself.'
c[1]['document_id']='central-2008-ip-strategy-task-division'; c[1]['note']='Cited as the notice of the General Office of the State Council that transmits the task division; the register lists the task division itself.'
c[2].update(document_id='liaoning-2008-ip-strategy-outline', cited_doc_number='辽政发〔2008〕37号', cited_doc_number_normalized='辽政发〔2008〕37号', note='Cited as the provincial government\'s notice that transmits the outline; the register lists the outline itself. The bracket continues ,以下简称《纲要》 (hereafter 《纲要》) after the number.')
D=t['documents'][1]
D[0].update(document_id='central-2008-national-ip-strategy-outline', title='国家知识产权战略纲要', title_en='Outline of the National Intellectual Property Strategy', issuer='国务院', issuer_level='central', genre='plan', note='Cited by the Liaoning 2009 task division through the State Council notice that transmits it (国务院关于印发实施国家知识产权战略纲要的通知); the register lists the outline itself. Central, not a local plan.')
D[1].update(document_id='central-2008-ip-strategy-task-division', title='实施国家知识产权战略纲要任务分工', title_en='Division of Tasks for Implementing the Outline of the National Intellectual Property Strategy', issuer='国务院办公厅', issuer_level='central', genre='task_division', note='Cited by the Liaoning 2009 task division through the notice of the General Office of the State Council that transmits it; the register lists the task division itself. Central, not a local plan.')
D[2].update(document_id='liaoning-2008-ip-strategy-outline', title='辽宁省知识产权战略纲要', title_en='Liaoning Provincial Intellectual Property Strategy Outline', doc_number='辽政发〔2008〕37号', issuer='辽宁省人民政府', issuer_level='province', region_code=R, genre='plan', local_ip_plan='true', note='Cited by the Liaoning 2009 task division through the provincial government\'s notice that transmits it; the register lists the outline itself. A local IP plan, not curated here.')
notes(t,P,{'n01':'The copy is on ipknow.cn, not a government site: recorded as a repost.',
 'n02':{'row_key':a['agency_id'],'note':'省经济和信息化委 is a body the package did not know: new agency 辽宁省经济和信息化委员会 (2009), kept apart from 辽宁省工业和信息化厅, its successor in part. 省发展改革委 and 省科技厅 were matched by ingest to the agencies already added for the 2024 Liaoning plan; they are the same bodies.'},
 'n03':'The excerpt ends inside item 1\'s responsibility bracket: capture set to excerpt. The item\'s text is whole (measure capture whole); its responsibilities are recorded as far as printed (a lead and two cooperating units) and may be incomplete.',
 'n04':{'row_key':'central-2008-national-ip-strategy-outline','note':'The cited State Council notice is registered through the outline it transmits, central-2008-national-ip-strategy-outline (国发〔2008〕18号).'},
 'n05':{'row_key':'central-2008-ip-strategy-task-division','note':'The cited State Council General Office notice is registered through the task division it transmits, central-2008-ip-strategy-task-division (国办发〔2008〕127号).'},
 'n06':{'row_key':'liaoning-2008-ip-strategy-outline','note':'The cited provincial notice is registered through the outline it transmits, liaoning-2008-ip-strategy-outline (辽政发〔2008〕37号), a local IP plan. Ingest took its number as 辽政发〔2008〕37号,以下简称《纲要》 (the rest of the bracket) and left the normalised number empty; corrected.'}})
addnote(t,P,'plans',P,'title','Ingest found no title and proposed the plan\'s own title (in the notice) as a citation of the register row liaoning-2009-task-division, i.e. of itself; the title is taken from the heading 实施辽宁省知识产权战略纲要任务分工 and the self-citation dropped.')
addnote(t,P,'plans',P,'issuer','The notice\'s signature is not printed (经省政府同意 suggests the provincial government\'s general office, but it is not named): issuer left empty; no document number printed.')
codes(t,P,{'001':C('foundations','general','rules_and_policy')},{('001','pillar'):'Industrial bases and industries with their own IP (creation/use, rule 1a). The instrument is industrial policy, which no code names; rules_and_policy (applying a policy) is the nearest. 中华牌 is named as a brand of a car cluster, not as a trademark action: general only.'})
save(d,t)
