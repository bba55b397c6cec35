import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/guandu'; t=load(d); P='yunnan-kunming-guandu-2021'; R='530111'
p=t['plans'][1][0]
p.update(title_en='Guandu District Administration for Market Regulation 2021 Special Action Plan to Strengthen Intellectual Property Protection ("Escort")', issuer='官渡区市场监督管理局', status='issued', source_type='official_site',
 source_url='http://www.kmgd.gov.cn/c/2021-01-26/4889145.shtml', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Guandu district government site (kmgd.gov.cn; the address carries the date 2021-01-26), from the search tool\'s pages corpus: the title, the issuing bureau, 一、工作目标, 二、任务内容 and the first task of 三、行动内容, cut off mid-sentence (对涉及使用地理标志的商户). No document number or date is printed.')
t['documents'][1][0].update(document_id='kunming-2021-spring-thunder-action-plan', title_en='Kunming Administration for Market Regulation "Spring Thunder 2021" and Spring Festival Market Regulation Special Action Plan', issuer='昆明市市场监督管理局', issuer_level='prefecture', region_code='530100', note='Cited by the Guandu 2021 IP action plan as the plan it implements; issuer read from the title. A market-regulation campaign plan, not a local IP plan.')
t['citations'][1][0]['document_id']='kunming-2021-spring-thunder-action-plan'
notes(t,P,{'n01':'The page is on kmgd.gov.cn, the Guandu district government site: official_site. The status is issued (a formal plan of the bureau; validity not stated), not unknown as drafted.',
 'n02':'The tasks carry no agency brackets: the issuing bureau (官渡区市场监督管理局) carries them, so no responsibilities are recorded.',
 'n03':'Item 1 stops mid-sentence (对涉及使用地理标志的商户) where the excerpt ends; kept as far as it goes, marked cut_off; the plan is an excerpt.',
 'n04':{'row_key':'kunming-2021-spring-thunder-action-plan','note':'The cited Kunming campaign plan is registered as kunming-2021-spring-thunder-action-plan (prefecture, issuer from its title); it is a general market-regulation campaign, not a local IP plan.'}})
codes(t,P,{'001':C('strict','trademark geographical_indication','administrative_enforcement publicity_training')},
 {('001','pillar'):'Enforcement campaign (依法查处, inspections) → strict. Trademark (its heading sentence 加强商标专用权保护) and geographical indications (its actions) both singled out. The rule-based rules_and_policy dropped: no rule is made.'})
save(d,t)
