"""Reading a raw plan text for ingest: folding for comparison, lines, noise, numbering, dates, document numbers.

Everything here keeps the source's characters for storing and compares on a
*folded* copy of the same length (NFKC per character where that gives one
character, traditional characters mapped to simplified ones), so a regular
expression run on the folded text gives offsets that slice the original.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ipplans.text import chinese_numeral
from ipplans.ingest.vocabulary import METADATA_LABEL, METADATA_LINE, NUMBER_CELL

# Traditional → simplified, for comparison only (one character each way).
_TRAD_PAIRS = '''責责 單单 牽牵 頭头 負负 協协 區区 縣县 號号 發发 辦办 廳厅 關关 於于 實实 見见 規规 劃划 計计 護护 權权 產产 識识 門门 務务
職职 處处 組组 織织 會会 員员 長长 領领 導导 監监 爭争 與与 為为 將将 這这 個个 們们 來来 時时 對对 專专 業业 經经 濟济 貿贸
稅税 財财 農农 場场 價价 標标 準准 體体 機机 構构 設设 認认 證证 據据 審审 訴诉 訟讼 調调 檢检 黨党 團团 聯联 議议 條条 網网
絡络 訊讯 電电 視视 廣广 總总 統统 傳传 強强 開开 鄉乡 鎮镇 華华 東东 麗丽 進进 點点 營营 環环 邊边 應应 層层 級级 獎奖 懲惩
書书 記记 紀纪 幹干 隊队 歸归 檔档 創创 費费 預预 試试 驗验 訂订 採采 購购 優优 勢势 衛卫 醫医 療疗 藥药 態态 質质 稱称 廠厂
礦矿 鐵铁 銀银 險险 資资 舉举 報报 問问 題题 學学 師师 聞闻 圖图 館馆 歷历 遺遗 勞劳 動动 氣气 測测 繪绘 國国 際际 種种 誌志
雙双 隨随 續续 線线 維维 兩两 萬万 億亿 達达 徹彻 貫贯 並并 從从 嚴严 罰罚 違违 範范 類类 錄录 細细 則则 項项 屆届 決决 確确
適适 齊齐 擁拥 戶户 註注 冊册 綱纲 徵征 眾众 務务 廳厅 衝冲 參参 盡尽 屬属 滬沪 慶庆 龍龙 陽阳 遼辽 蘇苏 漢汉 廈厦 門门 綜综
營营 銷销 際际 庫库 覽览 啟启 歲岁 屆届 顧顾 問问 師师 糾纠 紛纷 專专 權权 務务 讓让 許许 認认 識识 藝艺 術术 編编 輯辑 節节'''
TRAD_TO_SIMP = {pair[0]: pair[1] for pair in _TRAD_PAIRS.split()}

LOOKALIKE_SPACE = re.compile(r'[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]')
INVISIBLE = re.compile(r'[\u200b-\u200d\u2060\ufeff\ufffd]')
CONVERTER_MARKS = re.compile(r'\[bookmark:[^\]]*\]|\[/?s\d+/?\]')


def fold_char(char: str) -> str:
    folded = unicodedata.normalize('NFKC', char)
    if len(folded) != 1:
        folded = char
    return TRAD_TO_SIMP.get(folded, folded)


def fold(text: str) -> str:
    """Comparison form of the same length as `text`: NFKC per character, simplified characters."""
    return ''.join(fold_char(c) for c in text)


def key(text: str) -> str:
    """Comparison key: folded, every space removed."""
    return re.sub(r'\s+', '', fold(text))


def clean_cell(text: str) -> str:
    """A value as stored: converter marks and invisible characters dropped, odd spaces made ordinary, trimmed."""
    text = CONVERTER_MARKS.sub('', text)
    text = INVISIBLE.sub('', text)
    text = LOOKALIKE_SPACE.sub(' ', text)
    return text.strip()


@dataclass
class Line:
    number: int      # 1-based line number in the source
    text: str        # cleaned text as stored
    folded: str      # fold(text)


RUN_ON_CHAPTER = re.compile(r'(?:^|\s)[一二三四五六七八九十]{1,3}、')
RUN_ON_BREAK = re.compile(r'(?:(?<=\s)|(?<=[。;；)）]))(?=[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,3}[.．、](?!\d))')


def split_run_on(text: str) -> list[str]:
    """A whole page copied onto one line (一、… 二、… 1.… 2.…) cut before each heading and item."""
    if len(text) < 120 or len(RUN_ON_CHAPTER.findall(fold(text))) < 2:
        return [text]
    cuts = [0] + [m.start() for m in RUN_ON_BREAK.finditer(fold(text))] + [len(text)]
    return [piece for a, b in zip(cuts, cuts[1:]) if (piece := text[a:b].strip())]


def split_lines(text: str) -> list[Line]:
    """Lines with their line numbers (blank lines kept as Line(text='')); a page run onto one line is cut
    into its headings and items, each piece keeping the line number."""
    lines = []
    for index, raw in enumerate(text.splitlines(), start=1):
        for piece in split_run_on(clean_cell(raw)):
            lines.append(Line(index, piece, fold(piece)))
    return lines


# -- web-page and print noise ----------------------------------------------------------------
_NOISE = re.compile(
    r'^(?:'
    r'.*(?:您当前的位置|当前位置|首页\s*[>＞»]).*'
    r'|.*(?:扫一扫|返回顶部|网站声明|联系我们|网站地图|网站纠错|打印本页|关闭窗口|分享到|收藏本页|【打印】|【关闭】).*'
    r'|.*(?:版权所有|主办单位?\s*[:：]|承办单位?\s*[:：]|主办\s*[:：]|ICP备|公网安备|网站标识码|技术支持\s*[:：]).*'
    r'|(?:新媒体矩阵|咨询电话|移动门户|政务邮箱|手机版|无障碍|关怀版|智能机器人|字号\s*[:：]?\s*(?:大|中|小)?.*|字体\s*[:：].*)'
    r'|(?:浏览次数|阅读次数|访问量|点击数)\s*[:：]?.*'
    r'|[-—–－]\s*\d{1,3}\s*[-—–－]'
    r'|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?'
    r'|\d{1,3}\s*/\s*\d{1,3}'
    r'|(?:上一篇|下一篇|相关链接|相关文章|附件下载)\s*[:：]?.*'
    r')$')

def is_noise(line: Line) -> bool:
    """Navigation, metadata, footers and page numbers: not part of the plan's text."""
    if _NOISE.match(line.folded) or METADATA_LINE.match(line.folded):
        return True
    cells = [c.strip() for c in line.folded.split('|') if c.strip()]
    # a menu such as | 智能机器人 | 无障碍 | 关怀版 |, but not a table row such as | 1 | 任务。 | 区财政局 |
    return len(cells) >= 3 and not any(NUMBER_CELL.fullmatch(c) or '。' in c for c in cells)


def metadata_fields(lines: list[Line]) -> dict[str, str]:
    """Fields of a web page's metadata table ([ 发文字号 ] X, • 发 文 字 号 :X, 来源:X); first non-empty value wins."""
    fields: dict[str, str] = {}
    for line in lines:
        matches = list(METADATA_LABEL.finditer(line.folded))
        if not matches or matches[0].start() > 3:
            continue
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(line.text)
            value = line.text[match.end():end].strip(' |')
            name = re.sub(r'\s+', '', match.group(1))
            name = {'文号': '发文字号', '信息来源': '来源', '发文机关': '发布机构', '发布时间': '发布日期'}.get(name, name)
            if value and name not in fields:
                fields[name] = value
    return fields


# -- numbering -------------------------------------------------------------------------------------
CN_NUM = '一二三四五六七八九十〇零两'
CHAPTER = re.compile(rf'^([{CN_NUM}]{{1,3}})\s*(、|是|\.|．|,|，)\s*(\S.*)$')
BRACKETED = re.compile(rf'^([（(]\s*([{CN_NUM}]{{1,3}}|\d{{1,3}})\s*[)）])\s*(\S.*)$')
DOTTED = re.compile(r'^((\d{1,3})\s*(?:[.．、](?!\d)|\s(?=\D)))\s*(\S.*)$')
CIRCLED = re.compile(r'^(([\u2460-\u2473]))\s*(\S.*)$')   # ① … ⑳ (matched on the unfolded text)
DAMAGED_SECTION = re.compile(r'^[)）]\s*(\S.*)$')


def sentence_head(text: str) -> str:
    """The heading part of an item paragraph: up to its first 。 (whole text when there is none)."""
    folded = fold(text)
    cut = folded.find('。')
    return text[:cut] if cut > 0 else text


# -- dates ------------------------------------------------------------------------------------------
# Zero as printed in a Chinese-numeral year: 〇, ○, 零, and the lookalikes typists use (Latin O/o, digit 0,
# Greek Ο, Cyrillic О): 二O一一年三月二十三日.
_CN_DATE_DIGITS = {'〇': '0', '○': '0', '零': '0', 'Ｏ': '0', 'O': '0', 'o': '0', '0': '0', 'Ο': '0', 'О': '0', '一': '1', '二': '2', '三': '3', '四': '4',
                   '五': '5', '六': '6', '七': '7', '八': '8', '九': '9'}
_CN_YEAR_DIGIT = '[' + ''.join(_CN_DATE_DIGITS) + ']'
CN_DATE = re.compile(r'(' + _CN_YEAR_DIGIT + r'{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日')
DIGIT_DATE = re.compile(r'((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日')
ISO_DATE = re.compile(r'((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})')
PACKED_DATE = re.compile(r'^((?:19|20)\d{2})(\d{2})(\d{2})$')


def iso(year: int, month: int, day: int) -> str | None:
    import datetime
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """ISO date of the first date in `text`: 2021年10月12日, 二〇二一年十月十二日, 2021-11-18, 20211110."""
    folded = fold(text)
    match = DIGIT_DATE.search(folded) or ISO_DATE.search(folded)
    if match:
        return iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = CN_DATE.search(folded)
    if match:
        year = int(''.join(_CN_DATE_DIGITS[c] for c in match.group(1)))
        month, day = chinese_numeral(match.group(2)), chinese_numeral(match.group(3))
        if month and day:
            return iso(year, month, day)
    match = PACKED_DATE.match(folded.strip())
    if match:
        return iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def is_date_line(text: str) -> bool:
    """A line that is only a date (a signature date), possibly followed by 印发/发布."""
    folded = re.sub(r'\s+', '', fold(text))
    folded = re.sub(r'(印发|发布|制发)$', '', folded)
    return bool(re.fullmatch(r'(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|' + _CN_YEAR_DIGIT + r'{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|(?:19|20)\d{6}', folded))


def deadline_date(deadline: str) -> str | None:
    """ISO date for a printed deadline: 2021年12月底前完成 → 2021-12-31, 2021年6月30日前 → 2021-06-30, 2022年底 → 2022-12-31."""
    import calendar
    folded = fold(deadline)
    exact = DIGIT_DATE.search(folded)
    if exact:
        return iso(int(exact.group(1)), int(exact.group(2)), int(exact.group(3)))
    month = re.search(r'((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:底|末|份)?', folded)
    if month:
        year, mon = int(month.group(1)), int(month.group(2))
        if 1 <= mon <= 12:
            return iso(year, mon, calendar.monthrange(year, mon)[1])
    year_end = re.search(r'((?:19|20)\d{2})\s*年(?:底|末|年底|年末)?', folded)
    if year_end and re.search(r'年(?:底|末)|年前|年内|年完成', folded):
        return iso(int(year_end.group(1)), 12, 31)
    return None


# -- document numbers --------------------------------------------------------------------------------
DOC_NUMBER = re.compile(r'[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号')
DAMAGED_DOC_NUMBER = re.compile(r'[\u4e00-\u9fff]{1,12}[发办函字]\s*[〔\[［(（]?\s*(?:19|20)\d{2}\s*[〕\]］)）]?\s*\d{1,4}\s*号?')


def normalize_doc_number(printed: str) -> str:
    """Standard form 〔YYYY〕N号 where the number can be read; empty otherwise."""
    folded = re.sub(r'\s+', '', fold(printed))
    match = re.fullmatch(r'([\u4e00-\u9fff]{1,12}?)[〔\[［(（【]?((?:19|20)\d{2})[〕\]］)）】]?(\d{1,4})号?', folded)
    if not match:
        return ''
    return f'{match.group(1)}〔{match.group(2)}〕{match.group(3)}号'
