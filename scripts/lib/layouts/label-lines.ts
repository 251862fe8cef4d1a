/**
 * Label lines: every turn opens with a line that holds only its speaker, however the source
 * decorates it, and the speaker's words follow on the next lines. The decorations are those of
 * the usual sources of transcripts, not of any one file:
 *
 * - `Jane Doe -- Chief Executive Officer`, `Tom Asher -- Firm -- Analyst` (news-site transcripts,
 *   with "Prepared Remarks:" / "Questions & Answers:" and a "Call participants:" list at the end);
 * - `[00:03:40] Jane Doe`, `Jane Doe (00:03:40):`, `00:03:40 Jane Doe` (timestamped recordings);
 * - `Q - Tom Asher`, `A - Jane Doe {BIO 12345 <GO>}` (wire-service exports);
 * - `**Jane Doe** (Chief Executive Officer)`, `### Jane Doe, CFO` (Markdown exports, whose
 *   summary box is left out as not part of the call);
 * - `刘振华 董事长：`, `主持人：` on their own line, and `问：…` / `答（刘振华）：…` pairs (Chinese
 *   briefing records).
 *
 * A line counts as a label when its decoration marks it (timestamp, Q/A prefix, bold, BIO tag),
 * when it gives a title or firm, when a participants list names the person, or when the same
 * name labels more than one line; a one-off short line ("Good morning") is a paragraph.
 */
import { ConvertError } from '../errors.ts';
import type { Layout, OmitReason, RawLabel, RawParagraph, RawTurn } from '../raw.ts';
import { omittedRanges } from '../raw.ts';
import { blankSeparatedParagraphs, compactKey, joinHardWrapped, tableCells, textLanguage, type Line } from '../text.ts';
import type { SectionId } from '../../../src/lib/schema.ts';
import { FIRM_WORDS, IR_TITLE, looksLikeChineseName, parseDashLabel, roleFromName, sectionOfHeading, TITLE_WORDS, ZH_FIRM } from './shared.ts';
import { assignRoles, nameNumberedSpeakers, NUMBERED_SPEAKER } from './turns.ts';

/** A label line taken apart: the label itself and what its decoration says. */
export interface LabelLine {
  readonly label: RawLabel;
  /** The decoration alone marks the line as a label (timestamp, Q/A prefix, bold, BIO tag). */
  readonly marked: boolean;
  /** `Q -` / `A -` in wire exports. */
  readonly side?: 'question' | 'answer';
}

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
const LEAD_TIME = new RegExp(String.raw`^[\[(]?${TIME}[\])]?\s*[-–—|]?\s*`);
const TRAIL_TIME = new RegExp(String.raw`\s*[-–—|]?\s*[\[(]?${TIME}[\])]?\s*[:：]?$`);
const BIO = /\s*\{BIO\s+\d+\s*<GO>\}\s*/gi;
const SIDE = /^([QA])\s*[-–—:]\s+(?=\S)/;
/** Label words that are a person: capitalised tokens, initials, particles. */
const EN_NAME = /^(?:\p{Lu}[\p{L}\p{N}_.'’-]*|de|van|von|der|da|di|la|le|bin|al)(?:\s+(?:\p{Lu}[\p{L}\p{N}_.'’-]*|de|van|von|der|da|di|la|le|bin|al)){0,4}$/u;
const GENERIC = /^(?:operator|moderator|unidentified (?:analyst|participant|speaker|company representative)|unknown (?:executive|analyst|speaker|participant)|主持人|操作员|接线员|投资者|投資者)$/i;

/** Headings of participant lists, never a speaker: "**Company**", "**Analysts**". */
const LIST_HEADING = /^(?:company|companies|analysts?|executives?|management|participants?|speakers?|attendees?|corporate participants|other participants|call participants)$/i;

/** A web page's furniture, never a speaker: "Advertisement", "Email", "Copy link". */
const PAGE_CHROME = /^(?:advertisement|advert|sponsored(?: content)?|email|e-mail|share|share this|copy link|print|related|related articles|continue reading(?: below)?|read more|subscribe|sign in|log in|menu|home|comments?)$/i;

/** A link to another story: "RELATED: …", "Read more: …", "See also: …". */
const LINKED_STORY = /^\s*(?:related|read more|see also|also read|more on this|recommended)\s*[:：|]/i;

function validName(name: string): boolean {
  if (LIST_HEADING.test(name) || PAGE_CHROME.test(name)) return false;
  if (GENERIC.test(name) || roleFromName(name)) return true;
  // ("Speaker 1  00:00:02": a video platform's numbered label, named later from what is said.)
  if (NUMBERED_SPEAKER.test(name)) return true;
  if (looksLikeChineseName(name)) return true;
  // ("HENRIK STÅHLBERG": a name in capitals, of two words or more.)
  return (EN_NAME.test(name) && /[a-z]/.test(name) && name.length <= 60) || SHOUTED_NAME.test(name);
}

const LEGAL_FORM = /\s(?:AB|AG|ASA|A\/S|SE|plc|PLC|Inc\.?|Ltd\.?|Limited|LIMITED|Corp\.?|Corporation|Holdings|N\.V\.|S\.A\.|Oyj|GmbH|KGaA|S\.p\.A\.)$/;

/** A name written in capitals: "JONAS WIKNER", "HENRIK STÅHLBERG", "MARY O'NEIL". */
const SHOUTED_NAME = /^\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*){1,3}$/u;

/** "HENRIK STÅHLBERG" -> "Henrik Ståhlberg". */
function unshoutName(name: string): string {
  return SHOUTED_NAME.test(name) || (GENERIC.test(name) && !/\p{Ll}/u.test(name)) ? name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()) : name;
}

/** Splits the undecorated label into name, title or firm. */
export function splitLabel(core: string): RawLabel | undefined {
  const text = core.trim();
  if (!text || text.length > 110) return undefined;
  // `东岳资本分析师 刘思琪`, `远川基金 黄嘉诚`, `董事长兼总经理 林卫东`: a firm or title before the name.
  const before = /^(?<pre>\p{Script=Han}{2,16}?)\s*(?<name>\p{Script=Han}{2,4})$/u.exec(text);
  if (before?.groups && /\s/.test(text) && looksLikeChineseName(before.groups.name!)) {
    const pre = before.groups.pre!;
    if (/分析师|分析師/.test(pre)) {
      const firm = pre.replace(/(?:首席)?(?:分析师|分析師)$/, '');
      return { text, name: before.groups.name!, role: 'analyst', ...(firm ? { firm } : {}) };
    }
    if (TITLE_WORDS.test(pre)) return { text, name: before.groups.name!, title: pre };
    if (ZH_FIRM.test(pre)) return { text, name: before.groups.name!, role: 'analyst', firm: pre };
  }
  // `鼎豐證券 張分析師`, `凯基证券张分析师`: a firm, then an analyst named by family name and title.
  const surnamed = /^(?<firm>\p{Script=Han}{2,12}?)\s*(?<name>\p{Script=Han}(?:分析師|分析师))$/u.exec(text);
  if (surnamed?.groups && looksLikeChineseName(`${surnamed.groups.name![0]}某`) && (ZH_FIRM.test(surnamed.groups.firm!) || /\s/.test(text))) {
    return { text, name: surnamed.groups.name!, role: 'analyst', firm: surnamed.groups.firm! };
  }
  // `Name (Title)`, `刘振华（董事长）`.
  const paren = /^(?<name>[^()（）]{2,60}?)\s*[(（](?<title>[^()（）]{2,80})[)）]$/u.exec(text);
  const zhSpace = /^(?<name>\p{Script=Han}{2,4})\s+(?<title>\p{Script=Han}{2,12})$/u.exec(text);
  const comma = /^(?<name>[^,，]{2,60}),\s*(?<title>.{2,90})$/u.exec(text);
  const dash = /\s[-–—]{1,2}\s/.test(text) ? parseDashLabel(text) : undefined;
  const parts = paren?.groups ?? zhSpace?.groups ?? (dash ? undefined : comma?.groups);
  // "Questioner 1 (Takeshi Hondo, Suzaku Securities)", "Participant 2 (Rina Aoyagi, Aoba
  // Research)": a numbered questioner with the person and firm in brackets.
  const numbered = paren?.groups && /^(?:questioner|participant|analyst|attendee)\s*\d{0,2}$/i.test(paren.groups.name!.trim()) ? /^(?<who>[^,，]{2,60})[,，]\s*(?<firm>.{2,60})$/u.exec(paren.groups.title!.trim()) : null;
  if (numbered?.groups && validName(numbered.groups.who!.trim())) return { text, name: numbered.groups.who!.trim(), role: 'analyst', firm: numbered.groups.firm!.trim() };
  const name = unshoutName((parts?.name ?? dash?.name ?? text).trim());
  if (!validName(name)) return undefined;
  // "Kvarnholm Medical AB (publ)", "Acme Holdings plc": a company's name in the title, not a speaker.
  if (LEGAL_FORM.test(name) || (parts?.title !== undefined && /^publ$/i.test(parts.title.trim()))) return undefined;
  // "Morvane Industrial (XETRA: MRV)", "Acme (NYSE: ACM)": a company with its exchange and ticker, a page's heading.
  if (parts?.title !== undefined && /^[A-Z][A-Za-z]{1,12}\s*:\s*[A-Z0-9.]{1,8}$/.test(parts.title.trim())) return undefined;
  // `主持人（陈晓岚）`, `Operator (Jane)`: the role, with the person who plays it.
  if (paren && (GENERIC.test(name) || roleFromName(name))) return { text, name, ...(roleFromName(name) ? { role: roleFromName(name)! } : {}) };
  const extra = parts?.title?.trim();
  // "Acme AG — Q4 FY2025 Earnings Call" is a title line, not a speaker.
  if (extra && /\b(?:earnings|results|transcript|conference|webcast|call|Q[1-4]|FY\s?\d{2,4}|20\d\d)\b/i.test(extra)) return undefined;
  if (dash && /\b(?:earnings|results|transcript|conference|webcast|Q[1-4]|FY\s?\d{2,4}|20\d\d)\b/i.test(text)) return undefined;
  if (dash) return dash;
  if (!extra) return { text, name, ...(roleFromName(name) ? { role: roleFromName(name)! } : {}) };
  // "Ayumi Sakurada, Moderator": a person, then the role played.
  if (roleFromName(extra) === 'operator') return { text, name, role: 'operator' };
  if (/^(?:research\s+)?analyst$/i.test(extra) || /分析师|分析師/.test(extra)) return { text, name, role: 'analyst' };
  const analystAt = /^(?:(?:research\s+)?analyst\s*(?:,|at|with)\s*(?<a>.+)|(?<b>.+?)\s*,?\s*(?:research\s+)?analyst)$/i.exec(extra);
  if (analystAt?.groups) return { text, name, role: 'analyst', firm: (analystAt.groups.a ?? analystAt.groups.b)!.trim() };
  // A comma label needs a title to be one: "Thanks, Dana" is a sentence; or an investment
  // firm's name, which makes it an analyst's ("Ryo Fujimaki, Hanamura Securities").
  // ("Anna Bergström, Torvalla Industri AB": a person and the company they speak for, named with its legal form.)
  if (comma?.groups && !paren && !zhSpace && !TITLE_WORDS.test(extra) && LEGAL_FORM.test(` ${extra}`) && /^[A-Z]/.test(extra)) return { text, name, firm: extra };
  if (comma?.groups && !paren && !zhSpace && !TITLE_WORDS.test(extra)) return FIRM_WORDS.test(extra) && /^[A-Z]/.test(extra) ? { text, name, role: 'analyst', firm: extra } : undefined;
  return TITLE_WORDS.test(extra) ? { text, name, title: extra } : { text, name, firm: extra };
}


/** Reads a line as a label line, if it is shaped like one (whether it is one depends on the file). */
export function labelLine(raw: string): LabelLine | undefined {
  let t = raw.trim();
  if (!t || t.length > 140) return undefined;
  let marked = false;
  const strip = (re: RegExp) => {
    const next = t.replace(re, '').trim();
    if (next !== t) {
      marked = true;
      t = next;
    }
  };
  const heading = /^#{1,6}\s+/.test(t);
  t = t.replace(/^#{1,6}\s+/, '');
  // "### President", "### CFO": a Markdown export's heading that names the speaker by title only.
  if (heading && TITLE_ONLY.test(t) && t.split(/\s+/).length <= 6 && !headingSection(t)) {
    return { label: { text: t, name: t, title: t, role: IR_TITLE.test(t) ? 'investor-relations' : 'executive' }, marked: true };
  }
  // `發言人：林志明（財務長）`, `發言人 陳怡君 執行長：`: the spokesperson's role word before the person.
  strip(SPOKESPERSON);
  strip(BIO);
  strip(LEAD_TIME);
  strip(TRAIL_TIME);
  let side: LabelLine['side'];
  const s = SIDE.exec(t);
  if (s) {
    side = s[1] === 'Q' ? 'question' : 'answer';
    marked = true;
    t = t.slice(s[0].length);
  }
  // `**Jane Doe** (CEO)`, `**Jane Doe, CFO:**`, `__Jane__`.
  if (/^(\*\*|__)/.test(t)) {
    marked = true;
    t = t.replace(/\*\*|__/g, '').trim();
  }
  t = t.replace(/\s*[:：]$/, '').trim();
  if (!t || /[.!?。！？；;]$/.test(t) || /[“”"]/.test(t) || headingSection(t)) return undefined;
  const label = splitLabel(t);
  if (!label) return undefined;
  const role = label.role ?? (side === 'question' ? 'analyst' : undefined);
  return { label: role ? { ...label, role } : label, marked, ...(side ? { side } : {}) };
}

/** The role word a Chinese official transcript writes before a management speaker. */
const SPOKESPERSON = /^(?:發言人|发言人|報告人|报告人|主講人|主讲人)(?:\s*[:：]\s*|\s+)(?=\p{Script=Han})/u;

/** `问：…`, `提问：…`, `答：…`, `答（刘振华）：…`, `回复：…`: a Chinese briefing's question and answer lines. */
const ZH_QA = /^(?<kind>问|問|提问|提問|投资者提问|投資者提問|答|回答|回复|回覆)\s*(?:\d+\s*)?(?:[(（](?<who>[^()（）]{1,20})[)）])?\s*[:：]\s*(?<rest>\S.*)$/u;

/**
 * A Q&A summary's numbered pairs: "**Q1.** Ryo Hatakeyama (Sakuragawa Securities): …" and
 * "**A1.** CFO Sendai: …" (the number counts the questions; it names no quarter).
 */
const EN_QA = /^(?:\*\*\s*(?<kind>[QA])\s*(?<n>\d{1,2})\s*[.:)–—-]?\s*\*\*|(?<kind2>[QA])(?<n2>\d{1,2})[.:)]|\*\*\s*(?<kind3>[QA])\s*(?<n3>\d{1,2})\s*[.:)]?\s*(?<who3>\([^()]{2,120}\))\s*[:：]?\s*\*\*)\s+(?:(?<who>[^:：?!]{2,80}?)\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*)?(?<rest>\S.*)$/u;
/** The kind of a numbered pair, however its line writes it. */
const qaKind = (g: Record<string, string | undefined>) => g.kind ?? g.kind2 ?? g.kind3;

/** The heading of a call's presentation part. */
const PRESENTATION_HEADING = /^(?:presentation|prepared remarks|management presentation|management remarks|opening remarks)$/i;

/** Who a numbered pair names, when it is a speaker: "Ryo Hata (Sakura Securities)", "CFO Sendo", "(Emi Hara, Thorn Securities)". */
function numberedSpeaker(kind: string, who: string | undefined): RawLabel | undefined {
  const w = who?.trim().replace(/^\((.*)\)$/, '$1').trim();
  if (!w || w.split(/\s+/).length > 8) return undefined;
  if (kind === 'A') {
    const titled = titleThenName(w);
    if (titled) return titled;
  }
  const label = splitLabel(w);
  if (!label || (!label.title && !label.firm && !label.role && !/^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$/u.test(label.name))) return undefined;
  return kind === 'Q' ? { ...label, role: 'analyst' } : { ...label, role: label.role ?? 'executive' };
}

/** "(Analyst, Hoshino Securities — Mr. Aoki)", "(Analyst, Kitamura Capital Markets — Ms. Endo, follow-up)": the asker and firm. */
function bracketedAnalyst(who: string): RawLabel | undefined {
  const m = /^\(\s*(?:analyst|questioner|participant)\s*[,，]\s*(?<firm>[^—–]{2,80}?)\s*[—–]+\s*(?:(?:mr|ms|mrs|dr)\.?\s+)?(?<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s*(?:,\s*follow-?up)?\s*\)$/iu.exec(who.trim());
  return m?.groups ? { text: who, name: m.groups.name!, role: 'analyst', firm: m.groups.firm!.trim() } : undefined;
}

/** "CFO Sendai", "President Kameda": a title, then the family name. */
function titleThenName(who: string): RawLabel | undefined {
  const m = /^(?<title>.{2,50}?)\s+(?<name>\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)$/u.exec(who.trim());
  if (!m?.groups || !TITLE_ONLY.test(m.groups.title!)) return undefined;
  return { text: who.trim(), name: m.groups.name!, title: m.groups.title!, role: IR_TITLE.test(m.groups.title!) ? 'investor-relations' : 'executive' };
}

/** Headings: section names, a numbered Chinese heading (`三、投资者问答`), Markdown headings. */
function headingSection(text: string): SectionId | 'heading' | undefined {
  const t = text.replace(/^#{1,6}\s*/, '').replace(/[\p{Extended_Pictographic}\u{FE0F}*_]/gu, '').replace(/[:：]$/, '').trim();
  const sec = sectionOfHeading(t);
  if (sec) return sec;
  if (t.length <= 40 && /^(?:questions?\s*(?:&|and)\s*answers?|q\s*&\s*a|question-and-answer session)$/i.test(t)) return 'qa';
  if (/^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*\S{2,20}$/u.test(t)) return /问答|問答|答疑|互动|互動|交流/.test(t) ? 'qa' : 'heading';
  if (/^#{1,6}\s/.test(text)) return 'heading';
  if (/^(?:prepared remarks|presentation|management remarks|opening remarks|management discussion section)$/i.test(t)) return 'heading';
  return undefined;
}

/** Lines that end the call: a participants list or duration after the call, a disclaimer, a rule. */
const END_MATTER = /^(?:duration\s*:.*|(?:call|corporate|company|conference call|other)\s+participants\s*:?|participants\s*:?|-{3,}|\*{3,}|_{3,}|copyright\b.*|©.*|this transcript may not be 100 percent accurate.*|disclaimer\s*:?.*)$/i;
const PARTICIPANT_LISTS = /^(?:company participants|corporate participants|executives|other participants|conference call participants|analysts|call participants|participants|attendees)\s*:?$/i;

/** People named in the header's attendee line: `参会人员：董事长 刘振华；财务总监 何静`. */
function attendees(lines: readonly Line[]): Map<string, RawLabel> {
  const out = new Map<string, RawLabel>();
  const head = lines.slice(0, 40);
  const entries: string[] = [];
  head.forEach((l, i) => {
    const m = /^(?:公司)?(?:参会人员|參會人員|出席人员|出席人員|参加人员|參加人員|接待人员|接待人員)\s*[:：]\s*(.*)$/.exec(l.text);
    if (!m) return;
    if (m[1]!.trim()) entries.push(...m[1]!.split(/[；;、，,]/));
    // …or one attendee a line under it ("公司出席人员：" / "董事长兼总经理 林卫东"), until a blank line.
    else for (const next of head.slice(i + 1)) {
      if (next.text === '') break;
      entries.push(next.text);
    }
  });
  {
    for (const part of entries) {
      const p = /^\s*(?<title>\S.{0,20}?)\s+(?<name>\p{Script=Han}{2,4})\s*$/u.exec(part) ?? /^\s*(?<name>\p{Script=Han}{2,4})\s+(?<title>\S.{0,20}?)\s*$/u.exec(part);
      if (p?.groups && looksLikeChineseName(p.groups.name!)) {
        const title = p.groups.title!.trim();
        out.set(compactKey(p.groups.name!), { text: p.groups.name!, name: p.groups.name!, title, role: IR_TITLE.test(title) || /董事会秘书|董事會秘書/.test(title) ? 'investor-relations' : 'executive' });
      }
    }
  }
  return out;
}

/** A line that names an analyst's firm: "BofA Securities, Research Division", "Redfern Capital Partners". */
function firmLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 80 && !/[.!?:]$/.test(t) && (/,\s*research division$/i.test(t) || (FIRM_WORDS.test(t) && !TITLE_WORDS.test(t)));
}

/** Words of job titles only: "Group Chief Financial Officer", "Executive VP & President". */
const TITLE_ONLY = /^\s*(?:(?:group|global|chief|executive|financial|operating|technology|information|officer|vice|senior|president|director|head|of|investor|relations|and|&|managing|general|manager|deputy|founder|co-founder|chairman|chairwoman|chair|ceo|cfo|coo|cto|evp|svp|vp|the|ir|corporate|communications|treasurer|secretary|board|member|finance|strategy|interim|acting)\s*)+$/i;

/** A short line that only repeats the speaker's title or firm, under the label. */
function isTitleLine(text: string, label: RawLabel): boolean {
  if (text.length > 100 || /[.!?。？！]$/.test(text)) return false;
  const k = compactKey(text);
  if ((label.title && compactKey(label.title) === k) || (label.firm && k.startsWith(compactKey(label.firm)))) return true;
  // (Not words said: "thank you operator with me is our chief financial officer".)
  if (/\b(?:i|we|you|our|my|me|us|thank|thanks|is|are|was)\b/i.test(text) && !TITLE_ONLY.test(text.replace(/,/g, ' '))) return false;
  return TITLE_WORDS.test(text) && text.split(/\s+/).length <= 12 && !/[,;:]\s+\w+\s+\w+\s+\w+\s+\w+/.test(text);
}

interface Candidate {
  readonly index: number;
  readonly parsed: LabelLine;
}

/** The label lines of a file: shaped like labels, and confirmed by decoration, title, list or repetition. */
/** "Anna Berg, Brattvik": a person's name, a comma, and one to four capitalised words. */
const NAME_COMMA_COMPANY = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}),\s*(\p{Lu}[\p{L}&'’.-]*(?:\s+[\p{Lu}&][\p{L}&'’.-]*){0,3})$/u;

function labelLines(lines: readonly Line[], known: (name: string) => boolean): Candidate[] {
  const shaped: Candidate[] = [];
  lines.forEach((l, index) => {
    if (l.text === '' || PARTICIPANT_LISTS.test(l.text)) return;
    const parsed = labelLine(l.text);
    // A label is followed by words, not by the end of the file.
    if (parsed && lines.slice(index + 1).some((n) => n.text !== '')) shaped.push({ index, parsed });
  });
  // "Anna Berg, Brattvik" / "Magnus Ek, Brattvik": a name, a comma and a company without its legal
  // form are labels when two or more different people are written with the same company.
  const unshaped = lines
    .map((l, index) => ({ index, m: l.text.length <= 80 && !shaped.some((c) => c.index === index) ? NAME_COMMA_COMPANY.exec(l.text.trim()) : null }))
    .filter((x): x is { index: number; m: RegExpExecArray } => x.m !== null && !TITLE_WORDS.test(x.m[2]!) && validName(x.m[1]!));
  const peopleOf = new Map<string, Set<string>>();
  for (const { m } of unshaped) peopleOf.set(m[2]!, (peopleOf.get(m[2]!) ?? new Set()).add(m[1]!));
  for (const { index, m } of unshaped) {
    if ((peopleOf.get(m[2]!)?.size ?? 0) >= 2 && lines.slice(index + 1).some((n) => n.text !== '')) shaped.push({ index, parsed: { label: { text: m[0], name: m[1]!, firm: m[2]! }, marked: false } });
  }
  shaped.sort((a, b) => a.index - b.index);
  const counts = new Map<string, number>();
  for (const c of shaped) counts.set(compactKey(c.parsed.label.name), (counts.get(compactKey(c.parsed.label.name)) ?? 0) + 1);
  // A name the paragraph before hands over to ("The next question comes from Annika Lövgren, …").
  const introduced = (c: Candidate) => {
    let k = c.index - 1;
    while (k >= 0 && lines[k]!.text === '') k--;
    return k >= 0 && /\s/.test(c.parsed.label.name) && lines[k]!.text.toLowerCase().includes(c.parsed.label.name.toLowerCase());
  };
  // A name line with the speaker's title on the line under it ("Shao-Min Cheng" / "Group Chief
  // Financial Officer"): the two are one label, even for someone who speaks once.
  const titledNext = (c: Candidate) => {
    const next = lines.slice(c.index + 1).find((n) => n.text !== '');
    return next !== undefined && !TITLE_ONLY.test(c.parsed.label.name) && TITLE_ONLY.test(next.text.replace(/[,]/g, ' ')) && isTitleLine(next.text, c.parsed.label);
  };
  // An analyst's name line with the firm on the line under it ("Justin Post" / "BofA Securities,
  // Research Division"): the firm line is part of the label, not a speaker.
  const byIndex = new Map(shaped.map((c) => [c.index, c]));
  const above = (c: Candidate) => {
    let k = c.index - 1;
    while (k >= 0 && lines[k]!.text === '') k--;
    return k === c.index - 1 ? byIndex.get(k) : undefined;
  };
  const firmUnder = new Set(shaped.filter((c) => firmLine(lines[c.index]!.text) && above(c) !== undefined && !firmLine(lines[above(c)!.index]!.text)).map((c) => c.index));
  return shaped.filter((c) => {
    const { label, marked } = c.parsed;
    // (A title alone is no one's name: "Group Chief Financial Officer".)
    // (Unless a Markdown heading gives it as the speaker: "### President".)
    if (TITLE_ONLY.test(label.name) && !GENERIC.test(label.name) && roleFromName(label.name) === undefined && !/^#{1,6}\s/.test(lines[c.index]!.text)) return false;
    if (firmUnder.has(c.index)) return false;
    const under = lines[c.index + 1]?.text ?? '';
    if (under !== '' && !firmLine(lines[c.index]!.text) && firmLine(under) && /\s/.test(label.name) && !label.title && !label.firm) return true;
    return titledNext(c) || introduced(c) || marked || GENERIC.test(label.name) || roleFromName(label.name) !== undefined || label.title !== undefined || label.role === 'analyst' || label.firm !== undefined || known(label.name) || (counts.get(compactKey(label.name)) ?? 0) >= 2;
  });
}

/**
 * A parallel transcript: each English paragraph followed by its translation, under the same
 * speaker ("Kenji Watanabe, CFO:" / "渡边健二，首席财务官：" then the Chinese paragraph, or the
 * Chinese paragraph straight after the English one). The translation goes with its paragraph,
 * as in the bilingual layouts, and is not a turn or a paragraph of its own. Only when most
 * English paragraphs have one: a call with a few Chinese sentences is left as it is.
 */
function withTranslations(turns: readonly RawTurn[]): RawTurn[] {
  const latin = (t: string) => textLanguage(t, 'en') === 'en';
  const inTurn = turns.map((t) => {
    const out: RawParagraph[] = [];
    for (const p of t.paragraphs) {
      const last = out.at(-1);
      if (last && !last.translation && latin(last.text) && !latin(p.text)) out[out.length - 1] = { ...last, translation: p.text };
      else out.push(p);
    }
    return { ...t, paragraphs: out };
  });
  const merged: RawTurn[] = [];
  for (let i = 0; i < inTurn.length; i++) {
    const a = inTurn[i]!;
    const b = inTurn[i + 1];
    const untranslated = a.paragraphs.filter((p) => !p.translation && latin(p.text));
    if (b && untranslated.length > 0 && b.paragraphs.every((p) => !latin(p.text))) {
      const zh = b.paragraphs.map((p) => p.text);
      let k = 0;
      const paragraphs = a.paragraphs.map((p) => {
        if (p.translation || !latin(p.text) || k >= zh.length) return p;
        // (More translated paragraphs than English ones: the rest go with the last.)
        const last = p === untranslated.at(-1);
        const translation = last ? zh.slice(k).join('\n') : zh[k]!;
        k = last ? zh.length : k + 1;
        return { ...p, translation };
      });
      merged.push({ ...a, paragraphs });
      i++;
    } else merged.push(a);
  }
  const english = merged.flatMap((t) => t.paragraphs.filter((p) => latin(p.text)));
  return english.length > 0 && english.filter((p) => p.translation).length >= 0.6 * english.length ? merged : [...turns];
}

export const labelLinesLayout: Layout = {
  id: 'label-lines',

  sniff(lines) {
    const found = labelLines(lines, () => false);
    const zhQa = lines.filter((l) => ZH_QA.test(l.text) || EN_QA.test(l.text)).length;
    // (A Q&A summary's numbered pairs, two or more of each, make the layout even without labels.)
    const pairs = (kind: string) => lines.filter((l) => { const g = EN_QA.exec(l.text)?.groups; return g !== undefined && qaKind(g) === kind; }).length;
    if (pairs('Q') >= 2 && pairs('A') >= 2) return true;
    const people = new Set(found.filter((c) => !GENERIC.test(c.parsed.label.name)).map((c) => compactKey(c.parsed.label.name)));
    return (found.length >= 4 && people.size >= 2) || (zhQa >= 4 && found.length >= 1);
  },

  parse(lines, ctx) {
    const omitted: { n: number; reason: OmitReason }[] = [];
    const listed = attendees(lines);
    const listLines = new Set<number>();
    // Participants lists (before or after the call) give titles and firms.
    let list: 'company' | 'analyst' | undefined;
    for (const l of lines) {
      if (l.text === '') continue;
      const heading = l.text.replace(/^#{1,6}\s*|\*\*|__/g, '').replace(/[:：]$/, '').trim();
      if (PARTICIPANT_LISTS.test(heading) || (list && LIST_HEADING.test(heading))) {
        list = /other|conference|analysts/i.test(heading) ? 'analyst' : 'company';
        continue;
      }
      if (!list) continue;
      // Bulleted entries: "- Martina Keller – Chief Executive Officer".
      const parsed = labelLine(l.text.replace(/^[-*•·]\s+/, ''));
      if (!parsed || parsed.marked) {
        list = undefined;
        continue;
      }
      const lab = parsed.label;
      const analyst = list === 'analyst' || lab.role === 'analyst';
      const role = analyst ? 'analyst' : lab.title && IR_TITLE.test(lab.title) ? 'investor-relations' : 'executive';
      const firm = analyst ? (lab.firm ?? (lab.title && !/^analyst$/i.test(lab.title) ? lab.title : undefined)) : undefined;
      listed.set(compactKey(lab.name), { text: lab.name, name: lab.name, role, ...(firm ? { firm } : {}), ...(!analyst && lab.title ? { title: lab.title } : {}) });
      listLines.add(l.n);
    }
    // (An entry of a participants list names a speaker; it does not open a turn.)
    const found = labelLines(lines, (n) => listed.has(compactKey(n)) || ctx.isKnownPerson(n)).filter((c) => !listLines.has(lines[c.index]!.n));
    const zhQa = lines.some((l) => ZH_QA.test(l.text) || EN_QA.test(l.text));
    const labelAt = new Map(found.map((c) => [c.index, c.parsed]));
    const firstQa = zhQa ? lines.findIndex((l) => ZH_QA.test(l.text) || EN_QA.test(l.text)) : -1;
    // (A summary whose presentation names no speaker, "## Presentation" then prose, before its
    // numbered Q&A: the presentation is management's.)
    const unlabelledPresentation = firstQa >= 0 && !(found[0] && found[0].index < firstQa) ? lines.findIndex((l, i) => i < firstQa && PRESENTATION_HEADING.test(l.text.replace(/^#{1,6}\s*/, '').replace(/[:：]$/, '').trim())) : -1;
    const firstTurn = Math.min(found[0]?.index ?? Infinity, firstQa >= 0 ? firstQa : Infinity, unlabelledPresentation >= 0 ? unlabelledPresentation : Infinity);
    if (!Number.isFinite(firstTurn)) {
      throw new ConvertError(ctx.file, 'no line holds only a speaker label', { line: lines[0]?.n ?? 1, hint: 'each turn should start with a line such as "Jane Doe -- Chief Executive Officer" or "Operator"' });
    }

    const body = lines.slice(firstTurn);
    const blankSeparated = blankSeparatedParagraphs(body);
    const turns: RawTurn[] = [];
    let current: RawTurn | undefined;
    let section: SectionId | undefined;
    let open: { line: number; text: string } | undefined;
    let ended = false;
    let titleNext = false;
    const close = () => {
      if (open && current) current.paragraphs.push({ line: open.line, text: open.text });
      open = undefined;
    };
    /** The line under the current label adds to it (a title, a firm). */
    const relabel = (more: Partial<RawLabel>) => {
      current = { ...current!, label: { ...current!.label, ...more } };
      turns[turns.length - 1] = current;
    };
    const startTurn = (label: RawLabel, line: number, opensExchange = false) => {
      close();
      const who = listed.get(compactKey(label.name));
      const title = label.title ?? who?.title;
      const firm = label.firm ?? who?.firm;
      const role = label.role ?? who?.role ?? (title ? (IR_TITLE.test(title) ? 'investor-relations' : 'executive') : undefined);
      current = { label: { ...label, ...(title ? { title } : {}), ...(firm ? { firm } : {}), ...(role ? { role } : {}) }, line, ...(section ? { section } : {}), ...(opensExchange ? { opensExchange } : {}), paragraphs: [] };
      turns.push(current);
    };
    // Header before the first turn: title, date, a summary box. None of it was said on the call.
    lines.slice(0, firstTurn).forEach((l) => {
      if (l.text === '') return;
      omitted.push({ n: l.n, reason: /^>/.test(l.text) || /\b(?:summary|takeaways?|highlights)\b/i.test(l.text) ? 'page-summary' : 'cover' });
    });
    body.forEach((l, k) => {
      const index = firstTurn + k;
      if (l.text === '') {
        if (blankSeparated) close();
        return;
      }
      if (ended) {
        omitted.push({ n: l.n, reason: 'end-marker' });
        return;
      }
      // (End matter is a line of its own, capitalised: "Disclaimer: …", "Copyright ©", not a
      // hard-wrapped line of prose that happens to start with the word, "disclaimer on page two".)
      if (END_MATTER.test(l.text) && !/^\s*\p{Ll}/u.test(l.text)) {
        close();
        // (A rule between pages or sections, "-----", or a page's table of contents naming "Call
        // participants", with speakers still to come, ends nothing.)
        ended = turns.length > 0 && ![...labelAt.keys()].some((i) => i > index) && !lines.slice(index + 1).some((x) => EN_QA.test(x.text) || ZH_QA.test(x.text));
        omitted.push({ n: l.n, reason: /accurate|disclaimer|copyright|©/i.test(l.text) ? 'disclaimer' : 'end-marker' });
        return;
      }
      const parsed = labelAt.get(index);
      const heading = parsed ? undefined : headingSection(l.text);
      if (heading) {
        close();
        if (heading !== 'heading') section = heading;
        omitted.push({ n: l.n, reason: 'cover' });
        if (index === unlabelledPresentation) startTurn({ text: 'Management', name: 'Management', role: 'executive' }, l.n);
        return;
      }
      // A web page's furniture: "Advertisement", "RELATED: Kinbarra FY26 result: …", "Read more: …".
      if (!parsed && (PAGE_CHROME.test(l.text.trim()) || LINKED_STORY.test(l.text))) {
        close();
        omitted.push({ n: l.n, reason: 'site-chrome' });
        return;
      }
      // A summary box or note by whoever exported the file.
      if (/^>/.test(l.text)) {
        close();
        omitted.push({ n: l.n, reason: 'page-summary' });
        return;
      }
      if (parsed) {
        if (parsed.side === 'question') section = 'qa';
        startTurn(parsed.label, l.n);
        titleNext = true;
        return;
      }
      const numbered = EN_QA.exec(l.text);
      if (numbered?.groups) {
        const kind = qaKind(numbered.groups)!;
        const asks = kind === 'Q';
        // ("**Q1. (Analyst, Hoshino Securities — Mr. Aoki)** …", "**A1. (Tanabe)** …": who is in
        // brackets inside the bold; a family name alone is the listed speaker who has it.)
        const who3 = numbered.groups.who3;
        const family = who3 && !asks ? /^\(\s*(\p{Lu}[\p{Ll}'’-]+)\s*\)$/u.exec(who3)?.[1] : undefined;
        const known = new Map([...listed.values(), ...turns.map((t) => t.label)].filter((e) => e.role !== 'analyst' && e.role !== 'operator').map((e) => [compactKey(e.name), e]));
        const listedByFamily = family ? [...known.values()].filter((e) => new RegExp(`(?:^|\\s)${family}$`, 'u').test(e.name)) : [];
        // (A pair that names nobody is an analyst's question and management's answer.)
        const named = listedByFamily.length === 1 ? listedByFamily[0]! : who3 ? (asks ? bracketedAnalyst(who3) : numberedSpeaker(kind, who3)) : numberedSpeaker(kind, numbered.groups.who);
        const label: RawLabel = named ?? (asks ? { text: 'Analyst', name: 'Analyst', role: 'analyst' } : { text: 'Management', name: 'Management', role: 'executive' });
        const rest = named || who3 || !numbered.groups.who ? numbered.groups.rest! : `${numbered.groups.who}: ${numbered.groups.rest}`;
        section = 'qa';
        startTurn(label, l.n, asks);
        open = { line: l.n, text: rest.replace(/^\*\*\s*/, '').trim() };
        titleNext = false;
        return;
      }
      const qa = ZH_QA.exec(l.text);
      if (qa?.groups) {
        const asks = /^(?:问|問|提问|提問|投资者提问|投資者提問)$/.test(qa.groups.kind!);
        const who = qa.groups.who?.trim();
        // (`問（鼎豐證券 張分析師）：` names the asker and firm: read as a label.)
        const named = asks && who ? splitLabel(who) : undefined;
        const label: RawLabel = asks
          ? named?.role === 'analyst' ? named : { text: who ?? '投资者', name: who ?? '投资者', role: 'analyst' }
          : who && looksLikeChineseName(who)
            ? { text: who, name: who, role: 'executive' }
            : { text: '管理层', name: '管理层', role: 'executive' };
        section = 'qa';
        startTurn(label, l.n, asks);
        open = { line: l.n, text: qa.groups.rest!.trim() };
        titleNext = false;
        return;
      }
      // ("Justin Post" / "BofA Securities, Research Division": the line under the name gives the firm.)
      if (titleNext && current && current.paragraphs.length === 0 && !open && !current.label.title && !current.label.firm && current.label.role !== 'executive' && firmLine(l.text)) {
        relabel({ firm: l.text.trim().replace(/,\s*research division$/i, ''), role: 'analyst' });
        titleNext = false;
        omitted.push({ n: l.n, reason: 'cover' });
        return;
      }
      if (titleNext && current && current.paragraphs.length === 0 && !open && isTitleLine(l.text, current.label)) {
        titleNext = false;
        // ("Yang Yuanqing" / "Chairman & CEO": the line under the name gives a title no label or list gave.)
        if (!current.label.title && !current.label.firm && current.label.role !== 'analyst' && current.label.role !== 'operator' && TITLE_ONLY.test(l.text.replace(/,/g, ' '))) {
          relabel({ title: l.text.trim(), role: IR_TITLE.test(l.text) ? 'investor-relations' : 'executive' });
        }
        omitted.push({ n: l.n, reason: 'cover' });
        return;
      }
      titleNext = false;
      if (!current) {
        omitted.push({ n: l.n, reason: 'cover' });
        return;
      }
      const text = l.text.replace(/\*\*|__/g, '').replace(/(^|\s)\*(\S[^*]*?\S|\S)\*(?=\s|[.,;:!?]|$)/g, '$1$2');
      // A bulleted line is a list item of its own, even where blank lines separate paragraphs.
      // (A long line that ends a sentence is a paragraph of its own, not a hard-wrapped line:
      // some exports separate turns by blank lines but a turn's paragraphs by line breaks only.)
      const lastLine = body[k - 1]?.text ?? '';
      const ownParagraph = lastLine.length > 100 && /[.!?。！？]["”’)]?\s*$/.test(lastLine);
      // (So is each row of a table: "| Drives | EUR 612m |", "Drives      EUR 612m      +4.1%".)
      const row = tableCells(text) !== undefined || tableCells(open?.text ?? '') !== undefined;
      if (open && blankSeparated && !ownParagraph && !row && !/^\s*[-*•·]\s+\S/.test(l.text)) open.text = joinHardWrapped(open.text, text);
      else {
        close();
        open = { line: l.n, text };
      }
    });
    close();
    const said = assignRoles(nameNumberedSpeakers(turns.filter((t) => t.paragraphs.length > 0)));
    if (said.length === 0) throw new ConvertError(ctx.file, 'speaker labels were found but no words under them', { line: lines[firstTurn]!.n });
    const spoken = withTranslations(said);
    const original = spoken.flatMap((t) => t.paragraphs.map((p) => p.text)).join('\n');
    const translated = spoken.flatMap((t) => t.paragraphs.flatMap((p) => (p.translation ? [p.translation] : []))).join('\n');
    const paragraphs: RawParagraph[] = [];
    return {
      layout: 'label-lines',
      layers: [
        { lang: textLanguage(original, 'en'), role: 'original', machine_translated: false },
        ...(translated ? [{ lang: textLanguage(translated, 'zh-Hans'), role: 'translation' as const, machine_translated: false }] : []),
      ],
      turns: spoken,
      announcement: paragraphs,
      omitted: omittedRanges(omitted),
    };
  },
};
