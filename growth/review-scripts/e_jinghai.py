import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/jinghai'; t=load(d); P='tianjin-jinghai-2022-ip-14th-five-year-plan'
p=t['plans'][1][0]
p.update(title_en='Jinghai District (Tianjin) 14th Five-Year Plan for Intellectual Property', issuer='天津市静海区人民政府', source_type='official_site', capture='excerpt',
 source_url='http://www.tjjh.gov.cn/jhqzf/zwgk_28985/zcwj/jhqzcwj/qzfzcwj/202203/t20220307_5821785.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Jinghai district government site (tjjh.gov.cn; the page\'s header date, 2019年12月3日星期二, is the site\'s clock, not the document\'s), from the search tool\'s pages corpus: the metadata fields on separate lines (发布机构, 津静海政发〔2022〕11号, empty 成文日期 and 发文日期, 有效), a notice issuing nine district plans at once (4.知识产权篇), and the opening of the IP plan, cut off mid-sentence. The stored text drops quotation marks and parts of dates (十四五 without “”, 20211123日, 20223). No tasks.')
t['citations'][1][:]=[]; t['documents'][1][:]=[]
out=[]
for n in t['curation_notes'][1]:
    k=n['note_id'].rsplit('-',1)[1]
    if k=='n01': n['note']='The page is on tjjh.gov.cn, the district government site: official_site; its metadata says 有效 (in force). The issuer is the 发布机构 and the notice\'s signer, 天津市静海区人民政府.'
    elif k=='n02': n['note']='Ingest found no measures and set capture to metadata_only: the excerpt ends in the IP plan\'s opening paragraph, before any task, so there are no measures; capture set to excerpt.'
    elif k=='n03': n.update(table_name='plans', row_key=P, field='date_signed', note='Ingest proposed the eight other district plans that the notice issues together with this one as cited documents; they are not documents this plan implements, so no citation or register row was kept. The notice is dated 20223 (year and month only, 日 lost): date_signed left empty.')
    else: continue
    out.append(n)
t['curation_notes'][1][:]=out
save(d,t)
