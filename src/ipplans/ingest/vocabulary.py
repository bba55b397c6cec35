"""The words ingest recognises, and the patterns built from them.

Role labels (牵头单位：…), the role words that close an agency list inside a clause (X牵头，Y按职责
分工负责), deadline labels and words, the header cells of a task table, member-list labels and the
labels of a web page's metadata table. A new spelling is one entry in a tuple here; every pattern
that looks for these words is built below from the tuples, so no two of them can disagree.

The patterns run on folded text (ingest.text.fold: NFKC, traditional characters simplified), so
each word is spelled once, in simplified characters.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# -- responsibilities ----------------------------------------------------------------------------
# Labels before a colon, per role: （牵头单位：X；配合单位：Y）, 责任单位：Z on its own line; also the
# header cells of a task table's agency columns.
ROLE_LABELS: dict[str, tuple[str, ...]] = {
    'lead': ('牵头单位', '牵头部门', '牵头'),
    'cooperating': ('配合单位', '配合部门', '配合', '协办单位', '协办部门', '协办', '参与单位', '参与部门', '参与',
                    '协助单位', '协助部门', '协助'),
    'responsible': ('责任单位', '责任部门', '责任', '负责单位', '负责部门', '负责', '主责单位', '实施单位'),
}
ALL_ROLE_LABELS = tuple(label for labels in ROLE_LABELS.values() for label in labels)
# Words after the agency names of a clause: X牵头，Y、Z按职责分工负责. Only a lead word decides a role;
# the agencies after a lead are cooperating, agencies without one responsible, whatever the word.
LEAD_WORDS = ('牵头',)
DUTY_WORDS = ('按职责分工负责', '按照职责分工负责', '按职责负责', '按照职责负责', '按职能分工负责', '分工负责', '共同负责',
              '配合', '参与', '协助', '负责')
# How an agency list may end: 区法院、区检察院等部门.
LIST_ENDINGS = ('等有关单位', '等有关部门', '等相关单位', '等相关部门', '等部门', '等单位', '等')

# A plan that says once which unit of a list leads: 列第一位者为牵头部门 / 排在首位的为牵头单位.
FIRST_IS_LEAD = re.compile(r'[列排](?:在)?(?:第一位|首位)(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)?')

# Headings (and item heads) of the parts of a plan that state background, principles or past results:
# their numbered paragraphs are not tasks (纲要 一、序言 1. …; 一、总体要求 （一）指导思想。…).
NOT_TASK_HEADINGS = ('序言', '前言', '总体要求', '指导思想', '基本原则', '规划背景', '发展基础', '发展现状', '主要成绩',
                     '工作成绩', '工作回顾', '工作总结', '面临形势')

# -- deadlines -------------------------------------------------------------------------------------
DEADLINE_LABELS = ('完成时限', '完成时间', '时间节点', '时限要求', '进度安排', '时限')
# Words that make a clause or a table cell a deadline, besides a year (2021年).
DEADLINE_WORDS = ('底前', '前完成', '年底', '年内', '持续推进', '长期坚持', '长期推进', '常态化推进', '持续开展', '每年',
                  '季度', '上半年', '下半年', '按年度')

# -- task tables -----------------------------------------------------------------------------------
NUMBER_HEADERS = ('序号', '编号')
TASK_HEADERS = ('工作任务', '重点任务', '主要任务', '任务', '工作内容', '具体措施', '任务内容', '具体任务', '工作措施')

# -- member lists ----------------------------------------------------------------------------------
MEMBER_LIST_HEADINGS = ('成员名单', '组成人员名单', '人员名单')
# joint conferences (召集人 / 副召集人 / 成员) and leading groups (组长 / 副组长 / 成员)
MEMBER_ROLES = ('召集人', '副召集人', '组长', '副组长', '成员')
OFFICE_ROLES = ('办公室主任', '办公室副主任')   # 张三同志兼任办公室主任 / 办公室主任由X局局长张三兼任
# What a list names when it prints no heading: 决定成立X领导小组 / 建立X联席会议（以下简称联席会议）制度.
MEMBER_BODIES = ('领导小组', '联席会议', '工作组', '办公会议', '工作专班', '协调小组')
# How a post ends: the position (副局长 ends in 局长, 常务副厅长 in 厅长). A list that prints name and
# post with nothing between them (吴仪国务院副总理, 国家版权局局长龙新民) is split where the post ends.
POSITIONS = ('总理', '秘书长', '部长', '局长', '厅长', '署长', '院长', '检察长', '主任', '主席', '书记', '委员', '司长',
             '处长', '科长', '股长', '调研员', '巡视员', '助理', '省长', '市长', '州长', '县长', '区长', '镇长', '乡长',
             '组长', '董事长', '总经理', '经理', '行长', '馆长', '校长', '所长', '台长', '社长', '会长', '理事长', '政委',
             '队长', '站长', '专员', '主任科员', '干事')
# How a post begins (after a name printed without a space before it): a jurisdiction, a common head of an
# agency's name, or the position itself.
POST_STARTS = ('国务院', '国家', '国', '中央', '中共', '中', '全国', '省', '市', '县', '区', '州', '盟', '旗', '镇', '乡',
               '街道', '自治区', '海关', '知识产权', '公安', '司法', '商务', '文化', '财政', '工商', '工业', '信息', '质检',
               '质量', '税务', '版权', '法制', '新闻', '高法院', '高检院', '人民', '发展', '发改', '教育', '科技', '科学',
               '农业', '林业', '水利', '卫生', '民政', '人力', '人社', '生态', '环境', '环保', '交通', '住房', '住建', '外事',
               '外侨', '统计', '审计', '广电', '广播', '食品', '药品', '药监', '市场', '检察', '法院', '银监', '证监', '保监',
               '银保监', '国管', '国资', '邮政', '烟草', '监察', '纪委', '政法', '政府', '宣传', '组织', '统战', '网信',
               '出入境', '检验检疫', '工商联', '科协', '贸促会', '团', '妇联', '总工会', '常务', '副', '党组', '办公')
# Family names, for a name printed without a space after or before its post: the common single ones and the
# compound ones (欧阳坚文化部副部长).
SURNAMES = set('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任'
               '沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫'
               '孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌'
               '毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦'
               '褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘'
               '池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权强帅屠豆朴'
               '盖练廉禹井祖漆巴丰支卿狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿'
               '鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由邱')
COMPOUND_SURNAMES = ('欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '长孙', '慕容', '司徒', '令狐', '夏侯',
                     '宇文', '端木', '澹台', '呼延', '南宫', '独孤', '轩辕', '西门', '百里')

# -- web-page metadata -----------------------------------------------------------------------------
# Labels of a page's metadata table ([ 发文字号 ] X, • 发 文 字 号 :X, 来源:X); the lines they open are
# not part of the plan's text.
METADATA_LABELS = ('索引号', '发文字号', '主题分类', '体裁分类', '发布机构', '成文日期', '发布日期', '有效性', '名称',
                   '联合发文单位', '修改和废止依据', '文号', '来源', '标题', '地址', '信息来源', '发文机关', '公开方式',
                   '生效日期', '废止日期', '发布时间', '浏览次数')


# -- building patterns -----------------------------------------------------------------------------
def one_of(words: Iterable[str], form: Callable[[str], str] = re.escape) -> str:
    """A non-capturing group matching any of the words, longest first (牵头单位 before 牵头)."""
    return '(?:' + '|'.join(form(word) for word in sorted(words, key=len, reverse=True)) + ')'


def spaced(word: str) -> str:
    """A word whose characters may be printed apart: 召 集 人."""
    return r'\s*'.join(map(re.escape, word))


def whole(words: Iterable[str]) -> re.Pattern[str]:
    """A cell that is one of the words and nothing else."""
    return re.compile('^' + one_of(words) + '$')


COLON = r'\s*[:：]'
ANY_ROLE_LABEL = one_of(ALL_ROLE_LABELS)

# （牵头单位：X …: the role of a clause that opens with a label
LABELS = [(re.compile('^' + one_of(labels) + COLON), role) for role, labels in ROLE_LABELS.items()]
# where one clause of a duty bracket ends and the next begins: a semicolon or a full stop (X负责。完成时限：…),
# or a separator before a label
LABEL_BREAK = re.compile(r'[;；。]|(?:[,，、]|\s+)(?=\s*' + ANY_ROLE_LABEL + COLON + ')')
# a line below an item that gives its agencies: 责任单位：…
DUTY_LINE = re.compile('^' + ANY_ROLE_LABEL + COLON)
# an item whose last sentence gives its agencies: …。责任单位：区市场监管局。
TRAILING_LABEL = re.compile(r'(?<=[。;；])\s*(?=' + ANY_ROLE_LABEL + COLON + r'[^。]*。?$)')
# anything that says a bracket is about duties (for a bracket that lost its closing mark)
DUTY_MENTION = re.compile(one_of(ALL_ROLE_LABELS + LEAD_WORDS + DUTY_WORDS))
LEAD_AT_END = re.compile(one_of(LEAD_WORDS) + '$')
NOT_TASK_HEADING = re.compile(one_of(NOT_TASK_HEADINGS))
# an item whose own head is such a heading: （一）指导思想。… / （一）实施知识产权战略的指导思想：…
NOT_TASK_ITEM = re.compile(r'^(?:[^。，,]{0,16}的)?' + one_of(NOT_TASK_HEADINGS) + r'\s*[:：。]?$')
ROLE_WORDS_AT_END = re.compile(one_of(LEAD_WORDS + DUTY_WORDS + LIST_ENDINGS) + '$')

DEADLINE = re.compile(r'(?:19|20)\d{2}\s*年|' + one_of(DEADLINE_WORDS))
# a line below an item that gives its deadline (the match ends where the deadline begins)
DEADLINE_LINE = re.compile('^' + one_of(DEADLINE_LABELS) + COLON + r'\s*')

# a task table's header cells, by the column they name
HEADER_CELLS = {'number': whole(NUMBER_HEADERS), 'task': whole(TASK_HEADERS),
                **{role: whole(labels) for role, labels in ROLE_LABELS.items()}, 'deadline': whole(DEADLINE_LABELS)}
# the first cell of a table row: a row number or the number column's header
NUMBER_CELL = re.compile(r'\d{1,3}|' + one_of(NUMBER_HEADERS))

MEMBER_LIST_HEADING = re.compile(r'^(.{2,30}?)' + one_of(MEMBER_LIST_HEADINGS) + '$')
MEMBER_ROLE_LABEL = re.compile('^(' + one_of(MEMBER_ROLES + OFFICE_ROLES, spaced) + r')\s*[:：]\s*')
# 张三同志兼任办公室主任 / 由张三同志兼任办公室主任
OFFICE_HELD = re.compile(r'(?:由)?([\u4e00-\u9fff]{2,3})同志兼任(' + one_of(OFFICE_ROLES) + ')')
# 办公室主任由商务部副部长姜增伟兼任 / 办公室主任由国家版权局版权司司长王自强担任
OFFICE_GIVEN = re.compile('(' + one_of(OFFICE_ROLES) + r')由([^，,。；;:：]{2,40}?)(?:同志)?(?:兼任|担任)')
# 决定成立X领导小组 / 建立X联席会议（以下简称联席会议）制度: the body a list without a heading belongs to
MEMBER_BODY = re.compile(r'(?:成立|建立|设立|组建)([^\s，,。；;：:()（）“”]{2,40}?' + one_of(MEMBER_BODIES) + ')')
POSITION_AT_END = re.compile(one_of(POSITIONS) + '$')
POST_START = re.compile(one_of(POST_STARTS + POSITIONS))

_METADATA_LABEL = r'[\[【•·*]?\s*(' + one_of(METADATA_LABELS, spaced) + r')\s*[\]】]?\s*[:：]?'
METADATA_LINE = re.compile(r'^\s*' + _METADATA_LABEL)
METADATA_LABEL = re.compile(_METADATA_LABEL)
