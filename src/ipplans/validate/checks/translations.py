"""Every text a reader needs has the curators' English: a field with "translationOf" in its schema
is filled wherever the field it translates is. (A translation that is always required says so with
constraints.required, which Frictionless checks; this check covers those required only where the
Chinese is given, such as measures.chapter_en and members.post_en.)"""
from __future__ import annotations

from ipplans.schema import translations
from ipplans.validate.context import Context

CODES = ('translation',)
MESSAGES = {
    'translation-missing': ('{english} is empty although {source} is given ("{cell}"): write the curators\' English of it, '
                            'following the translation guide (docs/translation.md).',
                            '{source} 有值（“{cell}”），{english} 却为空：请按翻译指南（docs/translation.md）填写整理者的英译。'),
}


def run(ctx: Context) -> None:
    for resource in ctx.tables():
        fields = {f['name']: f for f in (resource.schema or {}).get('fields', []) if isinstance(f, dict)}
        pairs = [(english, source) for english, source in translations(resource.schema or {}).items()
                 if source in fields and not (fields[english].get('constraints') or {}).get('required')]
        if not pairs:
            continue
        for line, row in ctx.rows(resource.name):
            for english, source in pairs:
                if row.get(source, '').strip() and not row.get(english, '').strip():
                    ctx.add(resource.path, line, english, 'translation', 'translation-missing', table=resource.name,
                            english=english, source=source, cell=row.get(source, ''))
