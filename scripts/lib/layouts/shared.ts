/**
 * Vocabulary shared by the layout parsers: how labels, titles, markers and headings are
 * written in earnings-call transcripts generally (not in any one file).
 */
import type { RawLabel } from '../raw.ts';
import type { SectionId, SpeakerRole } from '../../../src/lib/schema.ts';
import { compactKey } from '../text.ts';

/** A note that a text layer was machine translated. */
export const MACHINE_TRANSLATION = /(google|deepl|bing|機器|机器|machine|自動|自动)\s*(翻譯|翻译|translat)/i;

/** Words that end the name of an investment firm: `东岳资本`, `远川基金`, `广衡证券`. */
export const ZH_FIRM = /(?:资本|資本|基金|证券|證券|资产|資產|银行|銀行|研究|投资|投資|保险|保險|信托|信託|资管|資管|期货|期貨|国际|國際|控股|投顾|投顧|投信|券商|人寿|人壽)$/u;

/** Words that make a line a job title rather than a name (`財務長`, `發言人`: Taiwanese titles). */
export const TITLE_WORDS =
  /(officer|president|chair|director|head|chief|manager|treasurer|secretary|partner|founder|vice|investor relations|ceo|cfo|coo|cto|首席|官|主管|主席|总裁|總裁|董事|总监|總監|总经理|總經理|负责人|負責人|合伙人|合夥人|副总|副總|经理|經理|投资者关系|投資者關係|投资人关系|投資人關係|(?:财务|財務|执行|執行|营运|營運|技术|技術|策略|法务|法務|资讯|資訊|永续|永續)[长長]|发言人|發言人)/i;

/** Job titles of investor-relations staff. */
export const IR_TITLE = /(investor relations|\bIR\b|投资者关系|投資者關係|投资人关系|投資人關係)/i;

/** Names that are a role rather than a person. */
export function roleFromName(name: string): SpeakerRole | undefined {
  const k = compactKey(name);
  if (/^(?:the)?(operator|conferenceoperator|moderator|接线员|主持人|接線員|会议主持|操作员)$/.test(k)) return 'operator';
  if (/^(editor|编辑|編輯|editor'snote)$/.test(k)) return 'other';
  // "管理层：", "Management:": the company's side, unnamed; "分析师：", "投资者：": the one who asks.
  if (/^(?:管理层|管理層|公司管理层|公司管理層|management|companymanagement)$/.test(k)) return 'executive';
  if (/^(?:分析师|分析師|投资者|投資者|提问者|提問者|analyst|questioner)$/.test(k)) return 'analyst';
  return undefined;
}

/** Parses `Name - Title`, `Name -- Firm - Analyst`, or a bare name. */
export function parseDashLabel(text: string): RawLabel {
  const clean = text.trim();
  const parts = clean.split(/\s+[-–—]{1,2}\s+/);
  const name = parts[0]!.trim();
  const rest = parts.slice(1).map((s) => s.trim()).filter(Boolean);
  const byName = roleFromName(name);
  if (byName) return { text: clean, name, role: byName };
  const analystIdx = rest.findIndex((r) => /^(analyst|research analyst|分析师|分析師)$/i.test(r));
  if (analystIdx >= 0) {
    const firm = rest.filter((_, i) => i !== analystIdx).join(' - ');
    return { text: clean, name, role: 'analyst', ...(firm ? { firm } : {}) };
  }
  const title = rest.join(' - ');
  // "Michael Cho - Westbridge Asia Research": a firm where a job title would stand is an analyst's.
  if (title && !TITLE_WORDS.test(title) && FIRM_WORDS.test(title)) return { text: clean, name, role: 'analyst', firm: title };
  return { text: clean, name, ...(title ? { title } : {}) };
}

/** Words that end or mark the name of an investment firm, never a job title. */
export const FIRM_WORDS = /\b(?:research|securities|capital|partners|bank|banc|bancorp|investments?|advisors|advisers|equities|markets|brokerage|asset management|& co\.?|llc|llp|l\.p\.|ag|sa|plc)\b|证券|證券|资本|資本|基金|投顾|投顧/i;

/** Section a heading names, if it names one. */
export function sectionOfHeading(heading: string): SectionId | undefined {
  const k = compactKey(heading);
  if (/^(介绍|引言|开场|开场白|开场介绍|introduction|opening|openingremarks)$/.test(k)) return 'introduction';
  if (/^(问答|问答环节|问答部分|q&a|q&asession|q&asection|questionsandanswers|question-and-answer|questionandanswer|question-and-answersession|questionandanswersession|questionandanswersection|questions&answers)$/.test(k)) {
    return 'qa';
  }
  return undefined;
}

/** An interpretation marker line: `（翻译）`, `(原话)：` and their Traditional forms. */
export const MARKER = /^[（(]\s*(翻译|翻譯|原话|原話|interpreted|translated|original)\s*[）)]\s*[：:]?$/i;

/** True for a marker that means the words are an interpreter's. */
export function markerMeansInterpreted(marker: string): boolean {
  return /(翻译|翻譯|interpreted|translated)/i.test(marker);
}

/** Sentence punctuation; a label or heading never contains it. */
export const SENTENCE_PUNCT = /[，。,；;？?！!、“”"]/;

/**
 * The most common Chinese family names (single and compound), Simplified and Traditional: a
 * "Name：" label of two to four Han characters that starts with one is a person's name, not a
 * word such as `注意：` or `问题：`.
 */
const SURNAMES = new Set(
  Array.from(
    '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘蒋蔣蔡余于杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由'
  ),
);
const COMPOUND_SURNAMES = ['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '皇甫', '令狐', '慕容', '司徒', '夏侯', '公孙', '公孫', '尉迟', '尉遲', '长孙', '長孫', '宇文', '轩辕', '軒轅', '端木', '澹台', '澹臺'];

/** A two-to-four-character Han name that starts with a common family name: `吴建国`, `欧阳明`. */
export function looksLikeChineseName(name: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return false;
  if (COMPOUND_SURNAMES.some((s) => name.startsWith(s) && name.length >= 3)) return true;
  return SURNAMES.has(name[0]!) && name.length <= 3;
}

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
/** `[00:12:31] `, `(00:12:31) `, `00:12:31 - ` at the start of a line of a recording's export. */
const LEADING_CLOCK = new RegExp(String.raw`^(?:\[${CLOCK}\]|\(${CLOCK}\)|${CLOCK}(?=\s))\s*[-–—|]?\s*(?=\S)`);
/** `00:14:32`, `[00:14:32]` alone on a line. */
const ONLY_CLOCK = new RegExp(String.raw`^\s*(?:\[${CLOCK}\]|\(${CLOCK}\)|${CLOCK})\s*$`);
/** `Jane Doe (00:12:31): ` / `Jane Doe [00:12:31]: `: the time between a label and its colon. */
const LABEL_CLOCK = new RegExp(String.raw`^(?<label>[^:：\[\]()]{2,60}?)\s*[\[(]${CLOCK}[\])]\s*(?=[:：])`);

/**
 * Lines of a recording's export with the times taken out: platforms stamp every turn (and
 * sometimes every paragraph) with the time into the recording, before the label
 * ("[00:12:31] Jane Doe: …") or between the label and its colon ("Jane Doe (00:12:31): …"). The
 * time is not something anyone said. Lines are returned as they are unless at least three carry
 * such a time, so a sentence that starts with a time of day is left alone.
 */
export function withoutRecordingTimes<T extends { readonly text: string }>(lines: readonly T[]): T[] {
  // (A line that is only a time, "00:14:32" above each turn of a video platform's transcript, goes whole.)
  const strip = (text: string) => (ONLY_CLOCK.test(text) ? '' : text.replace(LEADING_CLOCK, '').replace(LABEL_CLOCK, '$<label>'));
  if (lines.filter((l) => strip(l.text) !== l.text).length < 3) return [...lines];
  return lines.map((l) => {
    const text = strip(l.text);
    return text === l.text ? l : { ...l, text };
  });
}
