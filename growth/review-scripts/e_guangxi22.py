import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/guangxi22'; t=load(d); P='guangxi-2022-ip-strong-country-outline-implementation'
p=t['plans'][1][0]
p.update(title_en='Guangxi Implementation Plan for the Outline for Building a Strong Intellectual Property Country (2021–2035)', publisher='中共广西壮族自治区委员会办公厅', date_published='2022-02-16', capture='excerpt',
 source_url='http://kjc.ncvt.net/info/1022/1218.htm', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on a college department\'s page (kjc.ncvt.net; 发布日期:2022-02-28, its own), which names its source and time (来源:中共广西壮族自治区委员会办公厅 2022-02-16 17:10:51), from the search tool\'s pages corpus: the notice title (twice), the number 桂办发〔2022〕3号, the notice signed by the regional Party committee\'s and government\'s general offices on 2022年2月10日, and the plan\'s opening up to (一)指导思想, cut off mid-sentence. The plan heading has a stray space (纲要 (2021—2035年)). No tasks.')
c=t['citations'][1]; c[:]=[c[1]]; c[0].update(seq='1', note='Printed with a stray space before the period; cited as issued by 中共中央、国务院.')
t['documents'][1][:]=[]
notes(t,P,{'n01':'The copy is on a college department\'s page: recorded as a repost. Ingest took the publisher as the source line with its time (中共广西壮族自治区委员会办公厅        2022-02-16 17:10:51); the publisher is the office named, date_published the date given with it (the page\'s own 发布日期, 2022-02-28, is the repost\'s).',
 'n02':'Ingest found no measures and set capture to metadata_only: the excerpt ends in (一)指导思想, before any task, so there are no measures; capture set to excerpt.',
 'n03':{'table_name':'plans','row_key':P,'field':'title','note':'Ingest proposed the plan\'s own title, as the notice quotes it (with 〈〉), as a cited document, i.e. the plan itself; dropped. The title keeps the heading\'s stray space, as the register does.'}})
save(d,t)
