import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/tianjin'; t=load(d); P='tianjin-ip-office-work-points-2022'
p=t['plans'][1][0]
p.update(title='市知识产权局2022年工作要点', title_en='Tianjin Intellectual Property Office 2022 Work Points', issuer='市知识产权局', date_signed='2022-02-28', status='issued', source_type='official_site', capture='metadata_only',
 source_url='http://zscq.tj.gov.cn/zwxx/tzgg/202203/t20220302_5818642.html', source_retrieved='2026-12-03',
 source_note='Stored copy (excerpt) of the page on the Tianjin IP office site (zscq.tj.gov.cn), from the search tool\'s pages corpus: the notice of 市知识产权局 transmitting its 2021 work summary and its 2022 work points (date printed as 2022228, a closing 》 lost), then the start of the 2021 summary (achieved figures), cut off mid-name. None of the 2022 work points\' own text is in the capture: for this plan the source gives only its title, issuer and date.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
out=[]
for n in t['curation_notes'][1]:
    if n['field']=='source_type': n['note']='The page is on zscq.tj.gov.cn, the Tianjin IP office site: official_site.'
    elif n['field']=='text': continue
    elif n['field']=='capture': n.update(table_name='plans', row_key=P, note='The capture holds the notice and the start of the 2021 work summary, a different document; none of the 2022 work points\' text: capture metadata_only, no measures. Ingest had drafted (一) of the 2021 summary (an achievement, not a task) as a cut-off measure; that row and its codes were deleted. The 2021 figures are achievements, not targets.')
    out.append(n)
t['curation_notes'][1][:]=out
addnote(t,P,'plans',P,'title','Ingest found no title: the work points are named only in the notice (《市知识产权局2022年工作要点, its closing 》 lost); the title is taken from there, as printed, and the issuer as printed (市知识产权局, the Tianjin IP office). The date is printed as 2022228 and read as 2022-02-28.')
save(d,t)
