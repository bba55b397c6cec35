import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/guizhou'; t=load(d); P='guizhou-2025-ip-strong-province-work-points'
p=t['plans'][1][0]
p.update(title_en='Guizhou 2025 Plan for Advancing the Building of a Strong Intellectual Property Province and Local Work Points', issuer='省质量强省和知识产权强省工作领导小组办公室', publisher='', capture='excerpt',
 source_url='https://amr.guizhou.gov.cn/zwgk/xxgkml/jcxxgk/ghjh/202503/t20250324_87255609.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Guizhou market regulation site (amr.guizhou.gov.cn), from the search tool\'s pages corpus: the page metadata with empty 发布机构, 文号 and 是否有效 fields (生成日期 2025-03-17), the notice of the provincial leading-group office for quality and IP (dated 2025年3月14日, no number) and the plan\'s opening paragraph, cut off mid-sentence before the first task.')
notes(t,P,{'n01':'The page is on amr.guizhou.gov.cn, the provincial market regulation site: official_site confirmed. Its 发布机构 field is empty: ingest took the next field (生成日期: 2025-03-17) as the publisher; publisher left empty. The issuer is the office named in the notice title, as printed (省…办公室, without 贵州).',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in the opening paragraph, before any task, so there are no measures; capture set to excerpt.'})
save(d,t)
