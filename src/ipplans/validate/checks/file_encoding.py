"""Each table file is UTF-8 text without a byte-order mark, with LF line ends and a final newline."""
from __future__ import annotations

import re

from ipplans.encoding import sniff
from ipplans.safety import read_bytes
from ipplans.validate.context import Context

CODES = ('encoding', 'binary', 'bom', 'line-endings', 'trailing-newline')
MESSAGES = {
    'binary': ('the file contains NUL bytes: it is not a text CSV (a spreadsheet saved in its own format?). Export it again as "CSV UTF-8".',
               '文件含有 NUL 字节，不是文本 CSV（是否以表格软件自身格式保存？）。请重新导出为“CSV UTF-8（逗号分隔）”。'),
    'utf16': ('the file is UTF-16 (Excel\'s "Unicode Text"): export it again as "CSV UTF-8 (comma delimited)".',
              '文件为 UTF-16 编码（Excel 的“Unicode 文本”）：请重新导出为“CSV UTF-8（逗号分隔）”。'),
    'gbk': ('the file is not UTF-8; it looks like GBK/GB18030 (Excel on Chinese Windows). Re-save it as "CSV UTF-8 (comma delimited)" or run make fix.',
            '文件不是 UTF-8，看起来是 GBK/GB18030 编码（中文 Windows 上的 Excel）。请另存为“CSV UTF-8（逗号分隔）”或运行 make fix。'),
    'not-utf8': ('the file is not UTF-8 text (byte {offset} cannot be decoded): save it as UTF-8.',
                 '文件不是 UTF-8 文本（第 {offset} 字节无法解码）：请另存为 UTF-8。'),
    'bom': ('the file starts with a UTF-8 byte-order mark (as Excel writes it); the package stores CSV without it. It was read correctly; run make fix to remove the mark.',
            '文件以 UTF-8 字节顺序标记（BOM，Excel 会写入）开头；本数据包的 CSV 不带 BOM。文件已正确读取；请运行 make fix 去除。'),
    'line-endings': ('{kind} line endings from here on; the package uses LF only. Run make fix.',
                     '自此行起为 {kind_zh} 换行符；本数据包只用 LF。请运行 make fix。'),
    'trailing-newline': ('the last line has no newline at the end. Run make fix.', '最后一行末尾缺少换行符。请运行 make fix。'),
}


def decode(ctx: Context, rel: str, raw: bytes) -> str | None:
    """The file's text, or None after reporting why it cannot be read as UTF-8."""
    decoded = sniff(raw)
    if decoded.encoding == 'utf-16':
        ctx.add(rel, None, None, 'encoding', 'utf16')
    elif decoded.encoding == 'binary':
        ctx.add(rel, raw[:decoded.nul_offset].count(b'\n') + 1, None, 'binary', 'binary')
    elif not decoded.utf8:
        line = raw[:decoded.bad_offset].count(b'\n') + 1
        if decoded.encoding == 'gb18030':
            ctx.add(rel, line, None, 'encoding', 'gbk')
        else:
            ctx.add(rel, line, None, 'encoding', 'not-utf8', offset=decoded.bad_offset)
    elif decoded.bom:
        ctx.add(rel, 1, None, 'bom', 'bom')
    return decoded.text if decoded.utf8 else None


def run(ctx: Context) -> None:
    for name, path in ctx.files.items():
        rel = ctx.path(name)
        text = decode(ctx, rel, read_bytes(path))
        if text is None:
            ctx.unreadable.add(name)
            continue
        if '\r' in text:
            mixed = bool(re.search(r'(?<!\r)\n', text)) or bool(re.search(r'\r(?!\n)', text))
            ctx.add(rel, text[:text.index('\r')].count('\n') + 1, None, 'line-endings', 'line-endings',
                    kind='mixed' if mixed else 'Windows (CRLF)', kind_zh='混合' if mixed else 'Windows（CRLF）')
        if text and not text.endswith(('\n', '\r')):
            ctx.add(rel, text.count('\n') + 1, None, 'trailing-newline', 'trailing-newline')
        ctx.texts[name] = text
