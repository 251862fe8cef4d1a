/**
 * Segments of a company that has no profile, read from how its call presents them: "our
 * Diagnostics segment", "the Warehouse Robots segment", "Diagnostics segment revenue",
 * "仓储机器人分部". Only what management says counts (never an analyst or the operator), and a
 * name must be presented as a segment at least once; ids are made from the English names.
 */
import type { Segment } from '../../src/lib/schema.ts';
import type { RawSource } from './raw.ts';
import { chineseScript, compactKey, isRule, slugify, tableCells } from './text.ts';
import { pinyinId } from './identify.ts';
import { NUMBER_WORDS } from './figures/numbers.ts';

/** The heading of a table's first column that lists the company's units. */
const SEGMENT_COLUMN = /^\**\s*(?:(?:reporting|business|operating)\s+)?(?:segments?|divisions?|business(?:es|\s+areas?|\s+units?|\s+lines?)?)\s*(?:\([^()]{1,20}\))?\s*\**$/i;

const WORD = "[A-Z][A-Za-z0-9&'’.-]*";
const NAME = `${WORD}(?:\\s+(?:and|&|of)\\s+${WORD}|\\s+${WORD}){0,3}`;
/** "our X segment(s)", "the X segment", "X segment revenue", "X business segment", "our X division". */
const EN = new RegExp(`(?:\\b(?:our|the|its)\\s+)?\\b(${NAME})\\s+(?:business\\s+)?(?:segments?|divisions?)\\b`, 'g');
/** "our Mobile, Broadband and Enterprise businesses", "its Retail and Wholesale divisions". */
const UNIT_WORDS = '(?:business\\s+)?(?:segments|businesses|divisions|business\\s+units|business\\s+areas|business\\s+groups|operating\\s+units)';
const EN_LIST = new RegExp(`\\b(?:our|its|the)\\s+(${NAME}(?:\\s*,\\s*${NAME})*,?\\s+(?:and|&)\\s+${NAME})\\s+${UNIT_WORDS}\\b`, 'g');
/** "three segments: Mobile, Broadband and Enterprise", "our segments are X and Y". */
const EN_LIST_AFTER = new RegExp(`\\b${UNIT_WORDS}\\s*(?::|are|were|,\\s*namely)\\s*(${NAME}(?:\\s*,\\s*${NAME})*,?\\s+(?:and|&)\\s+${NAME})`, 'g');
/** "the segment results, starting with Motion Systems", "each business, starting with Mobile". */
const EN_STARTING = new RegExp(`\\b(?:segments?|segment\\s+results|businesses|business|divisions?|business\\s+units?)\\b[^.;]{0,30}?\\b(?:starting|start|beginning|begin)\\s+with\\s+(?:our\\s+|the\\s+)?(${NAME})`, 'g');
/**
 * "三大產品線分別為車用電子（Automotive）、工控（Industrial）及消費性（Consumer）": a Chinese list
 * of units, each with its English name in brackets.
 */
const ZH_LIST = /(?:[两兩二三四五六几幾]大|[两兩二三四五六几幾]个|[两兩二三四五六几幾]個)?(?:产品线|產品線|业务板块|業務板塊|板块|板塊|业务分部|業務分部|分部|事业群|事業群|业务|業務)(?:分为|分為|分成)?\s*(?:[两兩二三四五六几幾]大?(?:类|類|块|塊|部分))?\s*(?:分别为|分別為|分别是|分別是|包括|为|為|：|:)(?<list>[^。；;\n]{4,200})/gu;
const ZH_ITEM = /(?<zh>[\p{Script=Han}]{2,10})\s*[（(]\s*(?<en>[A-Z][A-Za-z0-9&'’. -]{1,40}?)\s*[)）]/gu;
/** "CCB reported net income of $3.6 billion", "Next, the CIB reported revenue": a business that reports a result. */
const EN_REPORTER = new RegExp(
  `(?:^|[.!?;,]\\s+|\\b(?:and|next|then|finally|now)\\s*,?\\s+)(?:the\\s+)?(${NAME})(?:\\s+(?:business|segment|division))?\\s+(?:reported|delivered|posted|generated|recorded)\\s+(?:(?:a|an|its|record|total|GAAP|adjusted|non-GAAP)\\s+)*(?:net income|net loss|net profit|revenues?|sales|operating (?:income|profit|loss)|pretax income|EBITDA|EBITA|earnings)\\b`,
  'g',
);
/** A unit named with its initials: "IDG or Intelligent Devices group", "SSG, our Solutions and Services group", "Cloud Services Group (CSG)". */
const UNIT = `[A-Z][a-z]+(?:\\s+(?:and\\s+|&\\s+)?[A-Z][a-z]+){0,3}\\s+(?:[Gg]roup|[Ss]egment|[Dd]ivision)`;
const EN_INITIALS_FIRST = new RegExp(`\\b([A-Z]{2,5}),?\\s+(?:or|our|or\\s+our|the)\\s+(${UNIT})\\b`, 'g');
const EN_INITIALS_AFTER = new RegExp(`\\b(${UNIT})\\s*(?:\\(|,\\s*or\\s+)([A-Z]{2,5})\\b`, 'g');
/** "下面我们来看分部业绩，首先是公有云。": the first of the segments the speaker goes through. */
const ZH_STARTING = /(?:分部|业务|業務|板块|板塊)(?:业绩|業績|表现|表現)[，,。]?\s*(?:首先是|首先看|先看)\s*([\p{Script=Han}]{2,8}?)\s*(?:[。，,;；]|$)/gu;
/** "Aftermarket Services revenue was $430 million", "Storage revenue grew": a name as the subject of revenue. */
const EN_REVENUE_OF = new RegExp(
  `(?:^|[.!?]\\s+|[,;]\\s+(?:and|while)\\s+|\\b[Bb]y\\s+(?:segments?|divisions?|business(?:es|\\s+areas?|\\s+units?)?)\\s*[,:]\\s+)(${NAME})\\s+(?:segment\\s+)?(?:revenues?|net sales|sales)\\s+(?:was|were|grew|increased|rose|declined|decreased|fell|reached|totaled|totalled|came in)\\b`,
  'g',
);
/**
 * "… on slide 9 Laboratory Diagnostics sales were 742 million": in a machine transcript without
 * sentence ends, a name in capitals amid lower-case words as the subject of revenue.
 */
const SPOKEN_REVENUE_OF = new RegExp(`(?<=\\b[a-z0-9]+\\s+)(?<!\\bof\\s+)(${NAME})\\s+(?:segment\\s+|division\\s+)?(?:revenues?|net sales|sales)\\s+(?:was|were|grew|increased|rose|declined|decreased|fell|reached|totaled|totalled|came in)\\b`, 'g');
/** "Workflow Cloud, which is still our largest business, grew 17% to $201.3 million": a name that grew to an amount. */
const EN_GREW_TO = new RegExp(
  `(?:^|[.!?]\\s+|[,;]\\s+(?:and|while)\\s+)(${NAME})(?:,\\s+(?:which|that|our|the|a|an)\\b[^,.;]{2,60},)?\\s+(?:grew|increased|rose|declined|decreased|fell)\\s+(?:(?:its\\s+)?(?:revenues?|sales)\\s+)?(?:by\\s+)?\\d[\\d.,]*\\s*(?:%|percent)\\s+to\\s+(?:[A-Z]{0,3}\\$|\\$|€|£|¥|[A-Z]{3}\\s)`,
  'g',
);
/** "Home Care, our largest business, had net sales of $1.02 billion": a name, perhaps with an aside, that had revenue. */
const EN_HAD_REVENUE = new RegExp(
  `(?:^|[.!?]\\s+|[,;]\\s+(?:and|while)\\s+)(${NAME})(?:\\s+(?:business|segment|division))?(?:,\\s+[a-z][^,.;]{2,40},)?\\s+(?:had|posted|delivered|generated|recorded)\\s+(?:(?:total|net|segment)\\s+)?(?:revenues?|sales)\\s+of\\b`,
  'g',
);
/** A name standing as a sentence of its own, followed by its revenue: "Medical Devices. Revenue was …". */
const NAME_HEADING = new RegExp(`(?:^|[.!?]\\s+)(?:(?:First|Second|Third|Fourth|Fifth|Next|Then|Finally|Lastly),?\\s+)?(${NAME})(?:,?\\s+on\\s+(?:slide|page)\\s+\\d+)?\\.\\s+(?:Revenues?|Net sales|Sales|Segment revenues?|Orders)\\s+(?:was|were|grew|increased|rose|declined|decreased|fell|reached|came in|totaled|totalled)\\b`, 'g');
/** "- Orthopaedics: sales of CHF 318.7 million, up 1.1%": one unit of a bulleted list. */
const EN_BULLET = new RegExp(`^\\s*[-*•·]\\s+(${NAME})\\s*[:：–—-]\\s*(?:revenues?|net sales|sales|net revenues?)\\s+(?:of|was|were|grew|increased|rose|declined|decreased|fell|reached)\\b`);
/** "Surgical Solutions: net sales of SEK 1,012 million" opening a paragraph or sentence. */
const NAME_COLON_SALES = new RegExp(`(?:^|[.!?]\\s+)(${NAME})\\s*:\\s+(?:net sales|revenues?|sales|net revenues?)\\s+(?:of|was|were|grew|increased|rose|declined|decreased|fell|reached)\\b`, 'g');
/** "Turning to Diagnostics.", "Moving on to Home Care," as a sentence's opening. */
const TURNING_TO = new RegExp(`(?:^|[.!?]\\s+)(?:Turning|Moving(?:\\s+on|\\s+next)?|Now\\s+turning|Next,?\\s+(?:turning|moving)|Shifting)\\s+to\\s+(?:our\\s+|the\\s+)?(${NAME})(?:\\s+(?:segment|division|business))?\\s*[.,:]`, 'g');
/** "Sensing and Instrumentation was steadier. Revenue of $296.7 million …": a paragraph that opens on a name, in a walk through the units. */
const PARAGRAPH_OPENS_ON_NAME = new RegExp(`(?:^\\W*|[.!?]\\s+)(${NAME})\\s+(?:was|were|had|delivered|grew|saw|posted|remained|continued|continues|performed|declined|rounded out)\\b`, 'g');
const REVENUE_AMOUNT_EN = /\b(?:[Rr]evenues?|[Ss]ales|[Nn]et sales)\b(?:[^.;]|\.\d){0,40}?(?:[$€£¥]|\b[A-Z]{3}\s?)\d/;
/** "Motion & Drives, our largest segment, had …": a name the sentence calls one of the company's units. */
const NAME_APPOSITIVE = new RegExp(`(?:^|[.!?]\\s+|\\b(?:start|starting|begin|beginning)\\s+with\\s+)(${NAME}),\\s+(?:our|its|the\\s+company's)\\s+(?:[a-z-]+\\s+){0,3}(?:segment|division)\\b`, 'g');
/** "Our US Generics business had a very strong quarter.": a sentence about how one of the company's units did. */
const OUR_BUSINESS_DID = new RegExp(`(?:^|[.!?]\\s+)Our\\s+(${NAME})\\s+(?:business|segment|division)\\s+(?:had|reported|delivered|posted|generated|grew|saw|recorded|continued|performed)\\b`, 'g');
/** "Moving next to our AWS segment. Revenue was $33 billion": initials a topic sentence turns to, with results right after. */
const INITIALS_TURN = /(?:^|[.!?]\s+)(?:Turning|Moving(?:\s+on|\s+next)?|Now\s+turning|Next,?\s+(?:turning|moving)|Shifting)\s+to\s+(?:our\s+|the\s+)?([A-Z]{2,5})\s+(?:segment|division)\.\s+(?:Segment\s+)?(?:[Rr]evenues?|[Nn]et sales|[Ss]ales|[Oo]perating (?:income|profit|loss))\s+(?:was|were|grew|increased|rose|declined|decreased|fell|reached|of)\b/g;
const IN_NAME_REVENUE = new RegExp(`(?:^|[.!?]\\s+)In\\s+(?:our\\s+|the\\s+)?(${NAME})(?:\\s+(?:segment|division|business))?,\\s+(?:the\\s+)?(?:(?:net|total)\\s+)?(?:revenues?|net sales|sales)\\s+(?:was|were|grew|increased|rose|declined|decreased|fell|reached)\\b`, 'g');
/** "In Home Care, revenue grew …" at a sentence's opening. */
const IN_NAME = new RegExp(`(?:^|[.!?]\\s+)In\\s+(?:our\\s+|the\\s+)?(${NAME})(?:\\s+(?:segment|division|business))?,`, 'g');

/** A name as a literal in a regular expression. */
function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The id of a segment named in English: "Test & Measurement" -> `test-and-measurement`. */
function segmentId(name: string): string {
  return slugify(name.replace(/\s*&\s*/g, ' and '));
}

/** "Let me walk through the segments", "turning to our divisions", "each of our businesses". */
const WALK_THROUGH = /\b(?:results\s+by\s+(?:segment|division|business)|now\s+by\s+segment|segment\s+by\s+segment)\b|(?:^|[.!?]\s+)(?:(?:Now|Next|So|And)\s*,?\s+)?(?:[Ll]ooking\s+)?[Bb]y\s+(?:segment|division|business\s+area|business\s+unit|business)s?\s*[,.:]|\b(?:walk(?:\s+you)?\s+through|take\s+you\s+through|go\s+through|turn(?:ing)?\s+(?:now\s+)?to|(?:now|next|let's\s+go|on)\s*,?\s+to|mov(?:e|ing)\s+(?:on\s+)?to|review|look\s+at|talk\s+about|discuss|(?:a\s+few\s+)?words?\s+on|comments?\s+on)\s+(?:the|our|each\s+of\s+our|each)\s+(?:(?:two|three|four|five|six|operating|reporting|business)\s+)?(?:segments|divisions|business\s+units|business\s+areas|businesses|product\s+groups|product\s+lines|business\s+lines)\b|\btake\s+(?:the|our)\s+(?:(?:three|four|five|six|operating|reporting|business)\s+)?(?:segments|divisions|businesses)\s+(?:in\s+turn|one\s+by\s+one|one\s+at\s+a\s+time)\b/i;
/** Words that start a measure, not a name: "Total revenue was", "Product revenue was". */
const MEASURE_WORDS = /^(?:Total|Net|Gross|Operating|Consolidated|Adjusted|Reported|Organic|Recurring|Quarterly|Annual|Deferred|Other|Interest|Group|Overall|Segment|Company|Worldwide|Global|GAAP|Non-GAAP|Revenue|Sales|EBITDA|EBITA|EBIT|EPS|Profit|Income|Earnings|Margin|Margins|Cash|Orders|Bookings|Backlog|ARR|Volume|Volumes|Shipments|Deliveries)$/;
/** Subjects that are not a business's name. */
/** Most of management's sentences start in lower case: a machine transcript without capitals. */
function lowerCase(paragraphs: readonly string[]): boolean {
  const starts = paragraphs.flatMap((p) => p.match(/(?:^|[.!?]\s+)([A-Za-z])/g) ?? []);
  return starts.length >= 10 && starts.filter((x) => /[a-z]$/.test(x)).length >= 0.6 * starts.length;
}
/** "now the divisions.", "by division,", "let's go through the segments": a walk through the units, in lower case. */
const LOWER_WALK = /(?:^|[.!?]\s+)(?:(?:now|next|so|and|ok|okay|turning to|moving to|on to)\s*,?\s+)?(?:the\s+|our\s+)?(?:segments|divisions|businesses|business units)\s*(?:[.:,]|$|(?=\s+(?:um|uh|er)\b))|\bby\s+(?:segment|division|business)\s*[,.:]|\b(?:(?:go|walk|run)\s+(?:you\s+)?through|(?:go|turn|move|come)\s+(?:on\s+)?to)\s+(?:the|our|each of our)\s+(?:(?:two|three|four|five|six)\s+)?(?:segments|divisions|businesses)\b/i;
/**
 * A paragraph of a walk through the units that opens on one: "industrial sensors had sales of",
 * "lab solutions our largest division had sales of", "and lifecycle services grew", or says what
 * it is first: "base metals which is essentially the copper mine plus …", "precious metals so
 * that's the two gold mines …".
 */
const LOWER_UNIT_OPENS = /^\s*(?:and\s+|next\s+|then\s+|finally\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)\s+(?:our\s+[a-z]+\s+(?:division|segment|business)\s+)?(?:had|posted|reported|grew|delivered|recorded|which\s+is|(?:so\s+)?that's|that\s+is)\b/;
/** "aerospace revenue was", "energy services revenue was": a lower-case name of one to three words as revenue's subject. */
const LOWER_REVENUE_OF = /(?:^|[.!?;]\s+|,\s+(?:and\s+)?|\band\s+)([a-z][a-z&-]+(?:\s+(?:and\s+|&\s+)?[a-z][a-z&-]+){0,2})\s+(?:segment\s+|division\s+)?(?:revenues?|sales)\s+(?:was|were|grew|increased|rose|declined|decreased|fell|came in)\b/g;
/** "let me talk about the three segments starting with stores …": a walk that says how many units it goes through, and names the first. */
const COUNTED_WALK = /\b(two|three|four|five)\s+(?:segments|divisions|businesses|business units)\s*,?\s+(?:starting|beginning)\s+with\s+(.+)$/i;
/** How the paragraphs after such a walk turn to the next unit: "let me turn to digital", "and then Tidewell Pro", "finally …". */
const NEXT_UNIT = /^\s*(?:(?:so|and|ok|okay|um|uh)\s+)*(?:(?:(?:let\s+me|let's|i'll|we'll)\s+)?(?:turn|move|go)\s+(?:now\s+)?(?:on\s+)?to|turning\s+(?:now\s+)?to|moving\s+(?:on\s+)?to|and\s+then|then|next|finally|lastly)\s+(.+)$/i;
/** Words that end a unit's name said in passing: "stores the stores segment …", "digital which continues …", "Tidewell Pro our business …". */
const NAME_ENDS = /^(?:the|which|our|so|that|is|was|where|um|uh|and|with|who|this|it|its|we|a|an|in|of|for|to|at|as|has|had|have|continues|continued|grew|were|are|now|segment|division|business|i|you)$/i;

/** The one to three words that open `text` before a word that ends a name; undefined when none. */
function leadName(text: string): string | undefined {
  const words: string[] = [];
  for (const w of text.split(/\s+/)) {
    const word = w.replace(/[.,;:!?]+$/, '');
    if (!word || NAME_ENDS.test(word) || !/^[A-Za-z][A-Za-z&-]*$/.test(word)) break;
    words.push(word);
    if (word !== w || words.length > 3) break;
  }
  return words.length >= 1 && words.length <= 3 ? words.join(' ') : undefined;
}

/** Words that start a measure or a clause, not a unit's name. */
const LOWER_NOT_NAME = /^(?:the|our|total|group|net|gross|organic|reported|underlying|adjusted|so|and|but|also|then|now|its|their|product|service|services|subscription|recurring|other|quarterly|annual|first|second|third|fourth|q[1-4]|full year|that|which|this)\b|\b(?:the|our|total|organic|reported|underlying|group)$/;

/** "Revenue in the cloud segment", "sales of the services segment": a unit named in lower case with "segment". */
const LOWER_SEGMENT_REVENUE = /\b(?:[Rr]evenues?|[Ss]ales)\s+(?:in|of|from|at)\s+the\s+([a-z][a-z-]*(?:\s+(?:and\s+)?[a-z][a-z-]*){0,4}?)\s+(?:segment|division)\b/g;
/** Subscription and professional services revenue, each with its amount (or growth) in the same sentence. */
const LINE_VERB = String.raw`(?:revenues?|sales)\s+(?:(?:for|in)\s+(?:the\s+)?(?:quarter|Q[1-4])\s+)?(?:was|were|grew|increased|rose|declined|decreased|fell|came in|reached|totaled|totalled)\b[^.;]{0,40}?(?:[$€£¥]|\b[A-Z]{3}\s?)\d`;
const REVENUE_LINES = [
  { name: 'Subscription', re: new RegExp(String.raw`(?:^|[.!?]\s+|,\s+(?:and\s+)?|\band\s+)[Ss]ubscription\s+${LINE_VERB}`) },
  { name: 'Professional Services', re: new RegExp(String.raw`(?:^|[.!?]\s+|,\s+(?:and\s+)?|\band\s+)[Pp]rofessional\s+services\s+${LINE_VERB}`) },
];
/** "Net revenue was RMB 6.82 billion", "Total revenues were $1.2 billion": the company's revenue, opening a breakdown. */
const TOTAL_REVENUE_SENTENCE = /(?:^|[.!?]\s+)(?:Net|Total|Total net)\s+revenues?\s+(?:was|were|grew|increased|rose|reached|came in)\b/;
/** "Accommodation reservation revenue was RMB 2.91 billion": a name in sentence case with an amount of revenue. */
const SENTENCE_CASE_REVENUE = /(?:^|[.!?]\s+)([A-Z][a-z]+(?:[- ][a-z]+){0,3})\s+revenues?\s+(?:was|were|grew|increased|rose|declined|decreased|fell|reached|came in)\b[^.!?]{0,40}?(?:RMB|US\$|HK\$|\$|€|£|¥|₹|\b[A-Z]{3}\b)\s?\d/g;

/** "By segment: <item>; <item>; and <item>." up to the end of the sentence (a decimal point is none). */
const BY_SEGMENT_LIST = /\b[Bb]y\s+(?:segments?|divisions?|business(?:es)?)\s*[:,]\s*(?<list>(?:[^.;]|\.(?=\d)|;)+)/g;
/** One item of such a list: "the physical stores had net revenue of R$ 2.655,9 million", "and the financial services, of R$ 323,6 million". */
const LIST_ITEM = /^\s*(?:and\s+)?(?:the\s+|our\s+)?([a-z][a-z&-]*(?:\s+[a-z][a-z&-]*){0,3}?)\s*,?\s+(?:had\s+(?:net\s+)?(?:revenues?|sales)\s+of|of|with|reached|totali[sz]ed|was|were)\s+(?:[A-Za-z]{1,3}\$|\$|€|£|¥|₹|[A-Z]{3}\s)?\s*\d/;

/** Words that describe a segment rather than name it. */
const LOWER_NOT_UNIT = /^(?:same|whole|entire|other|largest|smallest|biggest|fastest[- ]growing|new|core|main|reporting|operating|business|company's|group's)$/;

/** A kind of revenue, not a unit that earns it ("Non-interest revenue", "Fee-based revenue grew 13%", "Trading revenue was solid"). */
const REVENUE_KIND = /^(?:Non-interest|Interest|Fee-based|Fees?|Trading|Commissions?|Non-recurring|One-time|Comparable|Comp|Same-store|Like-for-like|Organic)$/;
const PRONOUN = /^(?:We|It|They|He|She|This|That|Management|Company|Group|Firm)$/i;
/**
 * "分业务看，输配电设备业务第三季度实现收入…；新能源装备业务实现收入…", "以產品別來看，車用光學營收為…；消費性電子營收為…":
 * a Chinese breakdown by business or product line.
 */
const ZH_BREAKDOWN_OPENER = /(?:^|[。；;])\s*(?:从|從|按|以)?(?:分业务|分板块|分板塊|分業務|业务板块|業務板塊|各业务|各業務|分产品|分產品|产品别|產品別|产品线|產品線|事业群|事業群|业务别|業務別|应用别|應用別)(?:来|來)?(?:看|划分|劃分|而言|区分|區分)[,，:：]|(?:^|[、.．]\s*)(?:分业务|分業務|分板块|分板塊|分部|各业务|各業務)(?:情况|情況|表现|表現|业绩|業績)\s*[。:：]?\s*$|(?:说明|說明|介绍|介紹|报告|報告|看一下|来看|來看)(?:一下)?各(?:个|個)?(?:产品线|產品線|业务|業務|事业群|事業群|板块|板塊|业务板块|業務板塊)(?:的)?(?:营收|營收|收入|表现|表現|情况|情況)?[。，,:：]/u;
/**
 * After such an opener, a paragraph that opens on a unit and states a revenue with its amount:
 * "光學鏡頭仍是我們最大的產品線。本季營收89.5億元", "車用模組本季表現最為亮眼。營收55.2億元".
 */
const ZH_PARAGRAPH_UNIT = /^([\p{Script=Han}]{2,8}?)(?:業務|业务|產品線|产品线)?(?=仍是|是我們|是我们|是公司|是本季|本季表現|本季表现|本季度表现|本季度表現|方面|則是|则是|也是|[：:])/u;
/** A paragraph that opens on a name and a colon: "企业云服务：…". */
const ZH_COLON_UNIT = /^([\p{Script=Han}]{2,10})\s*[：:]/u;
const ZH_REVENUE_WITH_AMOUNT = /(?:營收|营收|收入)(?:為|为|達|达|約|约)?\s*(?:新台幣|新台币|人民幣|人民币|港幣|港币)?\s*\d|(?:營收|营收|收入)(?:同比|環比|环比)?(?:增长|增長|下降|减少|減少)\s*[\d.]+\s*%\s*(?:至|到)\s*(?:新台幣|新台币|人民幣|人民币|港幣|港币)?\s*\d/u;
/** The company's total revenue, and "其中，" opening a paragraph or sentence after it. */
const ZH_TOTAL_REVENUE = /(?:总收入|總收入|总营收|總營收|营业总收入|營業總收入)(?:为|為|达到|達到|是)/u;
const ZH_OF_WHICH = /^\s*其中[,，]/u;
const ZH_TOTAL_THEN_PARTS = /(?:总收入|總收入|总营收|總營收|营业总收入|營業總收入)(?:为|為|达到|達到|是)[^。]*。\s*其中[,，]/u;
const ZH_BUSINESS_REVENUE = /(?:^|[，,；;。：:]\s*)(?:第?[一二三四]季度|本季度|单季度|單季度)?([\p{Script=Han}]{2,10}?)(?:(?:业务|業務|板块|板塊)(?:第?[一二三四]季度|本季度|单季度|單季度)?(?:实现|實現|录得|錄得|取得)?|(?:实现|實現|录得|錄得|取得)|的?(?=(?:第[一二三四]季度?|本季度?|单季度|單季度)?(?:营业|營業)?(?:收入|营收|營收)(?:为|為|是|达|達|约|約|\s*(?:人民币|人民幣|新台币|新台幣)?\s*\d)))(?:第[一二三四]季度?|本季度?|单季度|單季度)?(?:了)?(?:营业|營業)?(?:收入|营收|營收)/gu;
/** Subjects of "…实现收入" that are the company, not one of its businesses. */
const ZH_NOT_BUSINESS = /^(?:公司|本公司|集团|集團|我们|我們|我司|全年|前三季度|上半年|整体|整體|合计|合計)$|^(?:海外|国内|國內|境外|境内|国际|國際)(?:市场|市場|业务|業務)?$|^(?:实现|實現|录得|錄得|取得|完成|达成|達成|获得|獲得|带来|帶來)|季|合并|合併|累计|累計|^[占佔總总]|^其他$|指引|展望|业绩|業績|利息|费用|費用|成本|利润|利潤|毛利|现金|現金|资本开支|資本支出|税|稅|汇率|匯率|财务|財務|回购|回購|分红|分紅|股息/u;
/** "先谈谈在线游戏。", "第二是广告及营销服务。", "最后是云服务。": a business the speaker enumerates as a topic sentence. */
const ZH_ENUMERATED = /(?:^|[。；！])\s*(?:先谈谈|先谈|先说说|先说|首先是|首先谈谈|第[一二三四五六](?:个|块|塊)?是|其次是|再次是|最后是|最後是)\s*([\p{Script=Han}]{2,10}?)(?:业务|業務|板块|板塊)?\s*(?:[。：:]|[，,](?=\s*(?:这是|這是|这块|這塊|它是)))/gu;
/**
 * "第一，智能终端业务。", "其次，物联网平台与服务业务。": an enumerated heading sentence that names a
 * unit as a business, segment or division, whose results follow without repeating the name.
 */
const ZH_ENUMERATED_HEADING = /(?:^|[。；！])\s*(?:第[一二三四五六七八][，,、]|首先[，,]|其次[，,]|再次[，,]|然后[，,]|最后[，,]|最後[，,])\s*(?:是|我们的|我們的)?([\p{Script=Han}A-Za-z]{2,12}?)(?:业务|業務|板块|板塊|分部|事业部|事業部|事业群|事業群)\s*[。：:]/gu;
/** Revenue stated with its amount: "本季度收入 22.16 亿元", "实现营收为人民币 15.5 亿元". */
const ZH_REVENUE_AMOUNT = /(?:收入|营收|營收)(?:为|為|达到|達到|约|約|是)?\s*(?:人民币|人民幣|新台币|新台幣|港币|港幣)?\s*\d/u;
/** "下面我们来看出行业务。", "接下来看一下云业务板块，": turning to a business named as one. */
const ZH_LOOK_AT = /(?:下面|接下来|然后|首先)(?:我们)?(?:再)?(?:来)?看(?:一下|一看)?\s*([\p{Script=Han}]{2,8}?)(?:业务|業務|板块|板塊|分部)\s*[。，,：:]/gu;
/** "企业服务方面，本季度收入为人民币 42.5 亿元": a paragraph that opens on a unit and states its revenue. */
const ZH_ASPECT_REVENUE = /^([\p{Script=Han}]{2,8}?)(?:业务|業務|板块|板塊|分部)?方面[，,]\s*(?:本季度|本季|第[一二三四]季度|单季度)?[^。]{0,12}?(?:收入|营收|營收|收益)/u;
/** "网络游戏（Online Games）业务": a business named in Chinese with its English name. */
const ZH_EN_PAIR = /([\p{Script=Han}]{2,14})\s*[（(]\s*([A-Z][A-Za-z&'’ -]{1,40}?)\s*[)）]\s*(?:业务|業務|板块|板塊|分部|事业部|事業部|事业群|事業群)/gu;
/** "智能制造业务，也就是 Intelligent Manufacturing，我们内部简称 IM", "新能源装备，英文是 New Energy Equipment，简称 NEE". */
const ZH_EN_SAID = /(?:^|[。；;，,：:]\s*)([\p{Script=Han}]{2,12}?)(?:业务|業務|板块|板塊|分部)?[，,]\s*(?:也就是|英文是|英文叫|英文名是|英文为|英文為)\s*([A-Z][A-Za-z&'’ -]{2,40}?)\s*(?:[，,]\s*(?:我们|我們)?(?:内部|內部)?(?:简称|簡稱|缩写为|縮寫為|缩写是)\s*([A-Z]{2,5})\b)?(?=[，,。；;]|$)/gu;
/** "第一个是工业自动化业务，简称IA，也就是 Industrial Automation": the initials said before the English name. */
const ZH_INITIALS_THEN_EN = /(?:^|[。；;，,：:]\s*)([\p{Script=Han}]{2,14}?)(?:业务|業務|板块|板塊|分部)?[，,]\s*(?:我们|我們)?(?:内部|內部)?(?:简称|簡稱)\s*([A-Z]{2,5})\b\s*[，,]\s*(?:也就是|英文是|英文叫|英文名是|英文为|英文為)\s*([A-Z][A-Za-z&'’ -]{2,40}?)\s*(?=[，,。；;]|$)/gu;
/** Words before a business's name in such a sentence: "先说", "也就是我们的". */
const ZH_FILLER = /^.*(?:先说|先說|再说|再說|接着说|接著說|然后是|然後是|其次是|最后是|最後是|第[一二三四五六]块是|第[一二三四五六]塊是|第[一二三四五六](?:个|個)是|也就是|就是|我们的|我們的|首先是)/u;
/** "光通訊事業部第三季營收為…": a unit named with its suffix at the start of a clause, then its revenue. */
const ZH_UNIT_REVENUE = /(?:^|[。；;：:，,、])\s*([\p{Script=Han}]{2,8}?(?:事業部|事业部|事業群|事业群))\s*(?:本季度?|第[一二三四]季度?|今年第[一二三四]季度?)?\s*(?:的)?(?:營收|营收|營業收入|营业收入|收入)/gu;
/** "X 分部", "X分部", "X 事业部". */
const ZH = /([\p{Script=Han}]{2,8})\s*(?:分部|業務分部|业务分部)/gu;
/** Rows of a segment table that are no unit: totals' parts and reconciling items. */
const NOT_A_UNIT_ROW = /^(?:other|others|eliminations?|adjustments?|reconciliations?|unallocated|inter-?segment|central(?:\s+(?:costs|items|functions))?|head office|corporate(?:\s+(?:and other|items|costs|functions))?)\b/i;

/** Words that qualify "segment" without naming one. */
const NOT_A_NAME =
  /^(?:each|every|this|that|these|those|our|the|a|an|one|two|three|four|both|all|other|new|largest|biggest|smallest|fastest|reportable|operating|business|key|core|same|which|what|every|total|Q[1-4]|First|Second|Third|Fourth|In|On|At|For|And|But|So|As|Our|The|This|That|Each|Both|All|By|Within|Across|Turning|Moving|Looking|Full-year|Full|Fiscal|Annual|Quarterly|Year-to-date|Now|Finally|Then|Next)$/;
const ZH_NOT = /^(?:各个|每个|所有|其他|主要|这个|该|本|两个|三个|四个|业务|报告)$/u;

/** A period, not a business: "Fourth-quarter revenue was …", "Full-year sales", "First-half revenue". */
const PERIOD_NAME = /^(?:(?:first|second|third|fourth|final)[- ](?:quarter|half)|full[- ]year|half[- ]year|year[- ]to[- ]date|quarterly|nine[- ]month|twelve[- ]month)$/i;

/** A word that names a period: "FY2026" of "In Q1 FY2026, net sales were …", "1H", "3Q25", "2025". */
const PERIOD_TOKEN = /^(?:FY|CY|H|Q)\d{1,4}$|^[1-4](?:Q|H)(?:\d{2})?$|^(?:19|20)\d{2}$|^Q[1-4]FY\d{2,4}$/;

function cleanName(raw: string): string | undefined {
  const words = raw.trim().split(/\s+/);
  // Drop leading words that are not part of the name ("Turning to Diagnostics" -> "Diagnostics").
  while (words.length > 0 && NOT_A_NAME.test(words[0]!)) words.shift();
  // ("Division Automation", "Segment Rail", as German companies write them: the unit is "Automation".)
  if (words.length > 1 && /^(?:Division|Segment|Sparte|Bereich)$/.test(words[0]!)) words.shift();
  // (Up to four words besides "and", "&" and "of": "Consumer and Small Business Banking".)
  if (words.length === 0 || words.filter((w) => !/^(?:and|&|of)$/.test(w)).length > 4) return undefined;
  if (words.some((w) => NOT_A_NAME.test(w) || PERIOD_TOKEN.test(w))) return undefined;
  const name = words.join(' ').replace(/[’']s$/, '');
  if (!/^[A-Z]/.test(name) || NOT_A_NAME.test(name) || PERIOD_NAME.test(name)) return undefined;
  return name;
}

/** The segments the call presents, in order of first mention. */
export function segmentsFromText(raw: RawSource): Segment[] {
  const found = new Map<string, Segment>();
  const add = (id: string, segment: Omit<Segment, 'id'>) => {
    if (!id || id === 'group' || found.has(id)) return;
    found.set(id, { id, ...segment });
  };
  const reporters: string[] = [];
  let breakdownFrom = false;
  const breakdownNames = new Set<string>();
  let zhWalkThrough = false;
  const zhAspects: string[] = [];
  const enumerated = new Set<string>();
  /** Business units named with their suffix that state revenue of their own ("光通訊事業部第三季營收為…"). */
  const zhUnits = new Set<string>();
  const revenueSubjects: string[] = [];
  const bulletSubjects: string[] = [];
  /** A segment named only in Chinese: its id is the pinyin of its name (`智能硬件` -> `zhinengyingjian`). */
  const addZh = (name: string) => {
    if (name.length < 2 || ZH_NOT.test(name) || [...found.values()].some((s) => s.aliases.includes(name))) return;
    const id = pinyinId(name);
    if (id) add(id, { names: { en: name, [chineseScript(name) ?? 'zh-Hans']: name }, aliases: [name], metrics: [], origin: 'text' });
  };
  const initialsBeforeSegment: string[] = [];
  /** A unit and its initials, when the initials are the unit's ("IDG" for Intelligent Devices Group). */
  const addInitials = (long: string, initials: string) => {
    const words = long.split(/\s+/).filter((w) => !/^(?:and|&)$/.test(w));
    if (words.map((w) => w[0]!.toUpperCase()).join('') !== initials) return;
    const name = cleanName(long.replace(/\b(group|segment|division)$/, (w) => w[0]!.toUpperCase() + w.slice(1)));
    if (!name) return;
    const id = segmentId(name);
    const had = found.get(id);
    if (had) found.set(id, { ...had, aliases: [...new Set([...had.aliases, initials])] });
    else add(id, { names: { en: name }, aliases: [name, initials], metrics: [], origin: 'text' });
  };
  const addEn = (raw: string) => {
    // A name ends with its sentence ("starting with Motion Systems. Revenue was …").
    const name = cleanName(raw.split(/[.!?]\s/)[0]!.replace(/[.!?]$/, ''));
    if (name) add(segmentId(name), { names: { en: name }, aliases: [name], metrics: [], origin: 'text' });
  };
  let previousText = '';
  const spoken = lowerCase(raw.turns.filter((t) => t.label.role !== 'analyst' && t.label.role !== 'operator').flatMap((t) => t.paragraphs.map((p) => p.text)));
  /** Whether the paragraphs are rows of a table whose first column is headed "Segment", and which. */
  let segmentTable: boolean | undefined;
  /** Whether that table's header names revenue or sales, and the labels of its rows so far. */
  let revenueColumn = false;
  let unitRows: string[] = [];
  let tableLine = 0;
  // (A news report's prose, kept as the announcement, is the company's remarks too.)
  const announced = raw.announcement.length > 0 ? [{ label: { text: '', name: '', role: 'executive' as const }, line: 0, paragraphs: raw.announcement }] : [];
  for (const turn of [...announced, ...raw.turns]) {
    if (turn.label.role === 'analyst' || turn.label.role === 'operator') continue;
    segmentTable = undefined;
    for (const p of turn.paragraphs) {
      // "| Segment | Revenue | YoY |" then "| Retail Banking | SEK 7,410m | +0.9% |": each row a segment.
      const cells = tableCells(p.text);
      // (A blank line between rows ends a table.)
      if (!cells || p.line !== tableLine + 1) {
        segmentTable = undefined;
        unitRows = [];
      }
      if (cells) {
        tableLine = p.line;
        const label = (cells[0] ?? '').replace(/\*+/g, '').trim();
        const total = /^(?:total|group|consolidated)\b/i.test(label);
        if (segmentTable === undefined) {
          segmentTable = SEGMENT_COLUMN.test(label);
          revenueColumn = cells.slice(1).some((c) => /\b(?:revenues?|sales|net sales)\b/i.test(c));
        } else if (segmentTable && !isRule(cells) && !total && !NOT_A_UNIT_ROW.test(label)) addEn(label);
        // A slide's table with a revenue column whose rows end in "Group" or "Total": the rows
        // above that total are the units it adds up ("Built Environment   187.4   +9.1% …").
        else if (!segmentTable && revenueColumn && cells.slice(1).some((c) => /\d/.test(c))) {
          if (total && unitRows.length >= 2) for (const u of unitRows) addEn(u);
          else if (!total && !NOT_A_UNIT_ROW.test(label)) unitRows.push(label);
        }
      }
      // Initials alone before "segment" are as often a customer segment ("the CSP segment",
      // "SMB segments") as a business; they count when spelled out or when they report results.
      for (const m of p.text.matchAll(EN)) {
        if (/^[A-Z]{2,5}$/.test(m[1]!.trim().replace(/^(?:our|the|its)\s+/i, ''))) initialsBeforeSegment.push(m[1]!.trim().replace(/^(?:our|the|its)\s+/i, ''));
        // ("Our Electronic Materials and Specialty Chemicals divisions": two units before a plural.)
        else if (/(?:segments|divisions)$/.test(m[0]) && /\s(?:and|&)\s/.test(m[1]!)) for (const item of m[1]!.split(/\s+(?:and|&)\s+/)) addEn(item);
        else addEn(m[1]!);
      }
      for (const m of [...p.text.matchAll(EN_LIST), ...p.text.matchAll(EN_LIST_AFTER)]) {
        for (const item of m[1]!.split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/)) addEn(item);
      }
      for (const m of p.text.matchAll(EN_STARTING)) addEn(m[1]!);
      for (const m of p.text.matchAll(NAME_APPOSITIVE)) addEn(m[1]!);
      for (const m of p.text.matchAll(EN_REPORTER)) reporters.push(m[1]!);
      for (const m of [...p.text.matchAll(EN_REVENUE_OF), ...p.text.matchAll(EN_HAD_REVENUE), ...p.text.matchAll(EN_GREW_TO)]) revenueSubjects.push(m[1]!);
      if (spoken) for (const m of p.text.matchAll(SPOKEN_REVENUE_OF)) revenueSubjects.push(m[1]!);
      // "In Contract Logistics, revenue grew 4.1%": the name before the revenue is its subject too.
      for (const m of p.text.matchAll(IN_NAME_REVENUE)) revenueSubjects.push(m[1]!);
      // "Factory Automation. Revenue was 92.8 billion yen", "First, Battery Materials. Revenue was
      // …": a unit's name as a heading sentence, perhaps enumerated.
      for (const m of p.text.matchAll(NAME_HEADING)) if (!MEASURE_WORDS.test(m[1]!.split(/\s+/)[0]!)) addEn(m[1]!);
      const bullet = EN_BULLET.exec(p.text);
      if (bullet) bulletSubjects.push(bullet[1]!);
      // "Imaging & Diagnostics: net sales of SEK 706 million": a unit's name as a heading with a colon.
      for (const m of p.text.matchAll(NAME_COLON_SALES)) bulletSubjects.push(m[1]!);
      for (const m of p.text.matchAll(EN_INITIALS_FIRST)) addInitials(m[2]!, m[1]!);
      for (const m of p.text.matchAll(EN_INITIALS_AFTER)) addInitials(m[1]!, m[2]!);
      for (const list of `${p.text}\n${p.translation ?? ''}`.matchAll(ZH_LIST)) {
        for (const item of list.groups!.list!.matchAll(ZH_ITEM)) {
          const zh = item.groups!.zh!.replace(/^(?:及|和|与|與|以及|跟)/u, '');
          const en = cleanName(item.groups!.en!);
          if (!en || zh.length < 2) continue;
          const id = segmentId(en);
          const script = chineseScript(list[0]) ?? 'zh-Hans';
          const had = found.get(id);
          if (had) found.set(id, { ...had, names: { ...had.names, [script]: had.names[script] ?? zh }, aliases: [...new Set([...had.aliases, zh])] });
          else add(id, { names: { en, [script]: zh }, aliases: [en, zh], metrics: [], origin: 'text' });
        }
      }
      const zhText = `${p.text}\n${p.translation ?? ''}`;
      for (const m of zhText.matchAll(ZH)) {
        // "我们的仓储机器人分部": the possessive is not part of the name.
        const name = m[1]!.replace(/^(?:我们的|我們的|我们|我們|本公司的?|公司的?|其中|以及|旗下的?)/u, '');
        if (name.length < 2 || ZH_NOT.test(name)) continue;
        const id = slugify(name);
        // A Chinese name has no ASCII id of its own; it joins an English segment when the pair names one.
        const en = [...found.values()].find((s) => p.text.includes(s.names.en) && p.translation?.includes(name));
        if (en) {
          found.set(en.id, { ...en, names: { ...en.names, 'zh-Hans': en.names['zh-Hans'] ?? name }, aliases: [...new Set([...en.aliases, name])] });
        } else if (/^[a-z0-9-]+$/.test(id) && !/^[0-9a-z]{3,5}(?:-[0-9a-z]{3,5})+$/.test(id)) {
          add(id, { names: { en: name, 'zh-Hans': name }, aliases: [name], metrics: [], origin: 'text' });
        }
        // (A Chinese name alone is not added here: without spaces, the words before 分部 cannot
        // be told from the name, "我们对智能硬件分部" against "智能硬件分部".)
      }
      // "下面我们来看分部业绩，首先是公有云。"
      for (const m of zhText.matchAll(ZH_STARTING)) {
        addZh(m[1]!);
        zhWalkThrough = true;
      }
      // "下面我们来看出行业务。": the speaker turns to a business by name.
      for (const m of zhText.matchAll(ZH_LOOK_AT)) {
        addZh(m[1]!);
        zhWalkThrough = true;
      }
      // "先谈谈在线游戏。本季度在线游戏收入为…", "第二是广告及营销服务。本季度广告及营销服务收入…":
      // an enumerated business whose revenue the next sentence states by the same name.
      for (const m of p.text.matchAll(ZH_ENUMERATED)) {
        const name = m[1]!;
        const rest = p.text.slice(m.index + m[0].length, m.index + m[0].length + 80);
        if (!ZH_NOT_BUSINESS.test(name) && new RegExp(`${name}(?:业务|業務)?(?:的)?(?:收入|营收|營收)`, 'u').test(rest)) enumerated.add(name);
      }
      // "第二，物联网平台与服务业务。…本季度收入 22.16 亿元": a heading that calls the name a business,
      // with a revenue and its amount in the sentences after it.
      for (const m of p.text.matchAll(ZH_ENUMERATED_HEADING)) {
        const name = m[1]!;
        const rest = p.text.slice(m.index + m[0].length, m.index + m[0].length + 80);
        if (!ZH_NOT_BUSINESS.test(name) && !ZH_NOT.test(name) && ZH_REVENUE_AMOUNT.test(rest)) enumerated.add(name);
      }
      // "光通訊事業部第三季營收為新台幣98.7億元": a business unit named with its suffix (事業部, 事业群),
      // at the start of a clause, stating revenue of its own.
      for (const m of p.text.matchAll(ZH_UNIT_REVENUE)) if (!ZH_NOT.test(m[1]!)) zhUnits.add(m[1]!);
      // After that, "企业服务方面，本季度收入为…": each unit the speaker goes on to, with its revenue.
      const aspect = ZH_ASPECT_REVENUE.exec(p.text);
      if (aspect && !ZH_NOT_BUSINESS.test(aspect[1]!)) zhAspects.push(aspect[1]!);
      // "分业务看，A业务实现收入…；B业务实现收入…": two or more businesses each with revenue, in
      // the paragraph that opens the breakdown and the ones after it in the same turn.
      // "第三季度总收入为218.6亿元。" then "其中，车辆销售收入为197.3亿元": the parts of the total.
      const opener = ZH_BREAKDOWN_OPENER.exec(p.text) ?? (ZH_TOTAL_REVENUE.test(previousText) ? ZH_OF_WHICH.exec(p.text) : null) ?? ZH_TOTAL_THEN_PARTS.exec(p.text);
      previousText = p.text;
      if (opener) breakdownFrom = true;
      if (breakdownFrom) {
        const text = opener ? p.text.slice(opener.index) : p.text;
        for (const m of text.matchAll(ZH_BUSINESS_REVENUE)) {
          const name = m[1]!.replace(/^(?:其中|以及|而)/u, '');
          if (name.length >= 2 && !ZH_NOT_BUSINESS.test(name)) breakdownNames.add(name);
        }
        const unit = ZH_PARAGRAPH_UNIT.exec(opener ? p.text.slice(opener.index + opener[0].length).trim() : p.text);
        if (unit && !ZH_NOT_BUSINESS.test(unit[1]!) && !ZH_NOT.test(unit[1]!) && ZH_REVENUE_WITH_AMOUNT.test(p.text)) breakdownNames.add(unit[1]!);
      }
    }
    if (breakdownNames.size >= 2) for (const n of breakdownNames) addZh(n);
    breakdownFrom = false;
    breakdownNames.clear();
  }
  if (zhWalkThrough) for (const a of zhAspects) addZh(a);
  // "企业云服务：第三季度，企业云服务收入为人民币21.7亿元…" then "新能源储能：该业务收入增长 14.7% 至
  // 人民币 11.7 亿元…": two or more of management's paragraphs that open on a name and a colon and
  // state that unit's revenue are the breakdown by business.
  const colonUnits = new Set(
    raw.turns
      .filter((t) => t.label.role !== 'analyst' && t.label.role !== 'operator')
      .flatMap((t) => t.paragraphs.map((p) => ZH_COLON_UNIT.exec(p.text)))
      .filter((m): m is RegExpExecArray => m !== null && ZH_REVENUE_WITH_AMOUNT.test(m.input.slice(m[0].length, m[0].length + 60)) && !ZH_NOT_BUSINESS.test(m[1]!) && !ZH_NOT.test(m[1]!))
      .map((m) => m[1]!),
  );
  if (colonUnits.size >= 2) for (const n of colonUnits) addZh(n);
  if (enumerated.size >= 2) for (const n of enumerated) addZh(n);
  // (Two or more such units: a breakdown, not one product line mentioned.)
  if (zhUnits.size >= 2) for (const n of zhUnits) addZh(n);
  // "先说网络游戏（Online Games）业务", "云与企业服务（Cloud & Enterprise Services）分部": two or
  // more businesses named in Chinese with their English names are segments, by the English name.
  const pairs = new Map<string, string>();
  /** Initials a pair is also called by ("我们内部简称 IM"). */
  const initials = new Map<string, string>();
  for (const t of raw.turns) {
    if (t.label.role === 'analyst' || t.label.role === 'operator') continue;
    for (const p of t.paragraphs) {
      for (const m of `${p.text}\n${p.translation ?? ''}`.matchAll(ZH_EN_PAIR)) {
        const zh = m[1]!.replace(ZH_FILLER, '').replace(/^(?:以及|和|与|與|及)/u, '');
        const en = cleanName(m[2]!);
        if (zh.length >= 2 && en && !ZH_NOT.test(zh)) pairs.set(zh, en);
      }
      // "智能制造业务，也就是 Intelligent Manufacturing，我们内部简称 IM": the English name and initials
      // said in words; or the initials first, "工业自动化业务，简称IA，也就是 Industrial Automation".
      const said = [
        ...[...p.text.matchAll(ZH_EN_SAID)].map((m) => ({ zh: m[1]!, en: m[2]!, initials: m[3] })),
        ...[...p.text.matchAll(ZH_INITIALS_THEN_EN)].map((m) => ({ zh: m[1]!, en: m[3]!, initials: m[2] })),
      ];
      for (const s of said) {
        const zh = s.zh.replace(ZH_FILLER, '').replace(/^(?:分业务来看|分業務來看|其次|然后|然後|首先|另外)[，,]?/u, '');
        const en = cleanName(s.en);
        if (zh.length >= 2 && en && !ZH_NOT.test(zh) && !ZH_NOT_BUSINESS.test(zh)) {
          pairs.set(zh, en);
          if (s.initials) initials.set(zh, s.initials);
        }
      }
    }
  }
  if (pairs.size >= 2) {
    for (const [zh, en] of pairs) {
      const id = segmentId(en);
      const script = chineseScript(zh) ?? 'zh-Hans';
      const had = found.get(id) ?? found.get(pinyinId(zh) ?? '');
      const also = initials.has(zh) ? [initials.get(zh)!] : [];
      if (had) found.set(had.id, { ...had, aliases: [...new Set([...had.aliases, zh, en, ...also])] });
      else add(id, { names: { en, [script]: zh }, aliases: [en, zh, ...also], metrics: [], origin: 'text' });
    }
  }
  // A business that reports its own results is a segment when management's remarks name it
  // again elsewhere (a one-off "X reported" may be a customer or a competitor).
  // (A results announcement quoted with the call, or a news report's prose about the company, is the company's too.)
  const managementParagraphs = [...raw.announcement.map((p) => p.text), ...raw.turns.filter((t) => t.label.role !== 'analyst' && t.label.role !== 'operator').flatMap((t) => t.paragraphs.map((p) => p.text))];
  const text = managementParagraphs.join('\n');
  // Initials before "segment" count when results are stated under them ("AWS operating income was").
  for (const i of new Set(initialsBeforeSegment)) {
    if (new RegExp(`(?<![A-Za-z])${i}(?:\\s+segment)?\\s+(?:revenues?|net sales|sales|operating (?:income|profit|loss)|net income)\\b`).test(text)) addEn(i);
  }
  for (const p of managementParagraphs) for (const m of p.matchAll(INITIALS_TURN)) addEn(m[1]!);
  // In a call that presents segments, a further name that has revenue of its own is one too
  // ("Aftermarket Services revenue was $430 million" after Motion Systems and Fluid Handling),
  // when it is written as a name: in capitals within a sentence somewhere in management's
  // remarks, not only at a sentence's start, where "Product revenue was" is capitalised too. In
  // a call that presents none, such a name is as often a product ("Atlas revenue grew 26%").
  // A call that says it goes through its segments ("Let me walk through the segments.") names
  // them next: a name of two words or more with revenue of its own is one even at a sentence's start.
  // (Tested on each paragraph: "Now by business." opens one.)
  const walksThrough = managementParagraphs.some((p) => WALK_THROUGH.test(p));
  // A bulleted list of units with their sales ("- Orthopaedics: sales of CHF 318.7 million").
  const bullets = [...new Set(bulletSubjects.map((b) => cleanName(b)).filter((n): n is string => Boolean(n)))];
  if (bullets.length >= 2) for (const b of bullets) addEn(b);
  // Three or more names each with revenue of its own ("Online revenue grew 8.7%…", "Stores
  // revenue was…", "Ashcombe Home revenue grew…") are a breakdown of the company's revenue: each
  // named again elsewhere in management's remarks is a segment.
  const subjects = [...new Set(revenueSubjects.map((r) => cleanName(r)).filter((n): n is string => Boolean(n) && !PRONOUN.test(n!) && !REVENUE_KIND.test(n!) && !n!.split(/\s+/).some((w) => MEASURE_WORDS.test(w))))];
  const mentions = (name: string) => text.match(new RegExp(`(?<![A-Za-z])${escapeRe(name)}(?![A-Za-z])`, 'g'))?.length ?? 0;
  const breakdown = subjects.length >= 3;
  for (const name of found.size > 0 || walksThrough || breakdown ? subjects : []) {
    const escaped = escapeRe(name);
    // (A call that says it goes through its businesses and then gives three or more their own
    // revenue has named its segments, whatever else it says about them.)
    if (new RegExp(`[a-z,;:]\\s+${escaped}(?![A-Za-z])`).test(text) || (walksThrough && (/\s/.test(name) || breakdown)) || (breakdown && mentions(name) >= 2)) addEn(name);
  }
  // A machine transcript written in lower case ("now the divisions. aerospace revenue was £231.7
  // million … energy services revenue was £184.2 million …"): after it says it goes through its
  // units, two or more names, each the subject of its own revenue and named again elsewhere, are
  // the segments, capitalised.
  /** Names written in lower case, each named again in management's remarks, as segments with capitals. */
  const addLowerNamedAgain = (names: readonly string[]) => {
    for (const n of names) if ((text.match(new RegExp(`(?<![a-z])${escapeRe(n)}(?![a-z])`, 'gi'))?.length ?? 0) >= 2) addEn(n.replace(/\b[a-z]/g, (c) => c.toUpperCase()));
  };
  // A walk through the units in lower case: each paragraph after "let me go through the three
  // divisions quickly" that opens on a unit which "had sales of …" ("industrial sensors had sales
  // of 96.3 million", "lab solutions our largest division had sales of …", "and lifecycle services
  // grew the fastest"), two or more such units, each named again.
  let walked = false;
  const opening: string[] = [];
  for (const p of managementParagraphs) {
    const from = LOWER_WALK.exec(p);
    if (from) walked = true;
    if (!walked) continue;
    // (Fillers a machine transcript keeps, "the divisions um base metals which is …", are no part of a name.)
    const start = (from ? p.slice(from.index + from[0].length).replace(/^\s*(?:quickly|briefly|now|first)\b\s*/, '') : p).replace(/^(?:\s*\b(?:um|uh|er|erm)\b)+\s*/, '');
    const unit = LOWER_UNIT_OPENS.exec(start);
    if (unit && !LOWER_NOT_NAME.test(unit[1]!) && !/^(?:we|it|they|this|that|there|which|i|you|he|she|ok|okay|right|alright|well|yeah|yes|um|uh|look)\b/.test(unit[1]!)) opening.push(unit[1]!);
  }
  const units = [...new Set(opening)];
  if (units.length >= 2) addLowerNamedAgain(units);
  // "let me talk about the three segments starting with stores …", then paragraphs that open
  // "let me turn to digital …", "and then Tidewell Pro …": as many units as the walk said, each
  // named where the talk turns to it, are the segments.
  for (const [i, p] of managementParagraphs.entries()) {
    const walk = COUNTED_WALK.exec(p);
    const count = walk ? NUMBER_WORDS[walk[1]!.toLowerCase()]! : 0;
    const first = walk ? leadName(walk[2]!) : undefined;
    if (!first) continue;
    const next = managementParagraphs.slice(i + 1, i + count).map((q) => NEXT_UNIT.exec(q)?.[1]).map((rest) => (rest ? leadName(rest) : undefined));
    const names = [first, ...next];
    if (names.some((n) => !n || LOWER_NOT_NAME.test(n.toLowerCase())) || new Set(names.map((n) => n!.toLowerCase())).size !== count) continue;
    for (const n of names) addEn(n!.replace(/\b[a-z]/g, (c) => c.toUpperCase()));
  }
  if (lowerCase(managementParagraphs)) {
    for (const [i, p] of managementParagraphs.entries()) {
      const from = LOWER_WALK.exec(p);
      if (!from) continue;
      // (The walk goes on in the short paragraphs after it, as a transcript that breaks at each pause has it.)
      const walk = [p.slice(from.index), ...managementParagraphs.slice(i + 1, i + 8)].join('. ');
      const names = [...walk.matchAll(LOWER_REVENUE_OF)].map((m) => m[1]!).filter((n) => !LOWER_NOT_NAME.test(n));
      const unique = [...new Set(names)];
      if (unique.length < 2) continue;
      addLowerNamedAgain(unique);
    }
  }
  // Prose that names its units in lower case with the word "segment" ("Revenue in the cloud
  // segment rose 24%", "revenue in the software licences and support segment fell 6%"): two or
  // more such units, each with revenue of its own, are the segments.
  const lowerUnits = new Set([...text.matchAll(LOWER_SEGMENT_REVENUE)].map((m) => m[1]!).filter((n) => !LOWER_NOT_UNIT.test(n)));
  if (lowerUnits.size >= 2) for (const n of lowerUnits) addEn(n.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/\bAnd\b/g, 'and'));
  // "Net revenue was RMB 6.82 billion. Accommodation reservation revenue was RMB 2.91 billion, …
  // Transportation ticketing revenue was RMB 2.44 billion, … Packaged-tour revenue was RMB 960
  // million": three or more businesses named in sentence case, each with an amount of revenue,
  // right after the total in one paragraph, are the breakdown of the company's revenue.
  for (const p of managementParagraphs) {
    const total = TOTAL_REVENUE_SENTENCE.exec(p);
    if (!total) continue;
    const names = [...p.slice(total.index).matchAll(SENTENCE_CASE_REVENUE)].map((m) => m[1]!).filter((n) => !MEASURE_WORDS.test(n.split(/[\s-]/)[0]!) && !/^(?:Cost|Costs|Deferred|Other|Interest)\b/.test(n) && !/\bof\b/.test(n));
    const unique = [...new Set(names)];
    if (unique.length >= 3) for (const n of unique) add(segmentId(n), { names: { en: n }, aliases: [n], metrics: [], origin: 'text' });
  }
  // "By segment: the physical stores had net revenue of R$ 2.655,9 million, …; the digital of R$
  // 1.339,1 million, …; and the financial services, of R$ 323,6 million": a list of two or more
  // units in lower case (as a translation writes them), each with its amount.
  for (const p of managementParagraphs) {
    for (const m of p.matchAll(BY_SEGMENT_LIST)) {
      const names = m.groups!.list!.split(/;\s*/).map((item) => LIST_ITEM.exec(item)?.[1]).filter((n): n is string => Boolean(n) && !LOWER_NOT_NAME.test(n!));
      if (new Set(names).size >= 2) for (const n of new Set(names)) add(segmentId(n), { names: { en: n.replace(/\b[a-z]/g, (c) => c.toUpperCase()) }, aliases: [n], metrics: [], origin: 'text' });
    }
  }
  // A software company's two revenue lines, "Subscription revenue was $381.2 million" and
  // "Professional services revenue was $31.4 million": each stated with an amount of its own,
  // they are the breakdown of its revenue that analysts follow, and the call's segments when it
  // presents no others.
  if (found.size === 0) {
    const lines = REVENUE_LINES.map((l) => ({ ...l, stated: managementParagraphs.some((p) => l.re.test(p)) }));
    if (lines.every((l) => l.stated)) for (const l of lines) add(segmentId(l.name), { names: { en: l.name }, aliases: [l.name], metrics: [], origin: 'text', revenue_line: true });
  }
  // In a call that presents segments, a name a topic sentence turns to ("Turning to
  // Diagnostics.") is one, so is "Our US Generics business had a strong quarter.", and so is
  // "In Home Care, …" when its paragraph speaks of "the segment".
  if (found.size > 0 || walksThrough) {
    for (const p of managementParagraphs) {
      // (Two words or more, not a measure: "Sensing and Instrumentation was steadier. Revenue of $296.7 million …".)
      for (const opens of p.matchAll(PARAGRAPH_OPENS_ON_NAME)) {
        // (Within a paragraph only right after the walk's own words: "Now the divisions. Battery Materials was …".)
        if (opens.index > 0 && !/\b(?:segments|divisions|businesses|business units)\s*[.:]\s*$/i.test(p.slice(0, opens.index + 2))) continue;
        // (A measure word in a name joined by "&" is the name's: "Sales & Processing had a difficult
        // quarter"; one word is a name when management writes it with its capital mid-sentence too:
        // "Feed continues to do well" after "growth in Feed".)
        const name = opens[1]!;
        const joined = /\s(?:&|and)\s/.test(name);
        const oneWord = !/\s/.test(name) && found.size >= 1 && !MEASURE_WORDS.test(name) && new RegExp(`[a-z,;:]\\s+${escapeRe(name)}(?![A-Za-z])`).test(text);
        if ((/\s/.test(name) || oneWord) && (joined || !name.split(/\s+/).some((w) => MEASURE_WORDS.test(w))) && REVENUE_AMOUNT_EN.test(p.slice(opens.index))) addEn(name);
      }
      for (const m of p.matchAll(TURNING_TO)) addEn(m[1]!);
      for (const m of p.matchAll(OUR_BUSINESS_DID)) addEn(m[1]!);
      if (/\b(?:the|this)\s+(?:segment|division)(?:'s|’s)?\b|\b(?:segment|division)\s+(?:revenue|sales|margin|operating)/i.test(p)) for (const m of p.matchAll(IN_NAME)) addEn(m[1]!);
    }
  }
  // (Three or more businesses reporting one after another, "CCB reported net income …", "the
  // CIB reported …", "Corporate reported …", are a walk through the segments: each is one.)
  const reporterNames = [...new Set(reporters.map((r) => cleanName(r)).filter((n): n is string => Boolean(n) && !PRONOUN.test(n!)))];
  for (const name of reporterNames) {
    if (mentions(name) >= 2 || reporterNames.length >= 3 || walksThrough) addEn(name);
  }
  // Two spellings of one name ("Diagnostics" and "diagnostics") are one segment, and so are a
  // name and another segment's initials ("SSG" and "Solutions and Services Group").
  // A one-word name that starts another segment's name ("Optical" and "Optical Components")
  // is that segment's short name.
  const seen = new Set<string>();
  const all = [...found.values()];
  const longer = (s: Segment) => (/\s/.test(s.names.en) ? undefined : all.find((o) => o !== s && new RegExp(`^${escapeRe(s.names.en)}\\s`, 'i').test(o.names.en)));
  const kept = all.filter((s) => {
    const k = compactKey(s.names.en);
    if (seen.has(k)) return false;
    if (all.some((o) => o !== s && o.aliases.some((a) => a !== o.names.en && compactKey(a) === k))) return false;
    if (longer(s)) return false;
    seen.add(k);
    return true;
  });
  return kept.map((s) => {
    const short = all.filter((o) => longer(o) === s).map((o) => o.names.en);
    return short.length ? { ...s, aliases: [...new Set([...s.aliases, ...short])] } : s;
  });
}

/**
 * Metrics a call names once where it names another, close in sound, throughout: a call that says
 * "adjusted EBITA" three times or more and "EBITDA" once has most likely been transcribed with
 * EBITA heard as EBITDA (and the reverse), so the one is read as the other, with a note on the
 * figure. Without a profile, this is the text's own evidence of what the company reports.
 */
export function misheardMetrics(raw: RawSource): Record<string, string> {
  const text = raw.turns
    .filter((t) => t.label.role !== 'analyst' && t.label.role !== 'operator')
    .flatMap((t) => t.paragraphs.map((p) => p.text))
    .join('\n');
  const ebita = text.match(/\bEBITA\b/gi)?.length ?? 0;
  const ebitda = text.match(/\bEBITDA\b/gi)?.length ?? 0;
  const misheard = (heard: string, meant: string) => Object.fromEntries(['', '_margin_pct', '_yoy_pct'].map((s) => [`${heard}${s}`, `${meant}${s}`]));
  if (ebita >= 3 && ebitda === 1) return misheard('adjusted_ebitda', 'adjusted_ebita');
  if (ebitda >= 3 && ebita === 1) return misheard('adjusted_ebita', 'adjusted_ebitda');
  return {};
}

/**
 * The first word of the company's name when management calls it by that word alone, as in
 * "Net income attributable to Qingyou's shareholders" for Qingyou Travel: an alias, so that the
 * sentence names the company. Only a word of five letters or more, said in the possessive.
 */
export function shortNameInUse(raw: RawSource, name: string, aliases: readonly string[]): string[] {
  const first = name.split(/\s+/)[0]!;
  if (!/\s/.test(name) || first.length < 5 || !/^[A-Z][a-z]+$/.test(first) || aliases.includes(first)) return [];
  const text = raw.turns.filter((t) => t.label.role !== 'analyst' && t.label.role !== 'operator').flatMap((t) => t.paragraphs.map((p) => p.text)).join('\n');
  return new RegExp(`\\b${first}['’]s\\b`).test(text) ? [first] : [];
}
