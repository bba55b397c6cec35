"""The register of documents agrees with itself and with what cites it: a document number in standard
form, the issuer's level that of its region, a curated document in its plan's region, and a citation's
number that of the document it points to."""
from __future__ import annotations

from ipplans.ingest.text import normalize_doc_number   # the standard form is ingest's, where numbers are read
from ipplans.validate.context import Context

CODES = ('document',)
MESSAGES = {
    'document-number-form': ('doc_number "{cell}" is not in standard form (issuer code, 〔year〕, number, 号, no spaces, '
                             'e.g. 津党办发〔2020〕14号): write it so, or leave it empty and say why in note.',
                             '文号“{cell}”不是规范格式（机关代字、〔年份〕、序号、号，无空格，如 津党办发〔2020〕14号）：'
                             '请按此格式填写，或留空并在 note 中说明原因。'),
    'document-level': ('issuer_level is "{cell}" but {why}: make issuer_level and region_code agree.',
                       'issuer_level 为“{cell}”，但{why_zh}：请使 issuer_level 与 region_code 一致。'),
    'document-plan-region': ('document {document} holds plan {plan} of region {plan_region}, but its region_code is '
                             '"{cell}": use the plan\'s region_code.',
                             '文件 {document} 对应方案 {plan}（地区 {plan_region}），但其 region_code 为“{cell}”：请使用该方案的 region_code。'),
    'citation-number': ('the citation\'s number {cell} is not that of document {document} ({expected}): point document_id '
                        'at the document with this number (add it to data/documents.csv if it is missing), or, if the '
                        'sources disagree on the number, empty the document\'s doc_number and record both in its note.',
                        '引用的文号 {cell} 与文件 {document} 的文号（{expected}）不符：请让 document_id 指向该文号的文件'
                        '（如缺少，请添加到 data/documents.csv）；如各来源文号不一，请清空该文件的 doc_number 并在其 note 中记录两者。'),
}


def run(ctx: Context) -> None:
    if not ctx.readable('documents'):
        return
    documents = {}
    path = ctx.path('documents')
    regions = {row.get('region_code', ''): row for _, row in ctx.rows('regions')} if ctx.readable('regions') else {}
    plans = {row.get('plan_id', ''): row for _, row in ctx.rows('plans')} if ctx.readable('plans') else {}
    for line, doc in ctx.rows('documents'):
        documents[doc.get('document_id', '')] = doc
        number = doc.get('doc_number', '')
        if number and normalize_doc_number(number) != number:
            ctx.add(path, line, 'doc_number', 'document', 'document-number-form', cell=number)
        level, code = doc.get('issuer_level', ''), doc.get('region_code', '')
        region = regions.get(code)
        if level == 'central' and code:
            ctx.add(path, line, 'issuer_level', 'document', 'document-level', cell=level,
                    why=f'region_code is {code}; a central document has no region_code',
                    why_zh=f'region_code 为 {code}；中央文件不填 region_code')
        elif level and level != 'central' and region and region.get('level') != level:
            ctx.add(path, line, 'issuer_level', 'document', 'document-level', cell=level,
                    why=f'region {code} ({region.get("full_name", "")}) is at level {region.get("level")}',
                    why_zh=f'地区 {code}（{region.get("full_name", "")}）的层级为 {region.get("level")}')
        plan = plans.get(doc.get('plan_id', ''))
        if plan and plan.get('region_code') != code:
            ctx.add(path, line, 'region_code', 'document', 'document-plan-region', document=doc.get('document_id', ''),
                    plan=plan['plan_id'], plan_region=plan.get('region_code', ''), cell=code)
    if not ctx.readable('citations'):
        return
    for line, citation in ctx.rows('citations'):
        doc = documents.get(citation.get('document_id', ''))
        number = citation.get('cited_doc_number_normalized', '')
        if doc and number and doc.get('doc_number') and number != doc['doc_number']:
            ctx.add(ctx.path('citations'), line, 'cited_doc_number_normalized', 'document', 'citation-number', cell=number,
                    document=doc['document_id'], expected=doc['doc_number'])
