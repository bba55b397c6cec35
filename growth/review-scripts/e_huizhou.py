import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/huizhou'; t=load(d); P='guangdong-huizhou-2009-ip-strategy-opinions'
p=t['plans'][1][0]
p.update(title='关于惠州市实施国家及省知识产权战略纲要的若干意见', title_en='Several Opinions on Implementing the National and Provincial Intellectual Property Strategy Outlines in Huizhou', issuer='惠州市人民政府', date_signed='2009-07-02',
 source_type='repost', source_url='https://www.ehs.cn/law/72892.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a page of the EHS law database (ehs.cn; 资料来自公开网络), from the search tool\'s pages corpus: the site header and the database fields (发文字号 惠府〔2009〕109号, 颁布部门 广东省惠州市人民政府, 颁布日期 2009-07-02, a placeholder 生效日期 1900-01-01), then the opinions\' title, number, addressees, preamble and section 一 up to (一)指导思想, cut off mid-word. No tasks.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
D=t['documents'][1][0]
D.update(document_id='guangdong-2007-ip-strategy-outline', title_en='Guangdong Provincial Intellectual Property Strategy Outline (2007–2020)', issuer='广东省人民政府', issuer_level='province', region_code='440000', local_ip_plan='true', note='Cited by the Huizhou 2009 opinions as the provincial government\'s outline (省政府《…》), with its number. A local IP plan of the province, not curated here.')
t['citations'][1][1]['document_id']=D['document_id']
out=[]
for n in t['curation_notes'][1]:
    k=n['note_id'].rsplit('-',1)[1]
    if n['table_name']=='plans' and n['field']=='source_type': n['note']='The copy is a page of the EHS law database (ehs.cn), which says its material comes from the open web: recorded as a repost.'
    elif n['table_name']=='measures' and n['field']=='capture': n.update(table_name='plans', row_key=P, field='capture', note='The excerpt ends inside (一)指导思想 of section 一, before any task: capture excerpt, no measures. Ingest had drafted (一) (the guiding thought, not a task) as a cut-off measure; that row and its codes were deleted.')
    elif n['table_name']=='measures': continue
    elif n['table_name']=='documents': n.update(row_key=D['document_id'], note='The cited Guangdong outline is registered as guangdong-2007-ip-strategy-outline (粤府〔2007〕88号), a local IP plan. The State Council notice was linked by ingest to the national outline already registered.')
    out.append(n)
t['curation_notes'][1][:]=out
addnote(t,P,'plans',P,'title','Ingest took the page header line (EHS中国 法规首页 惠州市人民政府关于…) as the title; the title is the one printed above the number, without the site header and the issuer prefix.')
addnote(t,P,'plans',P,'date_signed','No date is printed in the body; date_signed is the database\'s 颁布日期 (2009-07-02).')
save(d,t)
