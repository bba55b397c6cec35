import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/hefei'; t=load(d); P='anhui-hefei-2022-ip-strong-city-action'
p=t['plans'][1][0]
p.update(title='关于推进知识产权强市建设行动方案', title_en='Action Plan on Advancing the Building of a Strong Intellectual Property City (Hefei)', region_code='340100', region_name='安徽省合肥市', province='安徽省', admin_level='prefecture', status='issued',
 source_type='repost', capture='excerpt', source_url='http://hfwotao.com/display.asp?id=19704', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on a patent agency\'s site (hfwotao.com), from the search tool\'s pages corpus: one line of the notice (approved by the city government\'s 9th executive meeting on 2022年5月10日; no issuer, number or signing date), an advert (代理免费咨询热线…) run into the plan title, the preamble and 一、工作目标 with the 2025 and 2035 goals, cut off mid-sentence (助力推动我市建设成为). The city is named only in the preamble and the goals (《合肥市国民经济…》, 支撑合肥原始创新).')
E={2:('全链条知识产权保护','full-chain IP protection'),3:(None,'high-value invention patents per 10,000 people'),4:(None,'total IP pledge financing'),5:('各类知识产权人才数量','IP professionals (to double from the end of the 13th five-year period)'),7:('知识产权体制机制','IP institutions and mechanisms')}
for r in t['targets'][1]:
    i=int(r['target_id'][-2:])
    if i in E:
        zh,en=E[i]; r['indicator_en']=en
        if zh: r['indicator']=zh
c=t['citations'][1]; c[:]=c[1:]
for i,r in enumerate(c,1): r['seq']=str(i)
D=t['documents'][1][0]
D.update(document_id='hefei-14th-five-year-development-outline', title_en='Outline of the 14th Five-Year Plan for the National Economic and Social Development of Hefei and the Long-Range Objectives through 2035', issuer_level='prefecture', region_code='340100', note='Cited by the Hefei 2022 IP action plan without number or issuer; the city\'s general development plan, not a local IP plan.')
c[2]['document_id']=D['document_id']
notes(t,P,{'n01':'The copy is on hfwotao.com, a patent agency\'s site, with its advert run into the title: recorded as a repost.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in 一、工作目标, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'row_key':D['document_id'],'note':'Registered as hefei-14th-five-year-development-outline (prefecture, no number or issuer printed), not a local IP plan.'}})
addnote(t,P,'plans',P,'region_code','Ingest found no region (no issuer is printed) and left title, region and level empty, proposing the title as a citation of the register row hefei-plan, i.e. of the plan itself. The plan speaks of 我市 and cites the Hefei development outline, and its goals name 合肥: region 340100 (合肥市), as the register has it; the title is the one printed after the advert; the self-citation was dropped. No issuer or signing date is printed (2022年5月10日 is the date of the executive meeting that approved it).')
addnote(t,P,'targets',P+'-t05','value','翻一番 (to double) is recorded without a value: the base is not printed. The 2035 goals end where the excerpt stops (助力推动我市建设成为).')
save(d,t)
