import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/xian'; t=load(d); P='shaanxi-xian-2022-2025'
p=t['plans'][1][0]
p.update(title_en="Xi'an Work Plan as a National Model City for Building Strong Intellectual Property Cities (2022–2025)", issuer='西安市人民政府、陕西省知识产权局', source_type='repost', capture='excerpt',
 source_url='https://www.ccgov.com.cn/articles/zhengcecaiji/2024/20240107/113/280161.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on ccgov.com.cn (a policy collection page), from the search tool\'s pages corpus: the notice jointly signed by 西安市人民政府 and 陕西省知识产权局 on 2022年11月21日 (此件公开发布, no number), the plan\'s preamble and 一、指导思想, cut off mid-sentence. Two U+FFFD replacement characters stand in the stored text (经\ufffd\ufffd强市). No tasks.')
notes(t,P,{'n01':'The copy is on ccgov.com.cn, a policy collection site, not a government site: recorded as a repost. The joint issuers are printed on one line separated by a space; recorded with 、.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、指导思想, before any task, so there are no measures; capture set to excerpt.'})
save(d,t)
