/**
 * Which company a call is about, read from the places a transcript names its own company: the
 * title or header line (`Acme Corp (ACME) Q3 2025 Earnings Call`, `Company: Acme`, `Ticker:
 * ACME`), the operator's welcome (`Welcome to Acme's third quarter 2025 earnings call`), the
 * host's introduction (`Investor Relations at Acme`) and a Chinese title or welcome
 * (`欢迎参加阿里巴巴集团 2023年 6月份季度业绩电话会议`). A name that merely occurs in the text (a
 * product, a partner, a competitor) is never evidence. Profiles in `content/companies/` are
 * matched against the same evidence, never against mentions.
 */
import type { Company } from '../../src/lib/schema.ts';
import { ConvertError } from './errors.ts';
import { compactKey, latinFold, simplifiedChars, type Line } from './text.ts';
import { pinyin } from 'pinyin-pro';

/** Where a piece of evidence comes from, strongest first. */
export type EvidenceKind = 'header' | 'title' | 'welcome' | 'zh-title' | 'host';

/** One statement of the call's own company. */
export interface CompanyEvidence {
  readonly kind: EvidenceKind;
  /** 1-based line. */
  readonly line: number;
  /** The words as seen (for messages). */
  readonly seen: string;
  /** English (Latin-script) name, if the statement gives one. */
  readonly name?: string;
  /** Name in Chinese script, if the statement gives one. */
  readonly zhName?: string;
  /** Stock ticker, if the statement gives one. */
  readonly ticker?: string;
  /** Exchange prefix of the ticker (`NASDAQ`, `OTCPK`), if given. */
  readonly exchange?: string;
}

const WEIGHT: Record<EvidenceKind, number> = { header: 3, title: 3, welcome: 2, 'zh-title': 2, host: 1 };

/** Legal forms and filler that do not distinguish a company: `Inc.`, `Limited`, `Holding`. */
const LEGAL_SUFFIX =
  /(?:[,\s]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|lp|l\.p|n\.v|s\.a|ag|se|a\/s|asa|oyj|ab|kk|holdings?|group holdings?)\.?)+$/i;

/** `Amazon.com, Inc.` -> `Amazon`; `JPMorgan Chase & Co.` -> `JPMorgan Chase`. */
export function shortName(name: string): string {
  let s = name.trim().replace(/^the\s+/i, '').replace(/[’']s$/i, '');
  for (let i = 0; i < 3; i++) {
    const next = s
      .replace(/\s*&\s*co\.?$/i, '')
      .replace(LEGAL_SUFFIX, '')
      .replace(/\.com$/i, '')
      .replace(/[,\s]+$/, '');
    if (next === s || next === '') break;
    s = next;
  }
  return s.trim();
}

/** Chinese legal forms and generic words after a brand: `青岚云科技有限公司` -> `青岚云`. */
const ZH_LEGAL_SUFFIX = /(?:股份有限公司|有限责任公司|有限責任公司|有限公司|控股|集团|集團|股份|科技|公司)+$/u;

/**
 * The id of a company named only in Chinese: the pinyin of its name without legal forms, as
 * one word (`青岚云科技有限公司` -> `qinglanyun`). pinyin-pro reads words, so polyphonic
 * characters take their reading in the name (`重庆` -> `chongqing`, `車用光學` -> `cheyongguangxue`).
 */
export function pinyinId(zhName: string): string | undefined {
  const brand = zhName.replace(/\s+/g, '').replace(ZH_LEGAL_SUFFIX, '') || zhName;
  // (Read in Simplified characters: pinyin-pro reads some Traditional ones by a rare reading, `車` as "ju".)
  const id = pinyin(simplifiedChars(brand), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || undefined;
}

/**
 * The id a company gets from its English name or ticker (lowercase ASCII words joined by
 * hyphens), else from the pinyin of its Chinese name.
 */
export function companyIdFrom(name: string | undefined, ticker: string | undefined, zhName?: string): string | undefined {
  const fromName = name
    ? latinFold(shortName(name).replace(/&/g, ' and '))
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
    : '';
  if (fromName) return fromName;
  const t = ticker?.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return t || (zhName ? pinyinId(zhName) : undefined);
}

/** "Acme Group plc - Q4 … Results Call": a name with its legal form, then the call's name. */
const LEGAL_TITLE = /^(?<name>(?:[A-Z][\w&.'-]*,?\s+){1,5}?(?:plc|PLC|Inc\.?|Corp\.?|Corporation|Ltd\.?|Limited|SE|AG|N\.V\.|S\.A\.|ASA|AB|Oyj|Holdings))\s*[-–—:|]\s*(?<rest>.+)$/;
/** "Harbourline Foods Q3 Fiscal 2026 Earnings Call": a name, a period, the call. */
const PERIOD_TITLE = /^(?<name>[A-Za-z][\w&.'’-]*(?:\s+[A-Za-z&][\w&.'’-]*){0,5}?)\s*[-–—:|]?\s+(?:Q[1-4]|[1-4]Q|H[12]|[12]H|FY\s?\d{2,4}|(?:first|second|third|fourth)\s+quarter|(?:first|second)\s+half|full[- ]year|fiscal|(?:19|20)\d{2})\b(?<rest>.{0,100})$/i;
/** Words of a title that are no company's name: "Transcript of Q3 2025 …", "Edited Q3 …". */
const NOT_IN_TITLE_NAME = /^(?:transcripts?|edited|corrected|final|raw|preliminary|earnings|results|call|conference|webcast|event|audio|welcome|the|our|re|fw|fwd|subject|title|notes?|summary|minutes|replay|recording|live|q&a)[:]?$/i;
/** A wire story's dateline: "KARLSRUHE, Oct 23 (Rheinpost Wire) - …", "LONDON, 5 November (Agency) — …". */
export const WIRE_DATELINE = /^(?:[A-Z][A-Z .'/-]{1,40}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*(?:\([^)]{2,40}\))?\s*[-–—]+\s*(?<rest>\S.*)$/;
/** The subject of a lead, named with its legal form: "Veltrup Software SE", "Acme Holdings plc". */
const LEAD_SUBJECT = /^(?:The\s+)?(?<name>(?:[A-Z][\w&.'-]*\s+){1,5}?(?:SE|AG|plc|PLC|Inc\.?|Corp\.?|Corporation|Ltd\.?|Limited|N\.V\.|S\.A\.|ASA|AB|Oyj|Holdings|Group))(?=[\s,(])/;
const CALL_WORDS = /(earnings|results|conference call|earnings call|call transcript|investor conference|transcript|trading (?:update|statement)|\bcall\b|法說會|法说会|說明會|说明会|业绩|業績|财报|財報|电话会|電話會)/i;
const HAN = /\p{Script=Han}/u;
/** `Name (TICKER)`, `Name (NASDAQ:TICK)`, `Name (TSE Prime: 6487)`, `Name(TICK+7.02%)`, `Name (TICK LN Equity)` at the start of a title line. */
const TITLE = /^(?:[-*•]\s*)?(?<name>[^()（）]{2,80}?)\s*[(（]\s*(?:(?<exchange>[A-Z]{2,8}(?:\s+(?:Prime|Standard|Growth|Main|Mainboard|Main Board))?)\s*:\s*)?(?<ticker>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?|\d{4,6}(?:\.[A-Z]{1,2})?)(?:\s+[A-Z]{2}(?:\s+Equity)?)?(?:\s*[+-−]\s*[\d.]+%)?\s*[)）]\s*(?<rest>.*)$/u;
/** Role abbreviations that a speaker label puts in brackets where a title line has a ticker. */
const ROLE_ABBREVIATION = /^(?:CEO|CFO|COO|CTO|CIO|CMO|CRO|CAO|CCO|CPO|CHRO|IR|VP|SVP|EVP|GM|MD|IRO)$/;
const HEADER_COMPANY = /^(?:company|company name|issuer|公司|公司名称|公司全称)\s*[:：]\s*(?<name>[^()（）]{2,80}?)\s*(?:[(（](?<alt>[^()（）]{1,60})[)）])?\s*$/iu;
const HEADER_TICKER = /^(?:ticker|company ticker|symbol|股票代码|证券代码|證券代碼|代码)\s*[:：]\s*(?:(?<exchange>[A-Z]{2,8})\s*:\s*)?(?<ticker>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?|\d{4,6}(?:\.[A-Z]{1,2})?)(?:\s+[A-Z]{2}(?:\s+Equity)?)?\s*$/iu;

const NEWS_NAME =
  /(?<zh>[\p{Script=Han}]{2,12})\s*[(（]\s*(?<en>[A-Z][A-Za-z&.'’ -]{2,60}?)\s*[,，;；]\s*(?:(?<exchange>[A-Z]{2,8})\s*[:：]\s*)?(?<ticker>\d{4,6}(?:\.[A-Z]{2})?|[A-Z]{1,6}(?:\.[A-Z]{1,2})?)\s*[)）]/u;

/** A news headline that opens on the company and its period's results (`启衡科技二季度营收…`, `蓝海股份2025年上半年净利…`). */
const ZH_RESULTS_HEADLINE = /^(?<n>[\p{Script=Han}]{2,10}?)(?:20\d\d\s*年)?\s*(?:第?[一二三四](?:财)?季度|上半年|下半年|前三季度|半年度|年度|Q[1-4]|三季报|中报|半年报|年报)\s*(?:营收|營收|营业收入|收入|净利|淨利|归母净利|业绩|業績|利润|利潤)/u;

/** Words of a period or of the call itself, which end a company name in a welcome sentence. */
const PERIOD_OR_CALL =
  /^(first|second|third|fourth|q[1-4]|q[1-4]['’]?\d{2,4}|[1-4]q\d{0,4}|h[12]|9m|fy|fy['’]?\d{2,4}|fiscal|full|year|quarter|quarterly|annual|half|interim|19\d\d|20\d\d|'\d\d|january|february|march|april|may|june|july|august|september|october|november|december|earnings|results?|financial|conference|call|teleconference|webcast|webinar|investor|presentation|update|business|operating|and|\d.*)$/i;
// (Names in any Latin script: "Fjällrud Instruments", "Nestlé".)
const NAME_TOKEN = /^(?:[\p{Lu}0-9][\p{L}\p{N}_.&'’-]*,?|&|and|of|de|la)$/u;

function trimName(tokens: string[]): string | undefined {
  // A name is a run of capitalised words (`&`, `of` inside it are fine), ending on a capitalised one.
  while (tokens.length > 0 && !/^[\p{Lu}0-9]/u.test(tokens.at(-1)!)) tokens.pop();
  while (tokens.length > 0 && !/^[\p{Lu}0-9]/u.test(tokens[0]!)) tokens.shift();
  const name = tokens.join(' ').replace(/,$/, '').replace(/[’']s?$/, '').trim();
  if (!name || name.length > 60 || tokens.length > 7) return undefined;
  if (/^(our|the|this|today|everyone|all|you)$/i.test(name)) return undefined;
  return name;
}

/** The company a welcome sentence names: `Welcome to Acme's Q3 …`, `welcome to the Acme Third Quarter …`, `… Call of Acme Limited.` */
export function nameInWelcome(sentence: string): string | undefined {
  const m =
    /\bwelcome(?:,?\s+(?:everyone|all|you)),?\s+to\s+(?:the\s+|today's\s+)?(?<after>.+)$/i.exec(sentence) ??
    /\bwelcome\s+to\s+(?:the\s+|today's\s+)?(?<after>.+)$/i.exec(sentence) ??
    /\b(?:thank(?:s| you)\s+(?:for|all for)\s+(?:standing by|attending|joining|participating|holding)(?:\s+(?:for|in|on|us for))?|joining us (?:for|on))\s+(?:the\s+|today's\s+)?(?<after>.+)$/i.exec(sentence);
  if (!m?.groups) return undefined;
  const after = m.groups.after!;
  if (/^(our|this|today|my)\b/i.test(after)) {
    const of = /\b(?:[Cc]all|[Ww]ebcast|[Ww]ebinar|[Tt]eleconference)\s+of\s+(?:the\s+)?(?<n>[A-Z][^;!?]{1,80}?)(?:\.?$|\.\s)/.exec(after);
    return of ? trimName(of.groups!.n!.split(/\s+/).filter((t) => NAME_TOKEN.test(t))) : undefined;
  }
  // Possessive: "Acme Corp's third quarter", "the MongoDB, Inc.'s Q1".
  const poss = /^(?<n>\p{Lu}[^;!?]{0,70}?)(?:[’']s|(?<=s)[’'])\s/u.exec(after);
  if (poss && !/\b(welcome|today)\b/i.test(poss.groups!.n!)) {
    const name = trimName(poss.groups!.n!.split(/\s+/));
    if (name) return name;
  }
  const tokens = after.split(/\s+/);
  // "the Acme Corp Third Quarter 2025 Earnings Call": the name ends where the period words start.
  const lead: string[] = [];
  for (const t of tokens) {
    if (PERIOD_OR_CALL.test(t.replace(/[,.]$/, '')) || !NAME_TOKEN.test(t)) break;
    lead.push(t);
  }
  const leadName = trimName(lead);
  if (leadName) return leadName;
  // "the Third Quarter 2025 Acme Group, Inc. Earnings Conference Call" or "… Call of Acme Limited".
  const of = /\b(?:[Cc]all|[Ww]ebcast|[Ww]ebinar|[Tt]eleconference)\s+of\s+(?:the\s+)?(?<n>[A-Z][^;!?]{1,80}?)(?:\.?$|\.\s)/.exec(after);
  if (of) return trimName(of.groups!.n!.split(/\s+/).filter((t, i, all) => NAME_TOKEN.test(t) && all.slice(0, i).every((x) => NAME_TOKEN.test(x))));
  let i = 0;
  while (i < tokens.length && PERIOD_OR_CALL.test(tokens[i]!.replace(/[,.]$/, ''))) i++;
  const mid: string[] = [];
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (PERIOD_OR_CALL.test(t.replace(/[,.]$/, '')) || !NAME_TOKEN.test(t)) break;
    mid.push(t);
  }
  if (mid.length > 0 && i < tokens.length && /^(earnings|results|financial|conference|call)/i.test(tokens[i]!)) return trimName(mid);
  return lowerCaseName(after);
}

/** Words of speech that are not a name: fillers and the words around a welcome. */
const NOT_A_LOWER_NAME = /^(?:um|uh|er|erm|ah|our|this|today's|today|everyone|all|you|ladies|gentlemen|and|to|a|an|the|so|well|okay|ok|yeah|also|again|back)$/;

/**
 * A machine transcript's welcome without capitals, "welcome to the larkwood stores third quarter
 * fiscal …": one to four plain words right before the period or call words, capitalised.
 */
function lowerCaseName(after: string): string | undefined {
  const tokens = after.split(/\s+/).map((t) => t.replace(/[,.]$/, ''));
  const words: string[] = [];
  for (const [k, t] of tokens.entries()) {
    // ("larkspur and vine": "and" or "&" between two words of the name, not "… fourth quarter and full year".)
    const joins = (t === 'and' || t === '&') && words.length > 0 && !PERIOD_OR_CALL.test(tokens[k + 1] ?? 'call');
    if (PERIOD_OR_CALL.test(t) && !joins) break;
    if (!/^[a-z][a-z&'’-]*$/.test(t) || (NOT_A_LOWER_NAME.test(t) && !joins)) return undefined;
    words.push(t);
  }
  const next = tokens[words.length];
  if (words.length === 0 || words.length > 4 || /^(?:and|&)$/.test(words[words.length - 1]!) || !next || !/^(?:first|second|third|fourth|q[1-4]|fiscal|full|earnings|results|quarter|quarterly|annual|half|interim|20\d\d|march|june|september|december)$/i.test(next)) return undefined;
  return words.map((w) => (w === 'and' || w === '&' ? w : w[0]!.toUpperCase() + w.slice(1))).join(' ');
}

/** A Chinese company name before a period in a title or welcome: `欢迎参加阿里巴巴集团 2023年 6月份季度业绩电话会议`. */
function zhNameIn(text: string): string | undefined {
  const m = /(?:欢迎参加|歡迎參加|欢迎来到|歡迎來到|^)\s*(?<n>[\p{Script=Han}·]{2,16}?)\s*(?:[(（][^)）]*[)）]\s*)?(?:\d{4}\s*(?:年|财年|財年|Q[1-4]|\s*第)|第[一二三四]季度)/u.exec(text);
  if (!m?.groups) return undefined;
  const n = m.groups.n!.replace(/^(欢迎参加|歡迎參加)/, '');
  // ("截至2027年3月31日止财年第一季度业绩说明会": a period, not a name.)
  if (/^(?:截至|截止|截止至|于|於|在|本|今年|去年|明年|公司|我们|我們|本公司)$/.test(n)) return undefined;
  return n.length >= 2 ? n : undefined;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"“])/);
}

/** Every statement in the text of which company the call is about. */
export function companyEvidence(lines: readonly Line[]): CompanyEvidence[] {
  const out: CompanyEvidence[] = [];
  const nonEmpty = lines.filter((l) => l.text !== '');
  const head = nonEmpty.slice(0, 40);
  for (const l of head) {
    // Interleaved pairs prefix each line with its number and language: "[ 1] [EN] …".
    // Interleaved pairs prefix each line with its number and language ("[ 1] [EN] …"); exports
    // decorate header lines with emoji ("📄 Acme (ACME) …").
    const t = l.text
      .normalize('NFKC')
      .replace(/^\[\s*\d+\]\s*/, '')
      .replace(/^\[(?:EN|中|ZH)\]\s*/i, '')
      .replace(/^[#>*\s\p{Extended_Pictographic}\u{FE0F}]+/u, '');
    const h = HEADER_COMPANY.exec(t);
    if (h?.groups) {
      const name = h.groups.name!.trim();
      const alt = h.groups.alt?.trim();
      const zh = [name, alt].find((x) => x && HAN.test(x));
      const en = [name, alt].find((x) => x && !HAN.test(x));
      out.push({ kind: 'header', line: l.n, seen: t, ...(en ? { name: en } : {}), ...(zh ? { zhName: zh } : {}) });
      continue;
    }
    const tk = HEADER_TICKER.exec(t);
    if (tk?.groups) {
      // "Company: X" and "Ticker: Y" in one header are one statement.
      const ticker = { ticker: tk.groups.ticker!, ...(tk.groups.exchange ? { exchange: tk.groups.exchange } : {}) };
      const prev = out.findIndex((e) => e.kind === 'header' && !e.ticker);
      if (prev >= 0) out[prev] = { ...out[prev]!, ...ticker, seen: `${out[prev]!.seen} / ${t}` };
      else out.push({ kind: 'header', line: l.n, seen: t, ...ticker });
      continue;
    }
    // A news report: "星港娱乐(Stellar Harbour Entertainment,01928.HK)11月5日晚间公布…业绩".
    const news = NEWS_NAME.exec(t);
    if (news?.groups && CALL_WORDS.test(t)) {
      out.push({
        kind: 'title',
        line: l.n,
        seen: t.slice(0, 100),
        zhName: news.groups.zh!,
        name: news.groups.en!.trim(),
        ticker: news.groups.ticker!,
        ...(news.groups.exchange ? { exchange: news.groups.exchange } : {}),
      });
      continue;
    }
    // A cover that puts the ticker on the line under the name: "KESTREL RIDGE INDUSTRIES INC." / "(TSX: KRI)".
    const under = head[head.indexOf(l) + 1]?.text ?? '';
    const tickerBelow = /^[(（]\s*(?:[A-Z]{2,8}\s*:\s*)?[A-Z0-9][A-Z0-9.]{0,8}\s*[)）]$/.test(under.trim()) && !/[()（）]/.test(t);
    const title = TITLE.exec(tickerBelow ? `${t} ${under.trim()}` : t);
    // The call words may stand on the next line: "Acme PLC (ACM LN Equity)" / "Q3 2025 Trading Update Call".
    const next = head[head.indexOf(l) + (tickerBelow ? 2 : 1)]?.text ?? '';
    // Not a speaker's turn with a role in brackets: "[00:05:43] Lukas Brennan (CFO): Turning to results. …".
    const turn = title?.groups && (ROLE_ABBREVIATION.test(title.groups.ticker!) || /^[:：]\s*\S+(?:\s+\S+){11}/u.test(title.groups.rest!));
    if (title?.groups && !turn && (CALL_WORDS.test(title.groups.rest!) || (title.groups.rest === '' && CALL_WORDS.test(next))) && title.groups.name!.split(/\s+/).length <= 8 && !/[.!?。]\s/.test(title.groups.name!)) {
      // (A news lead names its source first: "澎泉财经讯　启衡科技（688417.SH）于…".)
      const name = title.groups.name!.trim().replace(/^\S{2,12}(?:讯|訊)[\s　]+(?=\p{Script=Han})/u, '');
      out.push({
        kind: 'title',
        line: l.n,
        seen: t,
        ...(HAN.test(name) ? { zhName: name } : { name }),
        ticker: title.groups.ticker!,
        ...(title.groups.exchange ? { exchange: title.groups.exchange } : {}),
      });
    }
  }
  // A cover whose first line is the company's legal name and whose next line names the call:
  // "Kiriyama Precision Industries Co., Ltd." / "FY2026 Second Quarter Financial Results Briefing".
  const [first, second] = head;
  if (first && second && !out.some((e) => e.line === first.n) && first.text.length <= 80 && LEGAL_SUFFIX.test(first.text.trim()) && CALL_WORDS.test(second.text) && !/[.!?。]\s/.test(first.text)) {
    // (Quoted, as PDF covers often have it: "\"Acme Foods Limited / Q2 FY27 Earnings Call\"".)
    out.push({ kind: 'title', line: first.n, seen: `${first.text} / ${second.text}`, name: first.text.trim().replace(/^["“”'‘]+|["“”'’]+$/g, '') });
  }
  // A Chinese cover spread over short lines ("阿里巴巴集团 / 2024 年 9 月份季度 / 业绩发布电话会").
  const cover = head.slice(0, 10).filter((l) => l.text.length <= 30);
  for (let i = 0; i < cover.length; i++) {
    const joined = cover.slice(i, i + 4).map((l) => l.text).join(' ');
    const zh = CALL_WORDS.test(joined) && !out.some((e) => e.line === cover[i]!.n) ? zhNameIn(cover[i]!.text + ' ' + joined.slice(cover[i]!.text.length)) : undefined;
    if (zh && cover[i]!.text.startsWith(zh)) {
      out.push({ kind: 'zh-title', line: cover[i]!.n, seen: joined, zhName: zh });
      break;
    }
  }
  // A title without a ticker: "Wrenfield Group plc - Q4 and Full Year FY2026 Results Call", the
  // company with its legal form, a dash or colon, and the call's name.
  for (const l of head.slice(0, 5)) {
    // (A Markdown export's heading: "# Acme Industries, Ltd. — Financial Results Briefing …".)
    const m = LEGAL_TITLE.exec(l.text.normalize('NFKC').trim().replace(/^#{1,6}\s+/, ''));
    if (m?.groups && CALL_WORDS.test(m.groups.rest!) && !out.some((e) => e.line === l.n)) out.push({ kind: 'title', line: l.n, seen: l.text.slice(0, 120), name: m.groups.name!.trim() });
  }
  // A title naming the company, then the period, then the call, with neither ticker nor legal
  // form: "Harbourline Foods Q3 Fiscal 2026 Earnings Call", as a machine transcript's export
  // heads it in lower case ("harbourline foods q3 fiscal 2026 earnings call (auto-generated
  // transcript)"). Typed by whoever published it, it spells the name better than the
  // transcribed welcome does ("harbour line foods"). Such a line may as well name its publisher,
  // so it counts only for a company another statement of the call names too (checked below).
  const periodTitles: CompanyEvidence[] = [];
  for (const l of nonEmpty.slice(0, 3)) {
    const m = PERIOD_TITLE.exec(l.text.normalize('NFKC').trim());
    if (!m?.groups || !CALL_WORDS.test(m.groups.rest!) || out.some((e) => e.line === l.n)) continue;
    const words = m.groups.name!.trim().split(/\s+/);
    if (words.length > 5 || words.some((w) => NOT_IN_TITLE_NAME.test(w)) || /^(?:and|&|of)$/i.test(words[0]!)) continue;
    const name = words.map((w) => (/^[a-z]/.test(w) && !/^(?:and|of)$/.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
    periodTitles.push({ kind: 'title', line: l.n, seen: l.text.slice(0, 120), name });
  }
  // A wire story's lead: "KARLSRUHE, Oct 23 (Rheinpost Wire) - Veltrup Software SE raised its …",
  // the company named with its legal form right after the dateline.
  for (const l of head) {
    const lead = WIRE_DATELINE.exec(l.text.normalize('NFKC'));
    const subject = lead?.groups ? LEAD_SUBJECT.exec(lead.groups.rest!) : null;
    if (subject?.groups) out.push({ kind: 'title', line: l.n, seen: l.text.slice(0, 120), name: subject.groups.name!.trim() });
  }
  // A Chinese news headline about the results: "启衡科技二季度营收23.76亿元同比增长18.3%", "某某股份2025年上半年净利润增长…".
  for (const l of head.slice(0, 15)) {
    const h = ZH_RESULTS_HEADLINE.exec(l.text.normalize('NFKC').trim());
    if (h?.groups && !/^(?:欢迎|歡迎|感谢|感謝|各位)/.test(h.groups.n!) && !/[|｜>]/.test(l.text) && !out.some((e) => e.line === l.n)) out.push({ kind: 'zh-title', line: l.n, seen: l.text.slice(0, 80), zhName: h.groups.n! });
  }
  // Welcome and host introduction: the first lines of the call (a line that stops mid-sentence,
  // as text from a PDF does, read on into the next: "welcome to the Kestrel Ridge Industries second" / "quarter …").
  const early = nonEmpty.slice(0, 200);
  for (const [i, l] of early.entries()) {
    // (Only a long line, as a hard wrap leaves it; not a label line such as "Operator".)
    const wrapped = l.text.length >= 50 && !/[.!?。！？:：]\s*$/.test(l.text) && early[i + 1] ? `${l.text} ${early[i + 1]!.text}` : l.text;
    const t = wrapped.normalize('NFKC');
    if (/(欢迎参加|歡迎參加|欢迎来到|歡迎來到)/.test(t) && CALL_WORDS.test(t)) {
      const zh = zhNameIn(t.slice(t.search(/欢迎|歡迎/)));
      if (zh) out.push({ kind: 'zh-title', line: l.n, seen: t.slice(0, 80), zhName: zh });
    }
    for (const s of sentences(t)) {
      if (/\b(welcome|thank(?:s| you) (?:all )?for|joining us)\b/i.test(s) && /\b(earnings|results|call|webcast|webinar|teleconference|trading update|trading statement|(?:quarter|quarterly|half[- ]year|business) update|briefing)\b/i.test(s)) {
        const name = nameInWelcome(s.replace(/^[A-Z][\w .'-]{0,40}:\s*/, ''));
        if (name) out.push({ kind: 'welcome', line: l.n, seen: s.slice(0, 120), name });
      }
      const host = /\b(?:investor relations|chief executive officer|chief financial officer|CEO|CFO)(?:\s+and\s+[\w ]{1,30}?)?\s+(?:at|of)\s+(?<n>[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|&))*)/.exec(s);
      if (host?.groups) {
        const name = trimName(host.groups.n!.split(/\s+/));
        if (name) out.push({ kind: 'host', line: l.n, seen: s.slice(0, 120), name });
      }
    }
  }
  const said = new Set(out.filter((e) => e.name).map((e) => compactKey(shortName(e.name!))));
  return [...periodTitles.filter((e) => said.has(compactKey(shortName(e.name!)))), ...out];
}

/** Keys by which two statements name the same company. */
function keysOf(e: Pick<CompanyEvidence, 'name' | 'zhName' | 'ticker'>): string[] {
  const keys: string[] = [];
  if (e.name) keys.push(`n:${compactKey(shortName(e.name)).replace(/[^\p{L}\p{N}]/gu, '')}`);
  if (e.zhName) keys.push(`z:${compactKey(e.zhName).replace(/(集团|控股|有限公司|公司)$/u, '')}`);
  if (e.ticker) keys.push(`t:${e.ticker.toLowerCase()}`);
  return keys;
}

/** One letter changed, added or dropped: "walbrecht" for "valbrecht", "narmadeeep" for "narmadeep". */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function sameName(a: string, b: string): boolean {
  // "n:hellogroup" and "n:hello" name one company when one is the other's start.
  if (a === b) return true;
  // A name misheard or mistyped by one letter in one statement ("Walbrecht AG" in a welcome to the
  // call of "Valbrecht AG") is the same name, when long enough that one letter is a slip.
  if (a[0] === 'n' && b[0] === 'n' && Math.min(a.length, b.length) >= 8 && oneEditApart(a, b)) return true;
  if (a.slice(0, 2) !== b.slice(0, 2) || a[0] === 't') return false;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  return s.length >= 5 && l.startsWith(s);
}

/** Everything the text says about its company, grouped by the company it names. */
export interface CompanyCandidate {
  readonly evidence: CompanyEvidence[];
  readonly weight: number;
  readonly name?: string;
  readonly zhName?: string;
  readonly ticker?: string;
  readonly exchange?: string;
  readonly profile?: Company;
}

function profileKeys(c: Company): string[] {
  const names = [c.names.en, c.names['zh-Hans'], c.names['zh-Hant'], ...c.aliases].filter((x): x is string => Boolean(x));
  return names.flatMap((n) =>
    HAN.test(n) ? keysOf({ zhName: n }) : /^[A-Z][A-Z0-9.]{0,5}$/.test(n) ? [...keysOf({ ticker: n }), ...keysOf({ name: n })] : keysOf({ name: n }),
  );
}

/** Groups the evidence by company (and by profile, when one matches). */
export function candidates(evidence: readonly CompanyEvidence[], profiles: readonly Company[]): CompanyCandidate[] {
  const groups: Array<{ keys: Set<string>; evidence: CompanyEvidence[]; profile?: Company }> = [];
  const profileOf = (keys: readonly string[]) => profiles.find((p) => profileKeys(p).some((pk) => keys.some((k) => sameName(k, pk))));
  for (const e of evidence) {
    const keys = keysOf(e);
    if (keys.length === 0) continue;
    const profile = profileOf(keys);
    const g = groups.find((x) => (profile && x.profile === profile) || [...x.keys].some((k) => keys.some((kk) => sameName(k, kk))));
    if (g) {
      keys.forEach((k) => g.keys.add(k));
      g.evidence.push(e);
      if (profile && !g.profile) g.profile = profile;
    } else groups.push({ keys: new Set(keys), evidence: [e], ...(profile ? { profile } : {}) });
  }
  // Two groups joined by a later statement (a title with name and ticker) become one.
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      const b = groups[j]!;
      if ((a.profile && a.profile === b.profile) || [...a.keys].some((k) => [...b.keys].some((kk) => sameName(k, kk)))) {
        b.keys.forEach((k) => a.keys.add(k));
        a.evidence.push(...b.evidence);
        if (!a.profile && b.profile) a.profile = b.profile;
        groups.splice(j, 1);
        j = i;
      }
    }
  }
  return groups
    .map((g) => {
      const ev = [...g.evidence].sort((a, b) => WEIGHT[b.kind] - WEIGHT[a.kind] || a.line - b.line);
      // The fullest English name among the strongest statements ("Amazon.com, Inc." over "Amazon.com").
      const names = ev.filter((e) => e.name).sort((a, b) => WEIGHT[b.kind] - WEIGHT[a.kind] || b.name!.length - a.name!.length);
      const name = names[0]?.name;
      const zhName = ev.find((e) => e.zhName)?.zhName;
      const withTicker = ev.find((e) => e.ticker);
      return {
        evidence: ev,
        weight: ev.reduce((n, e) => n + WEIGHT[e.kind], 0),
        ...(name ? { name } : {}),
        ...(zhName ? { zhName } : {}),
        ...(withTicker ? { ticker: withTicker.ticker! } : {}),
        ...(withTicker?.exchange ? { exchange: withTicker.exchange } : {}),
        ...(g.profile ? { profile: g.profile } : {}),
      } satisfies CompanyCandidate;
    })
    .sort((a, b) => b.weight - a.weight || a.evidence[0]!.line - b.evidence[0]!.line);
}

function describe(e: CompanyEvidence): string {
  return `line ${e.line} (${e.kind}): "${e.seen.length > 90 ? `${e.seen.slice(0, 87)}…` : e.seen}"`;
}

/** Kinds of statement in which a call names itself (a passing mention is none of them). */
const SELF = new Set<EvidenceKind>(['header', 'title', 'welcome', 'zh-title']);

/**
 * A bilingual call names itself in each script: "华澜食品 (2288.HK) …业绩电话会" and "welcome to
 * Hualan Foods Group's … earnings call" share no key, yet are one company. When the leading
 * candidate lacks a name in one script and exactly one other candidate, without a profile or a
 * ticker of its own, names a company only in that script and only in statements about the call
 * itself, the two are joined. Two such candidates, or one with its own ticker, stay apart.
 */
export function joinScripts(cands: readonly CompanyCandidate[]): CompanyCandidate[] {
  const [best, ...rest] = cands;
  if (!best || best.profile) return [...cands];
  const fills = (c: CompanyCandidate) =>
    !c.profile && !c.ticker && c.evidence.every((e) => SELF.has(e.kind)) && ((!best.name && c.name && !c.zhName) || (!best.zhName && c.zhName && !c.name));
  const partners = rest.filter(fills);
  if (partners.length !== 1) return [...cands];
  const p = partners[0]!;
  const joined: CompanyCandidate = {
    ...best,
    evidence: [...best.evidence, ...p.evidence],
    weight: best.weight + p.weight,
    ...(p.name ? { name: p.name } : {}),
    ...(p.zhName ? { zhName: p.zhName } : {}),
  };
  return [joined, ...rest.filter((c) => c !== p)];
}

/** Letters to change, add or drop to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/**
 * Two spellings of one name as a transcriber may hear it: alike from their start ("green mirror"
 * and "greenmere", two letters in five or fewer apart); with a slip at the start of a long name
 * ("arrow field minerals" for "yarrafield minerals", one letter in five); or sounding alike, the
 * same consonants in the same order with vowels, y, w and h let go, and a third of the letters or
 * fewer apart ("arrow wind" for "yarrawind").
 */
function misheardAs(a: string, b: string): boolean {
  let prefix = 0;
  while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  const distance = editDistance(a, b);
  const longest = Math.max(a.length, b.length);
  const consonants = (x: string) => x.replace(/[aeiouyhw]/g, '').replace(/(.)\1+/g, '$1');
  const soundAlike = Math.min(a.length, b.length) >= 8 && consonants(a).length >= 3 && consonants(a) === consonants(b) && distance <= Math.floor(0.35 * longest);
  return (prefix >= 5 && distance <= Math.floor(0.4 * longest)) || (Math.min(a.length, b.length) >= 10 && distance <= Math.floor(0.2 * longest)) || soundAlike;
}

/**
 * A machine transcript mishears the company's name where the operator says it: "welcome to the
 * green mirror markets third quarter …" and "thanks for joining us for greenmere markets …". Two
 * candidates without a profile or ticker, each named only in statements about the call itself,
 * whose names start alike (five letters or more) and differ by a few letters (at most two in
 * five) are one company, under the name the text says more often.
 */
export function joinMisheard(cands: readonly CompanyCandidate[], lines: readonly Line[]): CompanyCandidate[] {
  const [best, second, ...rest] = cands;
  const plain = (c: CompanyCandidate | undefined): c is CompanyCandidate & { name: string } => Boolean(c && c.name && !c.profile && !c.ticker && !c.zhName && c.evidence.every((e) => SELF.has(e.kind)));
  if (!plain(best) || !plain(second)) return [...cands];
  // (One may say a word more at its end, "the arrow wind energy first quarter" and "the yarrawind
  // first quarter": the names are compared without it too.)
  const shorter = (name: string) => name.split(/\s+/).slice(0, -1).join(' ');
  const pairs: Array<[string, string]> = [[best.name, second.name], [shorter(best.name), second.name], [best.name, shorter(second.name)]];
  if (!pairs.some(([x, y]) => x && y && misheardAs(compactKey(x), compactKey(y)))) return [...cands];
  // (Counted by the words the two names do not share: "green mirror" against "greenmere".)
  const words = (name: string) => name.toLowerCase().split(/\s+/);
  const own = (name: string, other: string) => words(name).filter((w) => !words(other).includes(w)).join(' ');
  const said = (name: string, other: string) => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${own(name, other).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
    return lines.reduce((n, l) => n + (l.text.match(re)?.length ?? 0), 0);
  };
  // (Said as often: the name in fewer words, as speech recognition splits a name it does not know
  // into common words, "yarrow field" for "yarrafield", and rarely joins two.)
  const [s1, s2] = [said(best.name, second.name), said(second.name, best.name)];
  const fewer = words(second.name).length < words(best.name).length;
  const [kept, other] = s2 > s1 || (s2 === s1 && fewer) ? [second, best] : [best, second];
  return [{ ...kept, evidence: [...kept.evidence, ...other.evidence], weight: best.weight + second.weight }, ...rest];
}

/**
 * The company the call is about. Throws a ConvertError naming the line and what was seen when
 * the text does not say clearly (no statement, only a weak one, or two companies).
 */
export function identifyCompany(lines: readonly Line[], file: string, profiles: readonly Company[], sidecar: string): CompanyCandidate & { id: string } {
  const evidence = companyEvidence(lines);
  // A page whose title line is exactly a profile's name (a company page on an investor site).
  for (const l of lines.filter((x) => x.text !== '').slice(0, 10)) {
    const k = compactKey(l.text);
    const p = profiles.find((c) => [c.names.en, c.names['zh-Hans'], c.names['zh-Hant'], ...c.aliases].some((n) => n && compactKey(n) === k));
    if (p) evidence.push({ kind: 'zh-title', line: l.n, seen: l.text, ...(HAN.test(l.text) ? { zhName: l.text } : { name: l.text }) });
  }
  const cands = joinMisheard(joinScripts(candidates(evidence, profiles)), lines);
  const settle = (id: string) => `write ${sidecar} with the line "company: ${id}"`;
  const best = cands[0];
  if (!best) {
    throw new ConvertError(file, 'cannot tell which company this transcript is about: no title, header or welcome names it', {
      line: lines.find((l) => l.text !== '')?.n ?? 1,
      hint: `${settle('<id>')} (a lowercase name such as "acme"), or add a company name to the title line`,
    });
  }
  const id = best.profile?.id ?? companyIdFrom(best.name, best.ticker, best.zhName);
  const strong = best.evidence.some((e) => WEIGHT[e.kind] >= 2);
  const second = cands[1];
  if (second && WEIGHT[second.evidence[0]!.kind] >= 2 && second.weight * 2 >= best.weight) {
    const other = second.profile?.id ?? companyIdFrom(second.name, second.ticker, second.zhName) ?? '?';
    throw new ConvertError(file, `the text names two companies as its own: ${describe(best.evidence[0]!)} and ${describe(second.evidence[0]!)}`, {
      line: best.evidence[0]!.line,
      hint: `${settle(id ?? '<id>')} or "company: ${other}"`,
    });
  }
  if (!strong) {
    throw new ConvertError(file, `cannot tell which company this transcript is about: only ${describe(best.evidence[0]!)} names one, which is not enough`, {
      line: best.evidence[0]!.line,
      hint: settle(id ?? '<id>'),
    });
  }
  if (!id) {
    throw new ConvertError(file, `the company is named only in Chinese (${describe(best.evidence[0]!)}), so it has no ASCII id`, {
      line: best.evidence[0]!.line,
      hint: `${settle('<id>')} (lowercase ASCII, e.g. the ticker), or add a profile in content/companies/ with that name among its aliases`,
    });
  }
  return { ...best, id };
}
