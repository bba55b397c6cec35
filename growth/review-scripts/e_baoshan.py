import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/baoshan'; t=load(d); P='shanghai-baoshan-2009-2011'
p=t['plans'][1][0]
p.update(title_en='Baoshan District Plan for Advancing the First Batch of the National Strong Intellectual Property District Programme (2009–2011)', doc_number='宝府办〔2009〕59号', issuer='上海市宝山区人民政府办公室', date_signed='2009-09-21', status='issued',
 source_type='repost', capture='excerpt', source_url='http://www.fsou.com.cn/html/text/lar/174184/17418443.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on the law site fsou.com.cn (法搜网), from the search tool\'s pages corpus: the notice of the district government office transmitting the plan drafted by 区知识产权局 (number in brackets below the title, date in Chinese numerals written with the letter O: 二OO九年九月二十一日), the plan\'s preamble and the start of 一、指导思想, cut off mid-sentence. No tasks and no numeric target.')
D=t['documents'][1]
D[0].update(document_id='central-2008-ip-strong-county-programme-notice', title_en='Notice on Organising the Implementation of the National Strong Intellectual Property County Programme', issuer='国家知识产权局', issuer_level='central', note='Cited by the Baoshan 2009–2011 plan as a notice of 国家知识产权局, with the number as printed (国知局[2008]120号). Central, not a local plan.')
D[1].update(document_id='shanghai-2009-first-ip-strong-districts-notice', title_en='Notice on the City\'s Implementation of the First Batch of the National Strong Intellectual Property District Programme', issuer_level='province', region_code='310000', note='Cited by the Baoshan 2009–2011 plan with its number (沪知局[2009]48号); the issuer is not printed. A designation notice, not a local plan.')
D[2].update(document_id='shanghai-baoshan-2008-ip-strong-district-plan', title='上海市宝山区知识产权强区工程实施方案', title_en='Baoshan District (Shanghai) Implementation Plan for the Strong Intellectual Property District Programme', issuer_level='county', region_code='310113', genre='plan', local_ip_plan='true', note='Cited by the Baoshan 2009–2011 plan through the notice that transmits it (关于转发<…>的通知, 宝府办[2008]59号); the register lists the plan itself. Issuer not printed. A local IP plan, not curated here.')
c=t['citations'][1]
for r,x in zip(c,D): r['document_id']=x['document_id']
c[2]['note']='Cited as the notice that transmits the 2008 district plan; its number differs from this plan\'s (宝府办〔2009〕59号) by the year only.'
notes(t,P,{'n01':'The copy is on fsou.com.cn (法搜网), a law site: recorded as a repost.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、指导思想, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'row_key':D[0]['document_id'],'note':'Registered as central-2008-ip-strong-county-programme-notice; the number is printed with square brackets and normalised by ingest.'},
 'n04':{'row_key':D[1]['document_id'],'note':'Registered as shanghai-2009-first-ip-strong-districts-notice (province level, issuer not printed).'},
 'n05':{'row_key':D[2]['document_id'],'note':'Registered through the plan the cited notice transmits, shanghai-baoshan-2008-ip-strong-district-plan, a local IP plan.'}})
addnote(t,P,'plans',P,'doc_number','Ingest missed the number, printed in brackets on the line below the notice title ((宝府办〔2009〕59号)), the date (二OO九年九月二十一日, with the letter O for zero) and the issuer named in the notice title; all three were filled by hand. The plan was drafted by 区知识产权局 and transmitted (转发) by the district government office, recorded as issuer.')
save(d,t)
