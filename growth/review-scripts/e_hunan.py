import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/hunan'; t=load(d); P='hunan-2022-ip-strong-province-joint-plan'
p=t['plans'][1][0]
p.update(title='湖南省人民政府 国家知识产权局共建“三高四新”知识产权强省实施方案', title_en='Implementation Plan of the Hunan Provincial Government and CNIPA for Jointly Building a "Three Highs, Four News" Strong Intellectual Property Province',
 issuer='湖南省人民政府、国家知识产权局', source_type='repost', capture='excerpt', source_url='http://www.echinagov.com/policy/327839.htm', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on echinagov.com (a policy news site, not a government site), from the search tool\'s pages corpus: the notice to the provinces\' and CNIPA\'s units, signed jointly 湖南省人民政府 国家知识产权局 on 2022年7月25日 (此件主动公开, no number printed), the plan title printed across two lines, the preamble, 一、指导思想 and the start of 二、共建目标, cut off mid-word (知). No numbered tasks.')
c=t['citations'][1]; c[:]=c[1:]
for i,r in enumerate(c,1): r['seq']=str(i)
notes(t,P,{'n01':'The copy is on echinagov.com, a policy news site: recorded as a repost.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends at the start of 二、共建目标, before any task, so there are no measures to record; capture set to excerpt.'})
addnote(t,P,'plans',P,'title','The title is printed across two lines (湖南省人民政府 国家知识产权局 / 共建“三高四新”知识产权强省实施方案); ingest took only the second line, and proposed the full title, as quoted in the notice, as a citation of the register row hunan-2022-plan, i.e. of itself. The title joins the two lines as the notice prints it, with its space; the self-citation was dropped.')
addnote(t,P,'plans',P,'issuer','The joint issuers are printed on one line separated by spaces (湖南省人民政府 国家知识产权局); recorded with 、.')
save(d,t)
