import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/yunnan15'; t=load(d); P='yunnan-2015-ip-strategy-action-plan-opinions'
ISS='省知识产权局、省发展改革委、省工业和信息化委、省教育厅、省科技厅、省公安厅、省司法厅、省财*厅、省人力资源社会保障厅、省环境保护厅、省农业厅、省林业厅、省商务厅、省文化厅、省卫生计生委、省外办、省国资委、省工商局、省质监局、省新闻出版广电局、省法制办、省国防科工局、省新闻办、省法院、省检察院、昆明海关、中科院昆明分院'
p=t['plans'][1][0]
p.update(title_en="Implementation Opinions of Yunnan Province on the Action Plan for Further Implementing the National Intellectual Property Strategy (2014–2020)", doc_number='云*办发〔2015〕75号', issuer=ISS, source_type='mirror', capture='excerpt',
 source_url='http://b7y0k0.bjswchs.cn/contents/9/78.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a mirror (b7y0k0.bjswchs.cn) that replaces some characters with asterisks (云*办发, 省人民*, 省财*厅; evidently 政), from the search tool\'s pages corpus: the notice of the provincial government general office (2015年10月9日) forwarding opinions drawn up by 27 provincial bodies, the title, the 27 co-issuers printed four or five per line, and the start of the preamble, cut off. No tasks.')
D=t['documents'][1]
D[0].update(document_id='yunnan-2009-national-ip-strategy-opinions', title_en='Implementation Opinions of the Yunnan Provincial Government on Implementing the National Intellectual Property Strategy', issuer_level='province', region_code='530000', local_ip_plan='true', note='Cited by the Yunnan 2015 opinions as printed by a mirror that masks characters: 云南省人民*…, number 云*发〔2009〕118号 (the mask evidently stands for 政). Title kept as printed; the number is left empty because a character is masked. A local IP plan, not curated here.')
D[1].update(document_id='yunnan-2013-ip-strategy-opinions', title_en='Opinions of the Yunnan Provincial Government General Office on Further Advancing the Implementation of the Intellectual Property Strategy', issuer_level='province', region_code='530000', local_ip_plan='true', note='Cited by the Yunnan 2015 opinions as printed by a masking mirror: 云南省人民*办公厅…, number 云*办发〔2013〕132号; title kept as printed, number left empty because a character is masked. A local IP plan, not curated here.')
D[2].update(document_id='central-2014-ip-strategy-action-plan', title='深入实施国家知识产权战略行动计划(2014—2020年)', title_en='Action Plan for Further Implementing the National Intellectual Property Strategy (2014–2020)', issuer='国务院办公厅', issuer_level='central', genre='plan', note='Cited by the Yunnan 2015 opinions through the notice of the General Office of the State Council that forwards it (国务院办公厅关于转发知识产权局等单位…的通知, 国办发〔2014〕64号); the register lists the action plan itself, with the forwarding office as issuer (drawn up by 知识产权局等单位). Central, not a local plan.')
c=t['citations'][1]
for r,x in zip(c[1:],D): r['document_id']=x['document_id']
notes(t,P,{'n01':'The host mirrors the page and masks some characters with asterisks: recorded as a mirror. The issuers are the 27 provincial bodies that drew up the opinions, as the notice lists them (with the masked 省财*厅); the general office only forwarded them. The number is kept as printed, with its asterisk (云*办发〔2015〕75号); ingest missed it on the first line.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in the preamble, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'row_key':D[0]['document_id'],'note':'Registered as yunnan-2009-national-ip-strategy-opinions; the masked number is kept in the citation only.'},
 'n04':{'row_key':D[1]['document_id'],'note':'Registered as yunnan-2013-ip-strategy-opinions; the masked number is kept in the citation only.'},
 'n05':{'row_key':D[2]['document_id'],'note':'Registered through the action plan the cited notice forwards, central-2014-ip-strategy-action-plan (国办发〔2014〕64号).'}})
save(d,t)
