import sys; sys.path.insert(0,'/tmp/growth'); from h import *
d='/tmp/growth/heilongjiang'; t=load(d); P='heilongjiang-2016-ip-strong-province-opinions'
p=t['plans'][1][0]
p.update(title_en='Implementation Opinions of the Heilongjiang Provincial Government on Accelerating the Building of a Strong Intellectual Property Province under the New Situation', issuer='黑龙江省人民政府',
 source_type='repost', capture='excerpt', source_url='http://wisor.cc/policy/show.php?from=client&itemid=20135', source_retrieved='2026-12-03',
 source_note='Excerpt of a stored copy of a repost on wisor.cc (a policy database), from the search tool\'s pages corpus: the title, 发布日期:2016-07-11, the number 黑政发〔2016〕19号, the addressees, the preamble and the opening of 一、总体要求 ((一)指导思想, (二)基本原则), cut off mid-sentence (提高). No tasks; no signature or signing date.')
t['measures'][1][:]=[]; t['measure_codes'][1][:]=[]
D=t['documents'][1]
D[0].update(document_id='central-2015-ip-strong-country-opinions', title_en='Several Opinions of the State Council on Accelerating the Building of a Strong Intellectual Property Country under the New Situation', issuer='国务院', issuer_level='central', note='Cited by the Heilongjiang 2016 opinions; issuer read from the title. Central, not a local plan.')
D[:]=[D[0], dict(document_id='heilongjiang-2015-ip-strategy-action-plan',title='黑龙江省深入实施知识产权战略行动计划(2015—2020年)',title_en='Heilongjiang Action Plan for Further Implementing the Intellectual Property Strategy (2015–2020)',doc_number='黑政办发〔2015〕39号',issuer='',issuer_level='province',region_code='230000',date_signed='',genre='plan',local_ip_plan='true',plan_id='',source_url='',source_retrieved='',note='Cited in (一)指导思想 of the Heilongjiang 2016 opinions with its number; the issuer is not printed. A local IP plan, not curated here.')]
c=t['citations'][1]
c[0]['document_id']='central-2015-ip-strong-country-opinions'
c[1].update(document_id='heilongjiang-2011-plan', note='Cited without period or number (深入实施《黑龙江省知识产权战略纲要》); linked to the province\'s strategy outline of 2011 (2011—2020年), the register\'s only outline of that name for the province.')
c.append(dict(plan_id=P,seq='3',cited_in='plan',cited_title='黑龙江省深入实施知识产权战略行动计划(2015—2020年)',cited_doc_number='黑政办发〔2015〕39号',cited_doc_number_normalized='黑政办发〔2015〕39号',document_id='heilongjiang-2015-ip-strategy-action-plan',note='Cited in (一)指导思想 (结合…的推进实施); not drafted by ingest.'))
notes(t,P,{'n01':'The copy is on wisor.cc, a policy database, not a government site: recorded as a repost. date_published is its 发布日期 (2016-07-11); no signature or signing date is printed.',
 'n02':None,
 'n03':'The excerpt ends in (二)基本原则, before any task: capture set to excerpt, and there are no measures. Ingest had drafted (一)指导思想 (the guiding thought, a principle statement, not a task) as a measure; that row and its codes were deleted.',
 'n04':{'row_key':'central-2015-ip-strong-country-opinions','note':'The cited State Council opinions are registered as central-2015-ip-strong-country-opinions (国发〔2015〕71号).'},
 'n05':{'table_name':'citations','row_key':P+':2','field':'document_id','note':'《黑龙江省知识产权战略纲要》 is linked to the register\'s heilongjiang-2011-plan rather than registered again; the provincial action plan of 2015 cited in (一)指导思想 was added and registered.'}})
save(d,t)
