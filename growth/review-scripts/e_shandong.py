import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/shandong'; t=load(d); P='shandong-amr-ip-work-points-2021'
p=t['plans'][1][0]
p.update(title_en='Shandong Administration for Market Regulation 2021 Intellectual Property Work Points', issuer='山东省市场监督管理局', source_type='repost', capture='excerpt',
 source_url='http://sdtzsb.com/mobile.php/News/view/id/3973.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on sdtzsb.com (mobile page), from the search tool\'s pages corpus: the title, a date run together with a view counter (2021.03.16591), the overall approach and section 一, whose tasks are dash-led paragraphs (——), cut off mid-word in the third task. Stray spaces from PDF line ends (2021 年, 条 例, 三、 四中). No notice, number or signature.')
S='一、加强顶层设计,高起点谋划“十四五”时期及面向 2035 年全省知识产权工作'
M=[('科学谋划“十四五”知识产权规划和强省战略纲要。 快推动知识产权强省建设,编制完成山东省“十四五”知识产权保护和运用规划、山东省“十四五”地理标志发展规划。研究起草山东省知识产权强省战略纲要(2021—2035 年),提出面向 2035 年的知识产权强省建设的远景发展目标、重点任务和重要举措。各市县要结合自身实际,做好衔接,认真谋划和抓好本地“十四五”时期知识产权工作和强省战略纲要的贯彻落实工作。','whole'),
 ('完善知识产权法规政策。修订《山东省知识产权促进条 例》,积极推动《山东省专利条例》的修订。修订省知识产权示范企业管理办法、省专利奖励办法,研究制定省专利奖励办法实施细则。','whole'),
 ('加强知识产权工作领导。推动各级党委政府将知识产权保护工作纳入重要议事日程,定期研究部署工','cut_off')]
for i,(x,cap) in enumerate(M,1):
    t['measures'][1].append(dict(measure_id=f'{P}-{i:03d}',plan_id=P,seq=str(i),number='——',chapter='',section=S,text=x,deadline='',deadline_date='',capture=cap))
codes(t,P,{'001':C('foundations','general geographical_indication','rules_and_policy'),'002':C('foundations','general patent','rules_and_policy finance_insurance'),'003':C('organisation','general','organisation_funding')},
 {('001','ip_right'):'A GI development plan of its own is committed beside the general IP plans (rule 2a).',
  ('002','ip_right'):'The patent regulation and the patent award rules are singled out (rule 2a); the award rules add finance_insurance (rule 3h).',
  ('003','pillar'):'Leadership of IP protection work by Party committees and governments (rule 1e: leadership → organisation). It concerns IP work in general, not the carrying out of this plan, so substantive. Cut off in the middle (定期研究部署工).'})
notes(t,P,{'n01':'The copy is on sdtzsb.com, not a government site: recorded as a repost. The issuer is the bureau named in the title (no notice or signature is printed). The digits 2021.03.16591 run a date into a view counter; no date is recorded. Status unknown.',
 'n02':'Ingest found no measures (NO MEASURES FOUND): the tasks are unnumbered dash-led paragraphs (——…), a layout ingest does not read. They are the plan\'s tasks, so the three in the excerpt are recorded, with number —— as printed; the third is cut off mid-word, so capture is excerpt. The corpus\'s expected rows (tests/real_corpus/r031_shandong) record no measures by convention for dash-led paragraphs; the package records them because they are what the work points commit to.'})
addnote(t,P,'measures',P+'-001','text','The heading sentence of each task (科学谋划…。, 完善知识产权法规政策。, 加强知识产权工作领导。) is kept as the start of its text, as for other plans. The stray spaces of the PDF copy (纲要。 快推动, 条 例) are kept; 快推动 has probably lost a 加 (加快推动), kept as printed.')
save(d,t)
