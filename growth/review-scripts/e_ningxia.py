import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/ningxia'; t=load(d); P='ningxia-ip-14th-five-year-plan'
p=t['plans'][1][0]
p.update(title_en='Ningxia Hui Autonomous Region 14th Five-Year Plan for the Protection and Use of Intellectual Property', date_published='', source_type='repost', capture='excerpt',
 source_url='http://worldnewsnest.com/info/1034/2056.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on a hijacked university news page (gambling banner yl6809永利; 发布日期:2022-04-21), from the search tool\'s pages corpus: no notice, number, issuer or date; the plan title (with a stray space before 规划), the preamble and section 一、规划背景 with the achievements of the 13th five-year period, cut off mid-sentence. One character is U+0F00 (党ༀ, where 党委 is meant).')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
D=t['documents'][1][0]
D.update(document_id='ningxia-14th-five-year-development-outline', title_en='Outline of the 14th Five-Year Plan for the National Economic and Social Development of the Ningxia Hui Autonomous Region and the Long-Range Objectives through 2035', issuer_level='province', region_code='640000', note='Cited by the Ningxia IP 14th five-year plan with its number (宁政发〔2021〕1号); issuer not printed. The region\'s general development plan, not a local IP plan.')
t['citations'][1][1]['document_id']=D['document_id']
out=[]
for n in t['curation_notes'][1]:
    if n['field']=='source_type': n['note']='The copy is on a hijacked university news page (gambling banner), not a government site: recorded as a repost. Its 发布日期 (2022-04-21) is the page\'s, not the document\'s, and is not recorded as date_published; no notice, number, issuer or date is printed and the status stays unknown.'
    elif n['table_name']=='measures': continue
    elif n['field']=='capture': n['note']='The excerpt ends inside 一、规划背景, before any task: capture excerpt, no measures. Ingest had guessed full_text and drafted (一)“十三五”知识产权发展取得的成就 (achievements, not a task) as a measure; that row and its codes were deleted. The achieved figures are not targets.'
    elif n['table_name']=='documents': n.update(row_key=D['document_id'], note='Registered as ningxia-14th-five-year-development-outline (宁政发〔2021〕1号), not a local IP plan.')
    out.append(n)
t['curation_notes'][1][:]=out
addnote(t,P,'plans',P,'title','The title is printed with a space before 规划 (“十四五” 规划) and kept as printed, as the register does.')
save(d,t)
