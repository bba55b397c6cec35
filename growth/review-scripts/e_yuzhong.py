import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/yuzhong'; t=load(d); P='chongqing-yuzhong-2024'; R='500103'
p=t['plans'][1][0]
p.update(title_en='Yuzhong District (Chongqing) 2024 Plan for Implementing the Outline for Building Chongqing into a Strong IP City and the 14th Five-Year Plan', capture='excerpt',
 source_url='http://scjgj.cq.gov.cn/zz/yzq/zwgk/zcwj_146797/202411/t20241105_13772838.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Chongqing market regulation site (Yuzhong district section), from the search tool\'s pages corpus: the metadata table, the notice of the district IP leading-group office, the plan\'s preamble and items 1–3 with their (X、Y负责) brackets; it stops at the end of item 3, inside section 二 (一).')
ren={'chongqing-market-regulation':('yuzhong-market-regulation','重庆市渝中区市场监督管理局','Yuzhong District Administration for Market Regulation','Full name as printed in the page metadata (发布机构).'),
 'chongqing-justice':('yuzhong-justice','重庆市渝中区司法局','Yuzhong District Justice Bureau','Canonical name expanded from the short form printed in the source; not yet checked against an official register.'),
 'chongqing-finance':('yuzhong-finance','重庆市渝中区财政局','Yuzhong District Finance Bureau','Canonical name expanded from the short form printed in the source; not yet checked against an official register.'),
 'chongqing-court':('yuzhong-court','重庆市渝中区人民法院','Yuzhong District People\'s Court','Canonical name expanded from the short form 区法院 printed in the source; not yet checked against an official register.')}
for a in t['agencies'][1]:
    nid,name,en,note=ren[a['agency_id']]; a.update(agency_id=nid,name=name,name_en=en,note=note)
for r in t['agency_aliases'][1]+t['responsibilities'][1]: r['agency_id']=ren[r['agency_id']][0]
M={'n01':'The page is on scjgj.cq.gov.cn, the Chongqing market regulation site, in its Yuzhong district section: official_site confirmed.',
 'n06':'The excerpt stops at the end of item 3, inside section 二 (一); the document continues: capture set to excerpt. Item 3 is complete (whole).'}
for k,old in [('n02','chongqing-market-regulation'),('n03','chongqing-justice'),('n04','chongqing-finance'),('n05','chongqing-court')]:
    nid=ren[old][0]; M[k]={'row_key':nid,'note':f'Printed in short form; new agency {nid} ({ren[old][1]}). No Yuzhong agency was in the package; ingest\'s proposed id chongqing-… named the municipality, not the district, and was replaced.'}
notes(t,P,M)
addnote(t,P,'plans',P,'date_signed','The notice is signed 2024年10月29日 while the page metadata gives 成文日期 2024-11-05 (also the publication date): date_signed follows the signature.')
codes(t,P,{'001':C('foundations','general','rules_and_policy finance_insurance'),'002':C('foundations','patent','rules_and_policy'),'003':C('strict','general','judicial_protection mediation_arbitration')},
 {('001','instrument'):'Making a support (扶持) regulation: rules_and_policy, plus finance_insurance for the support it gives.',
  ('002','pillar'):'Patent conversion (creation/use, rule 1a).',
  ('003','pillar'):'Punitive damages and higher damages → strict; 多元解纷 → mediation_arbitration; the rule-based rules_and_policy dropped (no rule is written).'})
save(d,t)
