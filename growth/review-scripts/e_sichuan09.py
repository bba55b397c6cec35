import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/sichuan09'; t=load(d); P='sichuan-2009-2020-ip-strategy-outline'
p=t['plans'][1][0]
p.update(title_en='Sichuan Provincial Intellectual Property Strategy Outline (2009–2020)', doc_number='川府发[2009]15号', issuer='四川省人民政府', status='issued', source_type='repost', capture='excerpt',
 source_url='https://haolvshi.com.cn/flfgk/55793.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a page of a legal-advice site\'s law library (haolvshi.com.cn), from the search tool\'s pages corpus: the site\'s navigation, its bulleted fields (【发布单位】四川省人民政府, 【发布文号】川府发[2009]15号, 【发布日期】2009-05-08), the notice (number in brackets, no signature or date), the title with its period on the next line ((2009年--2020年)), the preamble and the start of 一、序言, cut off mid-sentence. No tasks.')
notes(t,P,{'n01':'The copy is on haolvshi.com.cn, a legal-advice site: recorded as a repost. date_published is its 【发布日期】 field (2009-05-08); no signing date is printed.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、序言, before any task, so there are no measures; capture set to excerpt.'})
addnote(t,P,'plans',P,'doc_number','Ingest missed the number, printed twice (【发布文号】川府发[2009]15号 and (川府发[2009]15号) below the notice title) with square brackets; kept as printed. The title is recorded without the period printed on the next line ((2009年--2020年)), which title_en gives.')
save(d,t)
