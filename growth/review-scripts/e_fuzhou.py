import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/fuzhou'; t=load(d); P='fujian-fuzhou-2022-ip-14th-five-year-plan'
p=t['plans'][1][0]
p.update(title_en='Fuzhou 14th Five-Year Special Plan for Intellectual Property Development', source_type='repost', capture='excerpt',
 source_url='https://www.zuangua.cn/news/30838.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on zuangua.cn, from the search tool\'s pages corpus: unrendered template placeholders ({{ v.name }} …), the notice of 福州市人民政府办公厅 (2022年2月25日, no number), the title, a table of contents with page numbers, the preamble and the start of the background (1.知识产权政策体系不断优化), whose section headings are missing, cut off mid-word. No tasks.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
C=[('知识产权强国建设纲要(2021—2035年)','central-2021-ip-strong-country-outline'),('“十四五”国家知识产权保护和运用规划','central-14th-five-year-ip-protection-use-plan'),
   ('福建省“十四五”知识产权保护和运用规划','fujian-14th-five-year-ip-protection-use-plan'),('福州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要','fuzhou-14th-five-year-development-outline')]
for i,(title,doc) in enumerate(C,1):
    t['citations'][1].append(dict(plan_id=P,seq=str(i),cited_in='plan',cited_title=title,cited_doc_number='',cited_doc_number_normalized='',document_id=doc,note=''))
t['documents'][1].extend([dict(document_id='fujian-14th-five-year-ip-protection-use-plan',title='福建省“十四五”知识产权保护和运用规划',title_en='Fujian Provincial 14th Five-Year Plan for the Protection and Use of Intellectual Property',doc_number='',issuer='',issuer_level='province',region_code='350000',date_signed='',genre='plan',local_ip_plan='true',plan_id='',source_url='',source_retrieved='',note='Cited by the Fuzhou IP 14th five-year plan without number or issuer. A local IP plan of the province, not curated here.'),
 dict(document_id='fuzhou-14th-five-year-development-outline',title='福州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',title_en='Outline of the 14th Five-Year Plan for the National Economic and Social Development of Fuzhou and the Long-Range Objectives through 2035',doc_number='',issuer='',issuer_level='prefecture',region_code='350100',date_signed='',genre='plan',local_ip_plan='false',plan_id='',source_url='',source_retrieved='',note='Cited by the Fuzhou IP 14th five-year plan without number or issuer; the city\'s general development plan, not a local IP plan.')])
out=[]
for n in t['curation_notes'][1]:
    if n['field']=='source_type': n['note']='The copy is on zuangua.cn, not a government site (unrendered template placeholders at the top): recorded as a repost.'
    elif n['table_name']=='measures': continue
    elif n['field']=='capture': n['note']='The excerpt ends at the start of the background section, before any task: capture excerpt, no measures. Ingest had guessed full_text and drafted the first background achievement (1.知识产权政策体系不断优化 with the paragraph below, not a task) as a measure, under the table of contents\' last headings with their page numbers (四、保障措施 26 / (三)强化评估考核 26); that row and its codes were deleted.'
    out.append(n)
t['curation_notes'][1][:]=out
addnote(t,P,'citations',P+':1','document_id','Ingest drafted no citation although the preamble cites four documents (it follows the table of contents); the four were added by hand, two pointing to central rows already registered and two registered here.')
save(d,t)
