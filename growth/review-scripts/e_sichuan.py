import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/sichuan'; t=load(d); P='sichuan-ip-work-points-2021'
p=t['plans'][1][0]
p.update(title_en='Sichuan Province 2021 Intellectual Property Work Points', issuer='四川省市场监督管理局、四川省知识产权服务促进中心',
 source_type='repost', source_url='http://zijzx.org.cn/show-92924.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on zijzx.org.cn (not a government site), from the search tool\'s pages corpus: the transmitting notice (川市监发〔2021〕21号, signed 2021-03-01) and the body up to item 3, cut off mid-word (深入推进知识产权腾).')
a=t['agencies'][1]
a[0].update(name='四川省市场监督管理局', name_en='Sichuan Provincial Administration for Market Regulation', note='Full name as printed in the signature of the notice; printed 省市场监管局 in the task brackets.')
a[1].update(agency_id='sichuan-ip-service-promotion-centre', name='四川省知识产权服务促进中心', name_en='Sichuan Intellectual Property Service Promotion Centre', function='ip_administration', note='Full name as printed in the signature of the notice; printed 省知识产权中心 in the task brackets.')
for r in t['agency_aliases'][1]+t['responsibilities'][1]:
    if r['agency_id']=='sichuan-agency': r['agency_id']='sichuan-ip-service-promotion-centre'
doc=t['documents'][1][0]
doc.update(document_id='central-2021-ip-high-quality-development-guidelines', title_en='Annual Work Guidelines for Promoting the High-Quality Development of Intellectual Property (2021)',
 issuer='国家知识产权局', issuer_level='central', genre='work_points', note='Cited by the Sichuan 2021 work points through the notice of 国家知识产权局 that transmits it (国家知识产权局关于印发<…>的通知); the register lists the document itself. Annual guidelines, recorded as work points; not a local plan.')
t['citations'][1][0]['document_id']=doc['document_id']
t['citations'][1][0]['note']='Printed as the notice of 国家知识产权局 transmitting the guidelines, with <> inside 《》.'
N={ 'n01':'The copy is on zijzx.org.cn, which is not a government site, and the text starts with the notice: recorded as a repost.',
 'n02':'省市场监管局 is the 四川省市场监督管理局 that signs the notice; new agency under that full name.',
 'n03':'省知识产权中心 is read as the 四川省知识产权服务促进中心 that co-signs the notice (the only provincial IP centre the text names); new agency under that full name.',
 'n04':'The excerpt ends inside item 3, before any agency bracket: no responsibilities are recorded for it.',
 'n05':'Item 3 stops mid-word (深入推进知识产权腾) where the excerpt ends; kept as far as it goes, marked cut_off, and the plan recorded as an excerpt.',
 'n06':'The cited NIPA guidelines are registered as central-2021-ip-high-quality-development-guidelines (central, not a local plan).'}
for n in t['curation_notes'][1]:
    k=n['note_id'].rsplit('-',1)[1]; n['note']=N[k]
    if n['row_key']=='sichuan-agency': n['row_key']='sichuan-ip-service-promotion-centre'
    if n['table_name']=='documents': n['row_key']=doc['document_id']
mc=t['measure_codes'][1]
mc[:]=[r for r in mc if not (r['measure_id'].endswith('001') and r['code']=='organisation_funding')
       and not (r['measure_id'].endswith(('002','003')) and r['code']=='rules_and_policy')]
mc.insert(8, dict(measure_id=P+'-002',scheme='instrument',code='coordination',assigned_by='curator',note='部省合作机制 (ministry–province cooperation) is the committed mechanism.'))
mc.append(dict(measure_id=P+'-003',scheme='instrument',code='organisation_funding',assigned_by='curator',note=''))
for r in mc:
    r['assigned_by']='curator'
    if r['note'].startswith('Proposed by the rule-based'): r['note']=''
for r in mc:
    if r['measure_id'].endswith('003') and r['scheme']=='pillar': r['note']='Cut off after 深入推进知识产权腾; coded from the fragment and its heading (更高标准推进知识产权强省建设) only.'
save(d,t)
