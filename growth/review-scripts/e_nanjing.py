import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/nanjing'; t=load(d); P='jiangsu-nanjing-anti-counterfeiting-action'; R='320100'
p=t['plans'][1][0]
p.update(title='南京市打击侵犯知识产权和制售假冒伪劣商品专项行动实施方案', title_en='Nanjing Implementation Plan for the Special Action against IP Infringement and the Manufacture and Sale of Counterfeit and Shoddy Goods',
 issuer='南京市人民政府', status='issued', source_type='repost', capture='excerpt', source_url='http://fsou.com/html/text/lar/172652/17265232_3.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of page 3 of a paginated copy on the law site fsou.com (法搜网), from the search tool\'s pages corpus: the site header and the notice title (南京市人民政府关于批转市商务局…的通知), then the last task (六) of section 二 and the start of 三、工作要求, cut off mid-word (整顿规范市场经). No document number or date is printed.')
t['measures'][1].append(dict(measure_id=P+'-001',plan_id=P,seq='1',number='(六)',chapter='',section='',text='加强知识产权保护宣传。各级专项行动领导小组办公室和宣传部门要会同有关部门,全面宣传国家和我市知识产权事业取得的显著成绩,大力宣传深入实施知识产权战略、加强知识产权保护的措施和成效,报道尊重知识产权、重视创新、自觉守法的典型,及时报道专项行动的进展和成果,营造保护知识产权、自觉抵制侵犯知识产权和假冒伪劣商品的良好社会氛围。加强舆情分析研判,密切关注网络舆情动向,针对社会关注的知识产权热点问题,主动组织新闻发布、访谈报道,及时解疑释惑,回应社会关切,增强舆论引导的针对性、实效性。引导企业履行社会责任,大力推动诚信体系建设。针对群众反映强烈的侵权问题,曝光典型案例,震慑违法犯罪分子。开展多种形式的知识产权宣传教育,普及知识产权保护知识,提高全社会的知识产权意识。',deadline='',deadline_date='',capture='whole'))
notes(t,P,{'n01':'The copy is page 3 of a paginated copy on fsou.com (法搜网), a law site, not a government site: recorded as a repost.',
 'n02':'Ingest found no measures (NO MEASURES FOUND, capture metadata_only): the page starts mid-list with task (六), its heading sentence on one line and its paragraph, indented, below. Added by hand as measure (六), heading and paragraph joined; capture set to excerpt. The (一) under 三、工作要求 is a requirement for carrying out the plan, not a task, and is not recorded. Section 二\'s heading is not on this page, so section is empty.'})
addnote(t,P,'measures',P+'-001','text','The agencies of task (六) are named in running text (各级专项行动领导小组办公室和宣传部门要会同有关部门), not in a duty bracket: no responsibilities are recorded.')
addnote(t,P,'plans',P,'title','The title is taken from inside the notice title 南京市人民政府关于批转市商务局南京市打击侵犯知识产权和制售假冒伪劣商品专项行动实施方案的通知: the plan was drafted by 市商务局 and transmitted (批转) by the city government, recorded as issuer.')
codes(t,P,{'001':C('foundations','general','publicity_training credit_supervision')},{('001','instrument'):'Publicity is the task (rule 3f); 推动诚信体系建设 and 曝光典型案例 add credit_supervision.'})
save(d,t)
