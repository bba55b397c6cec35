import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/wansheng'; t=load(d); P='chongqing-wansheng-2021'
p=t['plans'][1][0]
p.update(title='万盛经开区关于强化知识产权创造保护运用工作的具体措施', title_en='Specific Measures of the Wansheng Economic and Technological Development Zone for Strengthening the Creation, Protection and Use of Intellectual Property',
 issuer='万盛经开区知识产权工作领导小组办公室', region_code='500110', region_name='重庆市綦江区', admin_level='county', capture='excerpt',
 source_url='http://scjgj.cq.gov.cn/zz/wsjjjskfq/zwgk/gsgg_146794/202402/t20240226_12959715.html', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of the page on the Chongqing market regulation site (Wansheng development zone section), from the search tool\'s pages corpus: the metadata table (发文字号, 发布机构 万盛经开区市场监督管理局, 成文日期 2021-11-09, 发布日期 2024-02-26), the notice of the zone\'s IP leading-group office signed 领导小组(代章) on 2021年11月9日 (date indented), a contact line with its closing bracket lost, the title across two lines and the preamble, cut off at the first section number (一). No tasks.')
c=t['citations'][1]; c[:]=c[1:]
for i,r in enumerate(c,1): r['seq']=str(i)
c[0]['note']='Named in the notice without its number (市委办公厅、市政府办公厅《…》); the same Chongqing measures the preamble cites with 渝委办发〔2020〕31号.'
notes(t,P,{'n01':'The page is on scjgj.cq.gov.cn, the Chongqing market regulation site, in its Wansheng zone section: official_site confirmed. The page was published in 2024 for a notice of 2021.',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends at the first section number, before any task, so there are no measures; capture set to excerpt.'})
addnote(t,P,'plans',P,'region_code','The issuer is an economic and technological development zone, which has no GB/T 2260 code: region 500110 (綦江区), the district whose former 万盛 area the zone administers, as the register has it, at county level. Ingest chose 500000 (重庆市) from the heading.')
addnote(t,P,'plans',P,'title','The title is printed across two lines; ingest took only the second (运用工作的具体措施) and proposed the full title, as the notice quotes it, as a citation of the register row wansheng-chongqing-2021-opinions, i.e. of itself (dropped). The issuer is the office that heads the notice; the notice is signed 万盛经开区知识产权工作领导小组(代章).')
save(d,t)
