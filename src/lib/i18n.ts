/**
 * Interface text in each edition. Transcript text is never translated here; it is shown in the
 * language the source gives, with its own `lang`.
 */
import type { Edition } from './paths.ts';
import type { LayoutId, SectionId, SpeakerRole, TextLang } from './schema.ts';

const en = {
  siteName: 'Earnings Call Reader',
  tagline: 'Earnings calls as structured, source-linked transcripts.',
  switchTo: '中文',
  switchLabel: '阅读中文版',
  segmentFromText: 'Read from the calls: no company profile names this segment, so it is shown as the call presents it.',
  reportTitle: 'Build report',
  callsCount: 'calls',
  latestQuarter: 'latest',
  reportNone: 'Every transcript was converted and published.',
  reportSome: 'These transcripts were left out of this build (npm run build -- --keep-going); everything else was published.',
  reportFile: 'File and line',
  reportReason: 'Why',
  home: 'All calls',
  quarters: 'Quarters',
  quarter: 'Quarter',
  periodEnded: 'Quarter ended',
  callDate: 'Call date',
  notStated: 'not stated',
  sources: 'Sources',
  languages: 'Languages',
  exchanges: 'Q&A',
  segments: 'Segments',
  participants: 'Participants',
  transcript: 'Transcript',
  qaIndex: 'Q&A exchanges',
  askedBy: 'asked by',
  answeredBy: 'Answered by',
  noAnswer: 'no answer recorded',
  notes: 'Notes',
  interpreted: 'interpreted',
  original: 'original words',
  machineTranslation: 'machine translation',
  translation: 'translation',
  originalText: 'original',
  announcement: 'From the results announcement',
  announcementNote: 'Quoted on the source page before the Q&A. Not said on the call.',
  omitted: 'Left out of this transcript',
  line: 'line',
  lines: 'lines',
  sourceFile: 'file',
  sourceTitle: 'title',
  layout: 'layout',
  paragraphs: 'paragraphs',
  onThisPage: 'On this page',
  permalink: 'Link to this paragraph',
  mentions: 'Mentioned in',
  noMentions: 'No transcript mentions this segment yet.',
  reported: 'Reported',
  since: 'from',
  until: 'until',
  always: 'in every quarter covered',
  aliases: 'Also called',
  segmentPages: 'Segment pages',
  previous: 'Previous quarter',
  next: 'Next quarter',
  footer: 'Every paragraph links to the line of the transcript it comes from.',
  // every page: skip link, site navigation, quick search; breadcrumbs
  skipToContent: 'Skip to content',
  siteNav: 'Site',
  quickSearch: 'Quick search',
  searchCalls: 'Search calls',
  breadcrumb: 'Breadcrumb',
  exchangeIn: 'in',
  and: 'and',
  mtWarning: 'Machine translated. The source says:',
  sameCall: 'These sources are transcripts of the same call.',
  /** Before the labels a speaker is written as in the transcript. */
  labelled: 'labelled',
  /** A quarter page's title: "Alibaba Group FY2025 Q2 earnings call". */
  callTitle: (company: string, quarter: string) => `${company} ${quarter} earnings call`,
  /** A page's one-line citation with the call's date. */
  citeDated: (cite: string, date: string) => `${cite} (${date})`,
  // company page
  companies: 'Companies',
  company: 'Company',
  ticker: 'Ticker',
  callsHeading: 'Calls',
  callsNumber: 'Calls',
  companyLede: 'Every call the site has for this company, newest first, with its charts, analysts and segments.',
  analystsLink: 'Who asked what: analysts across quarters →',
  trendChart: (metric: string) => `${metric} and year-over-year growth`,
  topicsChart: 'Topics over time',
  /** Under the topics chart: how shares are counted, and the calls left out as too short. */
  topicsNote: (minParagraphs: number, leftOut: readonly string[]) =>
    `How it is counted: the share of paragraphs in each call’s longest transcript that mention any of the topic’s terms (content/topics.yaml), in either language of a bilingual transcript. The chart shows the six topics mentioned most (turn others on in the legend); the table lists them all. Transcripts shorter than ${minParagraphs} paragraphs are too short to compare` +
    (leftOut.length ? ` (left out: ${leftOut.join(', ')}).` : '.'),
  // charts
  /** A chart's caption: what it shows, of whom. */
  chartCaption: (name: string, what: string) => `${name}: ${what}`,
  chartData: 'Chart data',
  /** Separators in a chart's text alternative: between the values of a series, and between series. */
  chartValueSep: ', ',
  chartSeriesSep: '; ',
  // analysts page
  analystsTitle: 'Analysts',
  analystsDescription: 'Which analysts asked about which segments, quarter by quarter',
  analystsHeading: (company: string) => `${company}: who asked what`,
  analystsLede: 'Each cell lists the analyst’s exchanges in that quarter with the segments and topics they touched; follow a link to read the exchange.',
  analyst: 'Analyst',
  exchangeNumber: (n: number) => `Q&A ${n}`,
};
export type UiStrings = typeof en;

const zh: UiStrings = {
  siteName: '业绩电话会阅读器',
  tagline: '结构化、可溯源的业绩电话会记录。',
  switchTo: 'English',
  switchLabel: 'Read in English',
  segmentFromText: '读自电话会：公司资料中没有这个分部，按电话会的说法显示。',
  reportTitle: '构建报告',
  callsCount: '次电话会',
  latestQuarter: '最新',
  reportNone: '所有记录都已转换并发布。',
  reportSome: '以下记录未纳入本次构建（npm run build -- --keep-going），其余均已发布。',
  reportFile: '文件与行',
  reportReason: '原因',
  home: '全部电话会',
  quarters: '季度',
  quarter: '季度',
  periodEnded: '季度截止日',
  callDate: '电话会日期',
  notStated: '未注明',
  sources: '来源',
  languages: '语言',
  exchanges: '问答',
  segments: '业务分部',
  participants: '参会人员',
  transcript: '记录全文',
  qaIndex: '问答一览',
  askedBy: '提问',
  answeredBy: '回答',
  noAnswer: '未记录回答',
  notes: '附注',
  interpreted: '翻译',
  original: '原话',
  machineTranslation: '机器翻译',
  translation: '译文',
  originalText: '原文',
  announcement: '摘自业绩公告',
  announcementNote: '来源页面在问答前引用的公告内容，并非电话会上的发言。',
  omitted: '未收录的内容',
  line: '第',
  lines: '行',
  sourceFile: '文件',
  sourceTitle: '标题',
  layout: '格式',
  paragraphs: '段',
  onThisPage: '本页目录',
  permalink: '本段链接',
  mentions: '提及该分部的电话会',
  noMentions: '暂无电话会记录提及该分部。',
  reported: '披露期间',
  since: '自',
  until: '至',
  always: '本站收录的所有季度',
  aliases: '其他名称',
  segmentPages: '业务分部页面',
  previous: '上一季度',
  next: '下一季度',
  footer: '每一段文字都标明了其在原始记录中的行号。',
  skipToContent: '跳到正文',
  siteNav: '站点',
  quickSearch: '快速搜索',
  searchCalls: '搜索电话会',
  breadcrumb: '位置',
  exchangeIn: '于',
  and: '、',
  mtWarning: '机器翻译。来源说明：',
  sameCall: '以下来源为同一场电话会的不同记录。',
  labelled: '记录中写作',
  callTitle: (company, quarter) => `${company} ${quarter}业绩电话会`,
  citeDated: (cite, date) => `${cite}（${date}）`,
  // company page
  companies: '公司',
  company: '公司',
  ticker: '股票代码',
  callsHeading: '电话会',
  callsNumber: '电话会数',
  companyLede: '本站收录的该公司全部电话会（由新到旧），以及图表、分析师和业务分部。',
  analystsLink: '分析师提问一览 →',
  trendChart: (metric) => `${metric}与同比增长`,
  topicsChart: '各季度电话会话题',
  topicsNote: (minParagraphs, leftOut) =>
    `计算方法：每场电话会最长一份记录中，提及该话题任一关键词（见 content/topics.yaml）的段落占全部段落的百分比；双语记录的原文与译文都计入。图中默认显示提及最多的六个话题（点击图例可显示其他话题），表格列出全部。少于 ${minParagraphs} 段的记录太短，不作比较` +
    (leftOut.length ? `（未计入：${leftOut.join('、')}）。` : '。'),
  chartCaption: (name, what) => `${name}：${what}`,
  chartData: '图表数据',
  chartValueSep: '，',
  chartSeriesSep: '；',
  analystsTitle: '分析师',
  analystsDescription: '哪些分析师在哪个季度问了哪些业务',
  analystsHeading: (company) => `${company}：分析师提问`,
  analystsLede: '每格列出该分析师在该季度提问的编号，以及问答涉及的业务分部和话题；点击可跳到问答。',
  analyst: '分析师',
  exchangeNumber: (n) => `问答 ${n}`,
};

export const UI: Record<Edition, UiStrings> = { en, zh };

export const ROLE_LABEL: Record<Edition, Record<SpeakerRole, string>> = {
  en: { executive: 'Executive', 'investor-relations': 'Investor relations', analyst: 'Analyst', operator: 'Operator', other: 'Other' },
  zh: { executive: '管理层', 'investor-relations': '投资者关系', analyst: '分析师', operator: '主持人', other: '其他' },
};

export const SECTION_LABEL: Record<Edition, Record<SectionId, string>> = {
  en: { introduction: 'Introduction', 'prepared-remarks': 'Prepared remarks', qa: 'Questions and answers' },
  zh: { introduction: '介绍', 'prepared-remarks': '管理层发言', qa: '问答' },
};

export const LANG_LABEL: Record<Edition, Record<TextLang, string>> = {
  en: { en: 'English', 'zh-Hans': 'Simplified Chinese', 'zh-Hant': 'Traditional Chinese', ko: 'Korean', ja: 'Japanese' },
  zh: { en: '英文', 'zh-Hans': '简体中文', 'zh-Hant': '繁体中文', ko: '韩文', ja: '日文' },
};

export const LAYOUT_LABEL: Record<Edition, Record<LayoutId, string>> = {
  en: {
    'bilingual-pairs': 'bilingual transcript',
    'official-transcript': 'official transcript',
    'inline-labels': 'Q&A summary on a web page',
    'plain-english': 'plain transcript',
    'inline-turns': 'transcript with inline speaker names',
    'interleaved-pairs': 'numbered bilingual pairs',
    'label-lines': 'transcript with speaker label lines',
    'news-report': 'news report of the call',
  },
  zh: {
    'bilingual-pairs': '双语记录',
    'official-transcript': '官方记录稿',
    'inline-labels': '网页问答摘要',
    'plain-english': '纯文本记录',
    'inline-turns': '行内署名记录',
    'interleaved-pairs': '编号双语对照',
    'label-lines': '署名行记录',
    'news-report': '电话会新闻报道',
  },
};

export const OMIT_LABEL: Record<Edition, Record<string, string>> = {
  en: {
    'site-chrome': 'site navigation',
    news: 'news items',
    links: 'links to other documents',
    'page-summary': "the site's own summary",
    'page-footer': 'page footer',
    'end-marker': 'end marker',
    cover: 'cover page',
    disclaimer: 'translation notice',
  },
  zh: {
    'site-chrome': '网站导航',
    news: '新闻条目',
    links: '其他文件的链接',
    'page-summary': '网站自撰摘要',
    'page-footer': '页脚',
    'end-marker': '结束标记',
    cover: '封面',
    disclaimer: '翻译说明',
  },
};

/** "lines 3–11" / "第 3–11 行". */
export function lineRange(edition: Edition, from: number, to: number): string {
  const span = from === to ? `${from}` : `${from}–${to}`;
  return edition === 'zh' ? `第 ${span} 行` : `${from === to ? 'line' : 'lines'} ${span}`;
}

// quarter page: outlook, guidance, Q&A digest, highlights
const summaryEn = {
  outlook: 'Outlook',
  outlookLede: 'Forecasts and targets management gave on this call, as the reader read them, each with the sentence it comes from.',
  noGuidance: 'No forecast with a figure was read from this call.',
  guidanceMetric: 'Metric',
  guidanceValue: 'Forecast',
  guidancePeriod: 'For',
  guidanceQuote: 'As said',
  directionOnly: 'direction only',
  constantCurrency: 'at constant currency',
  periodNotStated: 'period not stated',
  unassigned: 'segment not stated',
  fiscalYear: (fy: string) => `FY${fy}`,
  outcomeIn: (quarter: string) => `Outcome (${quarter} call)`,
  reported: 'reported',
  saidBefore: 'What they said before',
  saidBeforeLede: 'Forecasts earlier calls on this site gave for this period, beside what this call reports.',
  saidBeforeNone: 'No earlier call on this site gave a forecast for this period.',
  saidIn: (quarter: string) => `said in the ${quarter} call`,
  thisCall: 'This call',
  guidanceRuleTitle: 'How forecasts are judged',
  guidanceRule:
    'A forecast is compared only with a figure of the same metric, segment and period, in the same unit and, for a growth rate, on the same basis (year over year or quarter over quarter); otherwise it is "not comparable", or "no figure stated" when the call reports no figure for it. A range is met when the figure is above it, in range within it, and missed below it. A point value is met at or above it, allowing for rounding (0.5% of the value, 5% when the forecast was approximate; 0.05 or 1 percentage point for percentages), and missed below. "More than X" is met at or above X; "less than X" at or below X. A forecast without a number (a direction) is not judged, nor one at constant currency (figures are reported at actual exchange rates).',
  remarks: 'Other forward-looking remarks',
  guidanceTimeline: 'Guidance over time',
  guidanceTimelineLede: 'Forecasts given for this segment, call by call, with the outcome where a later call on this site reports the period.',
  segmentNoGuidance: 'No call on this site gave a forecast for this segment.',
  // Q&A digest
  qaDigest: 'Q&A digest',
  qaLede: 'One item per exchange; where the call has several transcripts, their versions of an exchange are one item. The answer shows its key sentences: those stating a figure or a forecast first, then those explaining one, in the order said, at most four.',
  question: 'Question',
  answer: 'Answer',
  touchesOn: 'Touches on',
  versions: 'Versions',
  alsoRecordedAs: 'also recorded as',
  analystsAsked: 'Analysts asked',
  // highlights
  highlights: 'Segment highlights',
  highlightsToc: 'Highlights',
  highlightsLede: 'The sentences that carry most information about each segment; a sentence is shown under one segment only.',
  announcementShort: 'announcement',
  machineTranslated: 'machine translation',
  machineTranslatedNote: 'Machine translation from the source; the original is linked.',
  quarterByQuarter: 'Quarter by quarter',
  paragraphCount: (n: number): string => (n === 1 ? 'paragraph' : 'paragraphs'),
};
export type SummaryStrings = typeof summaryEn;

const summaryZh: SummaryStrings = {
  outlook: '展望',
  outlookLede: '管理层在本次电话会上给出的预测与目标（由阅读规则读出），并附原句。',
  noGuidance: '本次电话会中没有读到带数字的预测。',
  guidanceMetric: '指标',
  guidanceValue: '预测',
  guidancePeriod: '针对',
  guidanceQuote: '原话',
  directionOnly: '仅方向',
  constantCurrency: '（按固定汇率）',
  periodNotStated: '未说明期间',
  unassigned: '未说明分部',
  fiscalYear: (fy: string) => `${fy}财年`,
  outcomeIn: (quarter: string) => `结果（${quarter}电话会）`,
  reported: '实际',
  saidBefore: '此前的预测',
  saidBeforeLede: '本站此前的电话会对本期给出的预测，以及本次电话会报告的数字。',
  saidBeforeNone: '本站此前的电话会没有对本期给出预测。',
  saidIn: (quarter: string) => `${quarter}电话会所说`,
  thisCall: '本次电话会',
  guidanceRuleTitle: '预测如何判定',
  guidanceRule:
    '预测只与同一指标、同一分部、同一期间、同一单位的数字比较，增长率还须口径相同（同比或环比）；否则为“不可比”，电话会没有报告该数字时为“未报告数字”。区间预测：数字高于区间为“达成”，落在区间内为“区间内”，低于区间为“未达成”。单点预测：数字不低于预测值（允许四舍五入误差：数值的 0.5%，预测为约数时 5%；百分比为 0.05 或 1 个百分点）为“达成”，否则为“未达成”。“超过 X”在不低于 X 时达成；“低于 X”在不高于 X 时达成。没有数字的预测（仅方向）和按固定汇率的预测不作判定（报告数字按实际汇率计算）。',
  remarks: '其他前瞻性表述',
  guidanceTimeline: '历次预测',
  guidanceTimelineLede: '各次电话会对该分部给出的预测；本站后续电话会报告了该期间时，附结果。',
  segmentNoGuidance: '本站的电话会没有对该分部给出预测。',
  qaDigest: '问答摘要',
  qaLede: '每个问答一条；电话会有多份记录时，同一问答的各个版本合为一条。回答列出要点句：先是说出数字或预测的句子，其次是解释原因的句子，按原顺序，最多四句。',
  question: '提问',
  answer: '回答',
  touchesOn: '涉及',
  versions: '版本',
  alsoRecordedAs: '另一记录作',
  analystsAsked: '分析师提问',
  highlights: '分部要点',
  highlightsToc: '分部要点',
  highlightsLede: '每个分部信息量最大的句子；同一句只列在一个分部下。',
  announcementShort: '公告',
  machineTranslated: '机器翻译',
  machineTranslatedNote: '来源提供的机器翻译；原文见链接。',
  quarterByQuarter: '各季度要点与提问',
  paragraphCount: (_n: number) => '段',
};

export const SUMMARY_UI: Record<Edition, SummaryStrings> = { en: summaryEn, zh: summaryZh };

/** Outcome of a forecast, as the page names it. */
export const OUTCOME_LABEL: Record<Edition, Record<'met' | 'in-range' | 'missed' | 'no-figure' | 'not-comparable' | 'direction', string>> = {
  en: { met: 'met', 'in-range': 'in range', missed: 'missed', 'no-figure': 'no figure stated', 'not-comparable': 'not comparable', direction: 'not judged (direction only)' },
  zh: { met: '达成', 'in-range': '区间内', missed: '未达成', 'no-figure': '未报告数字', 'not-comparable': '不可比', direction: '不作判定（仅方向）' },
};

// quarter page: headline strip, comparisons, tables
/** What a comparison quarter is to the quarter shown: the same quarter a year earlier, or the quarter before. */
type Against = { readonly basis: 'yoy' | 'qoq'; readonly label: string };

const quarterEn = {
  breadcrumb: 'Breadcrumb',
  headline: 'Headline figures',
  headlineSegments: 'By segment',
  moreFigures: 'All figures',
  keyFigures: 'Key figures',
  figuresIntro: 'Every value links to the sentence it was read from; hover over it or focus it to read the sentence.',
  metric: 'Metric',
  value: 'Value',
  yoy: 'YoY',
  qoq: 'QoQ',
  computed: 'computed',
  /** Explains the change columns: what is stated, what is computed against which quarter. */
  changesRule: (against: readonly Against[], qoq: boolean) =>
    `${qoq ? 'YoY and QoQ are the growth rates' : 'YoY is the growth rate'} the call states. ` +
    (against.length === 0
      ? 'This site has no call of the quarter before or of the same quarter a year earlier, so no change is computed.'
      : `Where the call states none, the change is computed against ${against.map((a) => `the ${a.basis === 'yoy' ? 'same quarter a year earlier' : 'quarter before'} (${a.label})`).join(' or ')} and marked “computed”; never for a loss or from one, and never between growth rates.`),
  computedAgainst: (label: string, value: string) => `computed against ${label} (${value})`,
  revenueBySegment: (against: Against | undefined) => `Revenue by segment${against ? `, against ${against.label}` : ''}`,
  revenueBySegmentNote: (against: Against) =>
    `${against.label} is ${against.basis === 'yoy' ? 'the same quarter a year earlier' : 'the quarter before'}; segments may have been reorganised in between.`,
  /** The badge on a value the call's transcripts state differently (named in `disputedNote`). */
  disputed: 'sources differ',
  disputedNote: 'Values marked “sources differ” are stated differently by this call’s transcripts; both are shown.',
  unassignedTitle: (n: number) => `Figures not attributed to a segment (${n})`,
  unassignedNote: 'The text does not say which segment these belong to (a sub-business, or a name misheard by speech recognition), so they are kept out of the table above.',
  figuresByQuarter: 'Figures by quarter',
  trends: 'Trends',
  /** A segment page's charts of a segment reported only in some quarters (labels of the first and last). */
  trendsReportedOnly: (from: string | undefined, until: string | undefined) =>
    `This segment was reported only${from ? ` from ${from}` : ''}${until ? ` until ${until}` : ''}; the charts cover those quarters and are not joined to the segments that came before or after it.`,
  trendsAxisNote: 'Every quarter in the range is on the axis; quarters the site has no call for, or whose call did not state the figure, are left empty.',
};
export type QuarterStrings = typeof quarterEn;

const quarterZh: QuarterStrings = {
  breadcrumb: '位置',
  headline: '核心数据',
  headlineSegments: '各分部',
  moreFigures: '全部数据',
  keyFigures: '关键数据',
  figuresIntro: '每个数值都链接到原文中说出它的句子；将鼠标移到数值上或用键盘选中即可查看该句。',
  metric: '指标',
  value: '数值',
  yoy: '同比',
  qoq: '环比',
  computed: '推算',
  changesRule: (against, qoq) =>
    `${qoq ? '同比、环比' : '同比'}为电话会本身说明的增长率。` +
    (against.length === 0
      ? '本站没有收录上一季度或上年同季度的电话会，因此不推算变化。'
      : `电话会未说明时，按${against.map((a) => `${a.basis === 'yoy' ? '上年同季度' : '上一季度'}（${a.label}）`).join('或')}推算并标注“推算”；亏损或由亏损起算的数值、增长率之间的差值均不推算。`),
  computedAgainst: (label, value) => `对比 ${label}（${value}）推算`,
  revenueBySegment: (against) => `各分部收入${against ? `，对比 ${against.label}` : ''}`,
  revenueBySegmentNote: (against) => `${against.label}为${against.basis === 'yoy' ? '上年同季度' : '上一季度'}；分部在两个季度之间可能有调整。`,
  disputed: '来源不一致',
  disputedNote: '标有“来源不一致”的数据在本季度的不同记录中数值不同，两者均列出。',
  unassignedTitle: (n) => `未能归入业务分部的数据（${n}）`,
  unassignedNote: '原文没有说明这些数据属于哪个分部（例如子业务，或语音识别听错了名称），因此不计入上表。',
  figuresByQuarter: '各季度数据',
  trends: '趋势',
  trendsReportedOnly: (from, until) =>
    `该分部只在${from ? ` ${from} 起` : ''}${until ? `至 ${until}` : ''}的季度披露；图表不包含其他季度，也不与重组后的其他分部连成一条线。`,
  trendsAxisNote: '横轴列出区间内的每个季度；本站没有收录电话会或电话会未提及的季度留空。',
};

export const QUARTER_UI: Record<Edition, QuarterStrings> = { en: quarterEn, zh: quarterZh };

/** The search page: its text and the strings its script shows (`{n}` a number, `{calls}` the number of calls). */
export const SEARCH_UI = {
  en: {
    title: 'Search',
    description: 'Search every call, in Chinese and English',
    breadcrumb: 'Breadcrumb',
    lede: 'Every call\'s paragraphs, figures and Q&A exchanges, newest quarter first. Simplified and Traditional Chinese match each other, English words their other forms ("margins" finds "margin"), and abbreviations their meaning (FCF finds free cash flow and 自由现金流).',
    formLabel: 'Search all calls',
    inputLabel: 'Search for',
    placeholder: 'e.g. free cash flow, 阿里云, buyback',
    all: 'All',
    company: 'Company',
    speaker: 'Speaker',
    figuresOnly: 'Figures only',
    noJs: 'Search needs JavaScript.',
    searching: 'Searching…',
    none: 'No results.',
    count: '{n} results in {calls} calls',
    countSoFar: '{n} results in the first {calls} calls; more may follow',
    more: 'Show more results',
    groupCount: '({n})',
    offline: '(offline search)',
    kind_paragraph: 'Paragraph',
    kind_figure: 'Figure',
    kind_exchange: 'Q&A exchange',
  },
  zh: {
    title: '搜索',
    description: '在所有电话会中搜索中英文内容',
    breadcrumb: '位置',
    lede: '搜索所有电话会的段落、数据和问答，最新的季度在前。简体和繁体互相匹配，英文词的不同词形互相匹配（margins 可找到 margin），缩写和常见转写错误也会一并搜索（FCF 可找到自由现金流）。',
    formLabel: '搜索全部电话会',
    inputLabel: '搜索内容',
    placeholder: '例如：净利润、阿里云、take rate',
    all: '全部',
    company: '公司',
    speaker: '发言人',
    figuresOnly: '只看数据',
    noJs: '搜索需要启用 JavaScript。',
    searching: '正在搜索…',
    none: '没有找到结果。',
    count: '在 {calls} 场电话会中找到 {n} 条结果',
    countSoFar: '在前 {calls} 场电话会中找到 {n} 条结果，后面可能还有',
    more: '显示更多结果',
    groupCount: '（{n}）',
    offline: '（离线搜索）',
    kind_paragraph: '段落',
    kind_figure: '数据',
    kind_exchange: '问答',
  },
} satisfies Record<Edition, Record<string, string>>;

/**
 * Copy-link controls and the citations they copy (site.ts reads them from the page). A figure's
 * citation: `{company} {quarter} — {metric}: {value} — “{quote}” — {url}`.
 */
export const CITE_UI = {
  en: { copy: 'Copy link', copied: 'Copied', copyFailed: 'Select the text and copy it', fallbackTitle: 'Copy this citation', close: 'Close', sep: ' — ', colon: ': ', open: '"', close_q: '"' },
  zh: { copy: '复制链接', copied: '已复制', copyFailed: '请选中文字后复制', fallbackTitle: '复制此引用', close: '关闭', sep: ' — ', colon: '：', open: '“', close_q: '”' },
} satisfies Record<Edition, Record<string, string>>;

/**
 * How values are written (src/lib/format.ts): the qualifier of an approximate value, the basis
 * of a growth rate (before the rate in Chinese, after it in English), percentage points.
 */
export const FORMAT_UI = {
  en: { moreThan: '>', about: '~', lessThan: '<', yoy: ' YoY', qoq: ' QoQ', basisFirst: false, pp: ' pp' },
  zh: { moreThan: '超过 ', about: '约 ', lessThan: '不到 ', yoy: '同比 ', qoq: '环比 ', basisFirst: true, pp: ' 个百分点' },
} satisfies Record<Edition, { moreThan: string; about: string; lessThan: string; yoy: string; qoq: string; basisFirst: boolean; pp: string }>;

/** Chart axes and a cited metric's segment (src/lib/charts.ts, src/lib/citation.ts). */
export const CHART_UI = {
  en: { growthAxis: 'YoY growth %', topicsAxis: '% of paragraphs mentioning the topic', withSegment: (metric: string, segment: string) => `${metric} (${segment})` },
  zh: { growthAxis: '同比增长 %', topicsAxis: '提及该话题的段落占比 %', withSegment: (metric: string, segment: string) => `${metric}（${segment}）` },
} satisfies Record<Edition, { growthAxis: string; topicsAxis: string; withSegment: (metric: string, segment: string) => string }>;
