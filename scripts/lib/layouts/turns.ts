/**
 * Transcripts whose turns start inline with the speaker's name: `Jane Doe: text` (or
 * `Jane Doe:text`), later paragraphs of the turn unlabelled. Two layouts share this reader:
 *
 * - inline turns: a web page of the call (often a scraper's copy) with a metadata header, the
 *   date, a "Call participants" list (`Chief Executive Officer — Jane Doe`), a summary written
 *   by the site's editors (takeaways, risks, a glossary), then the transcript after a line such
 *   as "Full Conference Call Transcript"; Markdown-like exports (`#` headings, `**` emphasis,
 *   emoji) are read the same way;
 * - interleaved pairs: numbered paragraphs `[ 12] [EN] Jane Doe: text` each followed by its
 *   translation `[中] …` (and sometimes an echo of the original), with banners (`━━ Q&A ━━`,
 *   `==== 📢 Prepared Remarks ====`) and a metadata header.
 *
 * What the editors wrote (header, summary, glossary, participants) is never a speaker's words:
 * it is left out and recorded as omitted.
 */
import { ConvertError } from '../errors.ts';
import type { Layout, OmitReason, RawLabel, RawParagraph, RawTurn } from '../raw.ts';
import { omittedRanges } from '../raw.ts';
import { compactKey, tableCells, textLanguage, type Line } from '../text.ts';
import type { Layer, SectionId } from '../../../src/lib/schema.ts';
import { IR_TITLE, looksLikeChineseName, MACHINE_TRANSLATION, roleFromName, sectionOfHeading, TITLE_WORDS, withoutRecordingTimes } from './shared.ts';

/** A paragraph before speakers are assigned, with its translation in paired layouts. */
interface Para {
  readonly line: number;
  readonly text: string;
  readonly translation?: string;
  /** A heading or banner rather than a paragraph. */
  readonly heading?: boolean;
}

/**
 * `Name: text`, `Name (Firm): text`, `Name, Title: text`, `Name, Firm: text`, `**Name – Title:** text`, `**Name**: text`;
 * the name is a few capitalised words or a generic label.
 */
const INLINE = /^\**(?<name>[Ss]peaker[ \t]+\d{1,2}|(?:\p{Lu}[\p{L}\p{M}\d_.'’-]*|de|van|von|da|di|la|le)(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}\d_.'’-]*|de|van|von|da|di|la|le)){0,4}|[\p{Script=Han}·]{2,8})\**(?:\s*[(（](?<firm>[^()（）]{2,60})[)）]|(?:,[ \t]*|[ \t]+[–—][ \t]+)(?<after>\p{Lu}[^:：()（）,.!?]{1,60}(?:,[ \t]*\p{Lu}[^:：()（）,.!?]{1,40})?(?:\.(?=\**\s*[:：]))?))?\**\s*[:：]\s*\**(?<rest>.*)$/u;
/** Words that end an investment firm's name rather than a job title. */
const FIRM_WORDS = /\b(?:Partners|Securities|Capital|Research|Bank|Markets|Advisors|Advisers|Investments|Asset Management|LLC|LLP|Ltd|Inc|AG|& Co\.?)$/;
const GENERIC = /^(operator|moderator|unidentified (?:analyst|participant|speaker|company representative)|unknown (?:executive|analyst|speaker)|speaker \d{1,2}|主持人|操作员|接线员)$/i;
/** Where the call itself starts on such pages. */
const START = /^(?:full )?(?:conference )?call transcript$|^(?:full )?transcript$|^prepared remarks:?$|^完整(?:的)?(?:电话会议|電話會議)?(?:记录|記錄|原文)$/i;
/** Headings of parts that are not the call: participants lists, the editors' summary, a glossary. */
const NOT_CALL = /^(?:call participants|participants|takeaways|key takeaways|summary|risks|industry glossary|glossary|editor'?s? notes?|about|related|more)\s*:?$/i;
const PARTICIPANT = /^(?:👤\s*)?(?<title>[^—–]{2,120}?)\s+[—–]\s+(?<name>[^—–]{2,60})$/u;
/** "MANAGEMENT: MR. ARJUN KULKARNI – MANAGING DIRECTOR, ACME FOODS LIMITED": name first, after an honorific. */
const HONORIFIC_PARTICIPANT = /^(?:[A-Za-z ]{3,30}:\s*)?(?:mr|ms|mrs|dr|shri|smt|prof)\.?\s+(?<name>[A-Za-z][A-Za-z.'’ -]{1,50}?)\s+[—–-]\s+(?<title>[^—–]{2,120})$/iu;
/** The company after a participant's title ("Chief Financial Officer, Acme Foods Limited"). */
const EMPLOYER = /,\s*[^,]*\b(?:limited|ltd\.?|inc\.?|corporation|corp\.?|plc|group|holdings|company|co\.)\s*$/i;

/** "MANAGING DIRECTOR" -> "Managing Director"; mixed case is kept. */
function unshout(text: string): string {
  return /[a-z]/.test(text) ? text : text.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\b(Of|And|The|For)\b/g, (w) => w.toLowerCase());
}
const SECTION_BANNER = /^(?:━+|={3,}|#{1,6})\s*(?<text>.*?)\s*(?:━+|={3,})?$/u;

function stripDecoration(text: string): string {
  return text
    .replace(/^[\s#>*]+|[*\s]+$/g, '')
    .replace(/^[\p{Extended_Pictographic}\u{FE0F}\s]+/u, '')
    .trim();
}

/** `**Jane Doe** (Chief Financial Officer)`, `**Operator** [00:00] Good morning …`: a bold name without a colon, then perhaps a title in brackets, then perhaps the words. */
const BOLD_LABEL = /^\*\*(?<name>\p{Lu}[\p{L}.'’ -]{1,58}?)\*\*(?!:)\s*(?:\((?<title>[^()]{2,80})\))?(?:\s+|$)(?<rest>.*)$/u;

/** A paragraph that is only a label: `Jane Doe--Chief Financial Officer`, `Jane Doe -- Analyst, Firm`. */
const DASH_LABEL = /^(?<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*(?:--|—|–|\s-\s)\s*(?<title>[^.!?]{2,90})$/u;

/** A label that names only the one who asks. */
const QUESTIONER = /^(?:q|question|questioner|questioners)$/i;
/** The interpreter's own label. */
const INTERPRETER = /^(?:interpreter|interpretation|translator|simultaneous interpreter)$/i;
/** An interpreter's mark on a label or on the words: "Kurosawa [Interpreted]:", "Q: [Interpreted] This is …". */
const INTERPRETED_MARK = /\s*[\[(](?:interpreted|interpretation|via interpreter|through (?:an )?interpreter|translated)[\])]\s*/i;
/** "A: Kurosawa [Interpreted]: …": a question-and-answer mark before the answering speaker's own label. */
const QA_MARK_BEFORE_LABEL = /^(?:Q|A)\s*[:：]\s*(?=\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:[\[(][^\])]{2,40}[\])])?\s*[:：])/u;

/**
 * A paragraph's label and words without an interpreter's marks, and whether it had one: "A:
 * Kurosawa [Interpreted]: Thank you." is Kurosawa's interpreted "Thank you."
 */
function withoutInterpretation(text: string): { text: string; interpreted: boolean } {
  let t = text.replace(QA_MARK_BEFORE_LABEL, '');
  const label = /^([^:：]{1,80}?)\s*[:：]/.exec(t);
  let interpreted = false;
  if (label && INTERPRETED_MARK.test(label[1]!)) {
    t = `${label[1]!.replace(INTERPRETED_MARK, '')}:${t.slice(label[0].length)}`;
    interpreted = true;
  }
  const words = /^([^:：]{1,80}?[:：])\s*/.exec(t);
  const rest = words ? t.slice(words[0].length) : t;
  const lead = new RegExp(`^${INTERPRETED_MARK.source}`, 'i').exec(rest);
  if (lead) {
    t = `${words ? words[1] + ' ' : ''}${rest.slice(lead[0].length)}`;
    interpreted = true;
  }
  return { text: t, interpreted };
}

/** A label at the start of a paragraph, when the name is a speaker of this call. */
function labelOf(text: string, isSpeaker: (name: string) => boolean): { label: RawLabel; rest: string } | undefined {
  const dash = HONORIFIC_PARTICIPANT.test(stripDecoration(text)) ? null : DASH_LABEL.exec(stripDecoration(text));
  if (dash?.groups && text.length <= 120) {
    const name = dash.groups.name!.trim();
    const title = dash.groups.title!.trim();
    const analyst = /analyst/i.test(title);
    const firm = analyst ? title.replace(/^(?:research\s+)?analyst\s*(?:,|at|with)?\s*/i, '').replace(/\s*,?\s*(?:research\s+)?analyst$/i, '').trim() : undefined;
    return {
      label: { text: stripDecoration(text), name, ...(analyst ? { role: 'analyst' as const, ...(firm ? { firm } : {}) } : { title }) },
      rest: '',
    };
  }
  // A Markdown export's bold name, alone or before the words, with no colon: "**Eleanor Marsh**
  // (Chief Executive Officer)", "**Operator** [00:00] Good morning" (the bold marks it a label).
  const bold = BOLD_LABEL.exec(text.trim());
  if (bold?.groups && (isSpeaker(bold.groups.name!.trim()) || GENERIC.test(bold.groups.name!.trim()))) {
    const name = bold.groups.name!.trim();
    const inBrackets = bold.groups.title?.trim();
    const title = inBrackets && TITLE_WORDS.test(inBrackets) && !/analyst/i.test(inBrackets) && !FIRM_WORDS.test(inBrackets) ? inBrackets : undefined;
    const firm = title ? undefined : inBrackets?.replace(/\s*[-–,]?\s*analyst$/i, '');
    const role = roleFromName(name) ?? (firm ? 'analyst' : undefined);
    return {
      label: { text: inBrackets ? `${name} (${inBrackets})` : name, name, ...(firm ? { firm } : {}), ...(title ? { title } : {}), ...(role ? { role } : {}) },
      rest: bold.groups.rest!.replace(/^\[\d{1,2}:\d{2}(?::\d{2})?\]\s*/, '').trim(),
    };
  }
  const m = INLINE.exec(stripDecoration(text).replace(/^\*\*/, ''));
  if (!m?.groups) return undefined;
  const name = m.groups.name!.trim();
  if (!isSpeaker(name) && !GENERIC.test(name)) return undefined;
  // "Anna Berg (CFO):" and "Jonas Reuther, Chief Financial Officer:" give a job title; "Tom
  // Ashdown (Redfern & Co):" and "Mei Ling Choo, Stellbridge Partners:" a firm.
  const inBrackets = (m.groups.firm ?? m.groups.after)?.trim();
  // "管理层（CFO 沈若涵）：", "分析师（东屿证券 高文博）：": a side's label with the person in brackets,
  // after a title (management) or a firm (an analyst): the person speaks.
  const side = roleFromName(name);
  const person = (side === 'executive' || side === 'analyst') && inBrackets ? /^(?<pre>.{1,24}?)\s*(?<who>\p{Script=Han}{2,4})$/u.exec(inBrackets) : null;
  if (person?.groups && looksLikeChineseName(person.groups.who!)) {
    const pre = person.groups.pre!.trim();
    const who = person.groups.who!;
    const label: RawLabel =
      side === 'analyst'
        ? { text: `${name} (${inBrackets})`, name: who, role: 'analyst', firm: pre.replace(/\s*(?:分析师|分析師)$/u, '') }
        : { text: `${name} (${inBrackets})`, name: who, role: IR_TITLE.test(pre) ? 'investor-relations' : 'executive', title: pre };
    return { label, rest: m.groups.rest!.replace(/^\*+\s*/, '').trim() };
  }
  // ("Stellbridge Partners" and "Carrick Row Securities" are firms, although "partner" is a title word.)
  const title = inBrackets && TITLE_WORDS.test(inBrackets) && !/analyst/i.test(inBrackets) && !FIRM_WORDS.test(inBrackets) ? inBrackets : undefined;
  const firm = title ? undefined : inBrackets?.replace(/\s*[-–,]?\s*analyst$/i, '');
  const role = roleFromName(name) ?? (/analyst/i.test(name) ? 'analyst' : firm ? 'analyst' : undefined);
  return {
    label: { text: m.groups.after ? `${name}, ${inBrackets}` : inBrackets ? `${name} (${inBrackets})` : name, name, ...(firm ? { firm } : {}), ...(title ? { title } : {}), ...(role ? { role } : {}) },
    rest: m.groups.rest!.replace(/^\*+\s*/, '').trim(),
  };
}

/** Removes a translated label ("操作员：") from the start of a translation when the original had one. */
function stripTranslatedLabel(translation: string): string {
  return translation.replace(/^[^：:。！？!?]{1,30}[：:]\s*/, '');
}

interface Participant {
  readonly name: string;
  readonly title?: string;
  readonly firm?: string;
  readonly analyst?: boolean;
}

/** "CORPORATE PARTICIPANTS" / "CONFERENCE CALL PARTICIPANTS": the heading of a list of one kind of participant. */
const COMPANY_LIST = /^(?:management|executives|company participants|corporate participants|company representatives|speakers|presenters|company speakers|appearances|company appearances)\s*:?$/i;
const ANALYST_LIST = /^(?:analysts|conference call participants|other participants|call participants \(analysts\))\s*:?$/i;
/** "MR.", "Ms", "Dr.": an honorific before a name. */
const HONORIFIC = /^(?:mr|ms|mrs|dr|prof)\.?\s+/i;
/** "MS. RENATA VOSS": a list entry that is an honorific and a name in capitals, alone on its line. */
const HONORIFIC_NAME = String.raw`^(?:MR|MS|MRS|DR|PROF)\.?\s+(\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*){1,3})`;
const HONORIFIC_NAME_ALONE = new RegExp(`${HONORIFIC_NAME}$`, 'u');
/** The same with the title run on after it: "MS. RENATA VOSS Senior Director, Investor Relations". */
const HONORIFIC_NAME_TITLE = new RegExp(String.raw`${HONORIFIC_NAME}\s+(\p{Lu}\p{Ll}.{2,120})$`, 'u');
/** "Rosalind Ashworth, Chief Executive Officer", "Oliver Stanhope, Pennington Ward & Co.": one entry of such a list. */
const LIST_ENTRY = /^(?<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}),\s*(?<what>[^,]{2,80}(?:,\s*[^,]{2,60}){0,2})$/u;

const FAMILY_FIRST_ENTRY = /^(?<family>\p{Lu}[\p{L}'’-]+),\s+(?<given>\p{Lu}[\p{L}'’-]+)\s+[–—-]\s+(?<what>\S.{1,120})$/u;

/** Participants from lists headed by their kind, each entry a name and a title or firm. */
function listedParticipants(paras: readonly Para[]): Participant[] {
  const out: Participant[] = [];
  let list: 'company' | 'analyst' | undefined;
  for (const [i, p] of paras.entries()) {
    const t = stripDecoration(p.text);
    if (COMPANY_LIST.test(t) || ANALYST_LIST.test(t)) {
      list = COMPANY_LIST.test(t) ? 'company' : 'analyst';
      continue;
    }
    // A court reporter's list: "MS. RENATA VOSS" with the title on the line under it.
    const alone = list === 'company' ? HONORIFIC_NAME_ALONE.exec(t) : null;
    const under = paras[i + 1] ? stripDecoration(paras[i + 1]!.text) : '';
    if (alone && TITLE_WORDS.test(under) && !HONORIFIC_NAME_ALONE.test(under) && !/[.!?]$/.test(under)) {
      out.push({ name: unshout(alone[1]!), title: under.replace(EMPLOYER, '').trim() });
      continue;
    }
    if (list && TITLE_WORDS.test(t) && i > 0 && HONORIFIC_NAME_ALONE.test(stripDecoration(paras[i - 1]!.text))) continue;
    // (The same with the title run on after the name: "MS. RENATA VOSS Senior Director, Investor Relations".)
    const joined = list === 'company' ? HONORIFIC_NAME_TITLE.exec(t) : null;
    if (joined && TITLE_WORDS.test(joined[2]!)) {
      out.push({ name: unshout(joined[1]!), title: joined[2]!.replace(EMPLOYER, '').trim() });
      continue;
    }
    // ("Kurosawa, Michio – Representative Director, President and CEO": family name, given name, then the title after a dash.)
    const familyFirst = list ? FAMILY_FIRST_ENTRY.exec(t) : null;
    if (familyFirst?.groups) {
      const what = familyFirst.groups.what!.trim();
      if (list === 'analyst') out.push({ name: `${familyFirst.groups.given} ${familyFirst.groups.family}`, analyst: true, firm: what.replace(/\s*[-–,]?\s*(?:research\s+)?analyst$/i, '') });
      else out.push({ name: `${familyFirst.groups.given} ${familyFirst.groups.family}`, title: what });
      continue;
    }
    // (Entries a hard-wrapped page ran together: "MR. ERIK HALVERSEN, Dunmore Partners MS. TALIA …".)
    const entries = list ? t.split(/\s+(?=(?:MR|MS|MRS|DR)\.\s+\p{Lu}{2})/u) : [];
    const parsed = entries.map((x) => LIST_ENTRY.exec(x)?.groups);
    if (parsed.length === 0 || parsed.some((g) => !g)) {
      list = undefined;
      continue;
    }
    for (const g of parsed) {
      const name = unshout(g!.name!.replace(HONORIFIC, ''));
      const what = g!.what!.trim();
      if (list === 'analyst') out.push({ name, analyst: true, firm: what.replace(/\s*[-–,]?\s*(?:research\s+)?analyst$/i, '').replace(/^(?:research\s+)?analyst\s*(?:,|at|with)\s*/i, '') });
      else out.push({ name, title: unshout(what.replace(EMPLOYER, '').trim()) });
    }
  }
  return out;
}

/**
 * Reads paragraphs into turns: the header and the editors' parts are left out, participants
 * give titles, and a turn starts at each paragraph that begins with a speaker's name.
 */
export function readInlineTurns(given: readonly Para[], file: string, layout: 'inline-turns' | 'interleaved-pairs', headerOmitted: { n: number; reason: OmitReason }[]) {
  const omitted = [...headerOmitted];
  // (Read without an interpreter's marks, each paragraph that had one marked as interpreted.)
  const interpretedLines = new Set<number>();
  const paras = given.map((p) => {
    const unmarked = withoutInterpretation(p.text);
    if (unmarked.interpreted) interpretedLines.add(p.line);
    return unmarked.text === p.text ? p : { ...p, text: unmarked.text };
  });
  const mark = (line: number) => (interpretedLines.has(line) ? { interpreted: true } : {});
  const participants: Participant[] = listedParticipants(paras);
  // Names used as labels at least twice are speakers, as are listed participants.
  const counts = new Map<string, number>();
  for (const p of paras) {
    const m = INLINE.exec(stripDecoration(p.text));
    if (m?.groups) counts.set(compactKey(m.groups.name!), (counts.get(compactKey(m.groups.name!)) ?? 0) + 1);
  }
  for (const p of paras) {
    const pm = PARTICIPANT.exec(stripDecoration(p.text));
    const hm = HONORIFIC_PARTICIPANT.exec(stripDecoration(p.text));
    if (hm?.groups && hm.groups.name!.split(/\s+/).length <= 5) participants.push({ title: unshout(hm.groups.title!.replace(EMPLOYER, '').trim()), name: unshout(hm.groups.name!.trim()) });
    else if (pm?.groups && !/[.!?。]$/.test(p.text) && pm.groups.name!.split(/\s+/).length <= 5) participants.push({ title: pm.groups.title!.trim(), name: pm.groups.name!.trim() });
  }
  const listed = new Set(participants.map((p) => compactKey(p.name)));
  // So is a name the paragraph before hands over to ("Our next question comes from Jane Doe").
  const introduced = new Set<string>();
  paras.forEach((p, i) => {
    const m = INLINE.exec(stripDecoration(p.text));
    // (A one-word name counts when the hand-over names it with an honorific: "Next, Mr. Kanda of Hoshino Securities, please.")
    const name = m?.groups?.name;
    if (name && i > 0 && (/\s/.test(name) ? paras[i - 1]!.text.includes(name) : new RegExp(`\\b(?:Mr|Ms|Mrs|Dr)\\.?\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(paras[i - 1]!.text))) introduced.add(compactKey(name));
  });
  // A one-word label is a listed person when exactly one listed name has that word ("Ono" for "Takeshi Ono").
  const listedWord = (label: string) => {
    const name = label.trim().replace(HONORIFIC, '');
    return !/\s/.test(name) && participants.filter((x) => x.name.split(/\s+/).some((w) => compactKey(w) === compactKey(name))).length === 1;
  };
  const isSpeaker = (name: string) => listed.has(compactKey(name)) || listedWord(name) || introduced.has(compactKey(name)) || (counts.get(compactKey(name)) ?? 0) >= 2;

  // The call starts after a start line, else at the first labelled paragraph.
  let start = paras.findIndex((p) => START.test(stripDecoration(p.text)));
  const firstLabel = paras.findIndex((p) => labelOf(p.text, isSpeaker) !== undefined);
  if (start < 0 || (firstLabel >= 0 && firstLabel < start && paras.slice(firstLabel, start).filter((p) => labelOf(p.text, isSpeaker)).length >= 3)) start = firstLabel - 1;
  if (firstLabel < 0) {
    throw new ConvertError(file, 'no paragraph starts with a speaker\'s name ("Jane Doe: …")', {
      line: paras[0]?.line ?? 1,
      hint: 'each turn should start with the speaker and a colon, e.g. "Operator: Good day" or "Jane Doe: Thank you"',
    });
  }
  for (const p of paras.slice(0, start + 1)) omitted.push({ n: p.line, reason: NOT_CALL.test(stripDecoration(p.text)) || p.heading ? 'cover' : 'page-summary' });

  const turns: RawTurn[] = [];
  let current: RawTurn | undefined;
  let section: SectionId | undefined;
  let ended = false;
  for (const p of paras.slice(start + 1)) {
    const plain = stripDecoration(p.text);
    if (ended) {
      omitted.push({ n: p.line, reason: 'end-marker' });
      continue;
    }
    const heading = p.heading || /^(?:━|={3,}|#)/.test(p.text.trim()) ? stripDecoration(p.text.replace(SECTION_BANNER, '$<text>')) : undefined;
    const sec = sectionOfHeading((heading ?? plain).replace(/[:：]$/, ''));
    if (sec || /^questions?\s*(?:&|and)\s*answers?:?$/i.test(heading ?? plain)) {
      section = sec ?? 'qa';
      omitted.push({ n: p.line, reason: 'cover' });
      continue;
    }
    if (NOT_CALL.test(heading ?? plain) || (heading !== undefined && /participants/i.test(heading))) {
      // A participants list or summary after the call ends the call.
      if (turns.length > 0) ended = true;
      omitted.push({ n: p.line, reason: 'cover' });
      continue;
    }
    if (heading !== undefined) {
      omitted.push({ n: p.line, reason: 'cover' });
      continue;
    }
    const lab = labelOf(p.text, isSpeaker);
    // Exports that repeat the label on every paragraph ("[ 22] [EN] Anna Berg (CFO): …") continue the turn.
    if (lab && current && compactKey(current.label.name) === compactKey(lab.label.name) && lab.rest && current.section === section) {
      current.paragraphs.push({ line: p.line, text: lab.rest, ...(p.translation ? { translation: stripTranslatedLabel(p.translation) } : {}), ...mark(p.line) });
      continue;
    }
    if (lab) {
      // ("Ono:" for "Takeshi Ono" in the list: a one-word label is the listed person with that family or given name, when only one has it.)
      // ("MR. OYELARAN:" for "Mr. Callum Oyelaran": an honorific and the family name.)
      const word = lab.label.name.trim().replace(HONORIFIC, '');
      const byWord = /\s/.test(word) ? [] : participants.filter((x) => x.name.split(/\s+/).some((w) => compactKey(w) === compactKey(word)));
      const who = participants.find((x) => compactKey(x.name) === compactKey(lab.label.name)) ?? (byWord.length === 1 ? byWord[0] : undefined);
      const title = who?.title ?? lab.label.title;
      const firm = lab.label.firm ?? who?.firm;
      // (The interpreter speaks for no one's side: its own notes, "Correction from the interpreter", are not a question.)
      // ("Q:" and "Questioner:" name the one who asks.)
      const role = lab.label.role ?? (INTERPRETER.test(lab.label.name.trim()) ? 'other' : QUESTIONER.test(lab.label.name.trim()) ? 'analyst' : who?.analyst ? 'analyst' : title ? (IR_TITLE.test(title) ? 'investor-relations' : 'executive') : undefined);
      // ("ROSALIND ASHWORTH:" is shown as the list writes the name.)
      const name = who && !/[a-z]/.test(lab.label.name) ? who.name : lab.label.name;
      current = {
        label: { ...lab.label, name, ...(title ? { title } : {}), ...(firm ? { firm } : {}), ...(role ? { role } : {}) },
        line: p.line,
        ...(section ? { section } : {}),
        paragraphs: [],
      };
      turns.push(current);
      if (lab.rest) current.paragraphs.push({ line: p.line, text: lab.rest, ...(p.translation ? { translation: stripTranslatedLabel(p.translation) } : {}), ...mark(p.line) });
      continue;
    }
    if (!current) {
      // Words before any label: the page dropped the speaker's name.
      current = { label: { text: 'Unidentified speaker', name: 'Unidentified speaker', role: 'other' }, line: p.line, ...(section ? { section } : {}), paragraphs: [] };
      turns.push(current);
    }
    current.paragraphs.push({ line: p.line, text: p.text.trim(), ...(p.translation ? { translation: p.translation } : {}), ...mark(p.line) });
  }
  const spoken = assignRoles(nameNumberedSpeakers(voicedByInterpreter(turns).filter((t) => t.paragraphs.length > 0)));
  const originals = spoken.flatMap((t) => t.paragraphs.map((p) => p.text)).join('\n');
  const translations = spoken.flatMap((t) => t.paragraphs.flatMap((p) => (p.translation ? [p.translation] : []))).join('\n');
  const layers: Layer[] = [{ lang: textLanguage(originals, 'en'), role: 'original', machine_translated: false }];
  if (translations) layers.push({ lang: textLanguage(translations, 'zh-Hans'), role: 'translation', machine_translated: false });
  return { layout, layers, turns: spoken, announcement: [] as RawParagraph[], omitted: omittedRanges(omitted) };
}

/** "(Spoken in Korean)", "[Foreign language]": a turn that only notes the words were not in English. */
const NOT_ENGLISH_NOTE = /^[(\[]\s*(?:spoken in [a-z]+|in [a-z]+|foreign language|non-english|speaking in [a-z]+)\s*[)\]]\.?$/i;
/** The interpreter speaking of the interpretation itself: "This is the English interpretation channel", "Correction from the interpreter". */
const INTERPRETER_NOTE = /\b(?:interpreter|interpretation|interpreting)\b/i;

/**
 * Consecutive interpretation: "Lee Hyun-woo, Chief Financial Officer: (Spoken in Korean)" then
 * "Interpreter: Thank you. I will now present …": the interpreter's turns after a speaker's are
 * that speaker's words, interpreted (the note that they were not in English is dropped). The
 * interpreter's notes about the interpretation stay the interpreter's.
 */
function voicedByInterpreter(turns: readonly RawTurn[]): RawTurn[] {
  const out: RawTurn[] = [];
  let voiced: RawTurn | undefined;
  for (const t of turns) {
    const interpreter = INTERPRETER.test(t.label.name.trim());
    if (!interpreter) {
      voiced = t.label.role === 'operator' || GENERIC.test(t.label.name.trim()) ? undefined : t;
      out.push(t);
      continue;
    }
    const own = t.paragraphs.length > 0 && INTERPRETER_NOTE.test(t.paragraphs[0]!.text.split(/(?<=[.!?])\s/)[0]!);
    if (!voiced || own || voiced.section !== t.section) {
      out.push(t);
      continue;
    }
    const at = out.lastIndexOf(voiced);
    const kept = voiced.paragraphs.filter((p) => !NOT_ENGLISH_NOTE.test(p.text.trim()));
    voiced = { ...voiced, paragraphs: [...kept, ...t.paragraphs.map((p) => ({ ...p, interpreted: true }))] };
    out[at] = voiced;
  }
  return out;
}

/** "Speaker 1", "Speaker 2": a video platform's labels, which name no one. */
export const NUMBERED_SPEAKER = /^speaker\s*\d{1,2}$/i;
const PERSON = String.raw`(?<name>\p{Lu}\p{Ll}+(?:[ -](?:de |van |von )?\p{Lu}\p{Ll}+){1,2})`;
/** Either case: "Vice President", "vice president". */
const eitherCase = (words: readonly string[]) => words.map((w) => w.replace(/^\p{L}/u, (c) => `[${c.toUpperCase()}${c}]`)).join('|');
/** A title said right after a name, without a comma, as a machine transcript writes it: "Ellen Ruiz vice president investor relations". */
const TITLE_RUN = String.raw`(?:(?:${eitherCase(['senior', 'executive'])})\s+)?(?:${eitherCase(['vice president', 'head', 'director', 'chief'])})\b(?:\s+(?:${eitherCase(['of', 'and', 'for', 'investor', 'relations', 'financial', 'executive', 'operating', 'officer', 'corporate', 'communications', 'strategy', 'finance'])})){0,5}`;
/** "I'll hand over to our CEO, Anna Berg", "turn the call over to Anna Berg, our Chief Financial Officer". */
const HANDS_TO = new RegExp(String.raw`\b(?:hand(?:ing)?|turn(?:ing)?|pass(?:ing)?)\s+(?:it|the\s+call|the\s+floor|the\s+conference|things)?\s*(?:back\s+)?over\s+to\s+(?:our\s+|my\s+colleague\s+|your\s+(?:host|speaker)(?:\s+(?:today|for\s+today))?,?\s+)?(?:(?<title1>(?:\p{Lu}[\p{L}&-]*\s+){0,5}?(?:CEO|CFO|COO|Officer|President|Chairman|Chair|Head\s+of\s+[\p{L} ]+?)),?\s+)?${PERSON}(?:,\s*(?:our\s+)?(?<title2>[^.,;]{2,60})|\s+(?<title3>${TITLE_RUN}))?`, 'u');
/** "The first question comes from Tom Ash of Redfern Securities." */
const QUESTION_FROM = new RegExp(String.raw`\bquestion\s+(?:comes|is)\s+from\s+(?:the\s+line\s+of\s+)?${PERSON}`, 'u');
const QUESTION_FROM_LOWER = /\bquestion\s+(?:comes|is)\s+from\s+(?:the\s+line\s+of\s+)?([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+){1,2}?)\s+(?:with|of|from|at)\s/;
/** The operator announcing a question, in any case: "our first question comes from priya desai". */
const QUESTION_ANNOUNCED = /\b(?:first|next|following|final|last)\s+question\b|\bquestions?\s+(?:comes|is|will come)\s+from\b/i;
const OPERATOR_WORDS = /\b(?:welcome to|question comes from|next question|please go ahead|line is open|this concludes|conference (?:call )?is now)\b/i;

/**
 * A transcript whose labels are "Speaker 1", "Speaker 2", …: each number is the person the turn
 * before it hands over to ("I'll hand over to our CFO, Anna Berg", "the next question comes from
 * Tom Ash"), the first number to speak the operator's words is the operator, and a number still
 * unnamed that speaks before the first question is one of the company's presenters.
 */
export function nameNumberedSpeakers(turns: readonly RawTurn[]): RawTurn[] {
  if (!turns.some((t) => NUMBERED_SPEAKER.test(t.label.name))) return [...turns];
  const said = (t: RawTurn) => t.paragraphs.map((p) => p.text).join(' ');
  const operator = turns.find((t) => NUMBERED_SPEAKER.test(t.label.name) && OPERATOR_WORDS.test(said(t)));
  const operatorKey = operator ? compactKey(operator.label.name) : undefined;
  const people = new Map<string, { name: string; title?: string }>();
  turns.forEach((t, i) => {
    const k = compactKey(t.label.name);
    if (!NUMBERED_SPEAKER.test(t.label.name) || k === operatorKey || people.has(k) || i === 0) return;
    const before = turns[i - 1]!;
    if (compactKey(before.label.name) === k) return;
    const last = before.paragraphs.at(-1)?.text ?? '';
    const m = HANDS_TO.exec(last) ?? QUESTION_FROM.exec(last);
    // ("our first question comes from priya desai with tallgrass securities": a lower-case
    // transcript's name, capitalised.)
    const lower = m ? null : QUESTION_FROM_LOWER.exec(last);
    const name = m?.groups?.name ?? (lower && !/^(?:our|the|a|an|one|line)\b/.test(lower[1]!) ? lower[1]!.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : undefined);
    // (One person for one number: a name given to another number already is not this one's.)
    if (!name || [...people.values()].some((p) => p.name === name)) return;
    const title = (m?.groups!.title1 ?? m?.groups!.title2 ?? m?.groups!.title3)?.trim();
    people.set(k, { name, ...(title ? { title } : {}) });
  });
  // (A lower-case machine transcript names the analyst in lower case: the announcement alone marks the Q&A's start.)
  const firstQuestion = turns.findIndex((_t, i) => i > 0 && QUESTION_ANNOUNCED.test(turns[i - 1]!.paragraphs.at(-1)?.text ?? ''));
  return turns.map((t, i) => {
    const k = compactKey(t.label.name);
    if (!NUMBERED_SPEAKER.test(t.label.name)) return t;
    if (k === operatorKey) return { ...t, label: { ...t.label, name: 'Operator', role: 'operator' as const } };
    const person = people.get(k);
    const presenter = !person && (firstQuestion < 0 || i < firstQuestion);
    if (!person) return presenter ? { ...t, label: { ...t.label, role: 'executive' as const } } : t;
    return { ...t, label: { ...t.label, name: person.name, ...(person.title ? { title: person.title, role: IR_TITLE.test(person.title) ? ('investor-relations' as const) : ('executive' as const) } : {}) } };
  });
}

/**
 * Roles the labels do not give: the speaker the operator introduces with a question is an
 * analyst (with the firm the operator names), and an unlisted speaker who replies to an analyst
 * speaks for the company.
 */
export function assignRoles(turns: RawTurn[]): RawTurn[] {
  const roles = new Map<string, NonNullable<RawLabel['role']>>();
  for (const t of turns) if (t.label.role) roles.set(compactKey(t.label.name), t.label.role);
  const firms = new Map<string, string>();
  turns.forEach((t, i) => {
    const k = compactKey(t.label.name);
    const known = roles.get(k);
    if ((known && (known !== 'analyst' || t.label.firm || firms.has(k))) || i === 0) return;
    const prev = turns[i - 1]!;
    const prevRole = roles.get(compactKey(prev.label.name));
    const announcement = prev.paragraphs.at(-1)?.text ?? '';
    // A question announced in the operator's last words ("the next question comes from …"); "please
    // go ahead" alone, or "I would now like to hand the conference over to your speaker today",
    // hands over to management, whatever the welcome said about the Q&A to come.
    const lastWords = announcement.split(/(?<=[.!?])\s+/).slice(-2).join(' ');
    const handOver = /\b(?:hand|turn)(?:ing)?\s+(?:the\s+)?(?:conference|call|floor)\s+over\b|\bspeaker(?:s)?\s+today\b/i.test(lastWords);
    // (An investor-relations head who moderates the Q&A hands over the same way: "Next, Mr. Kanda of Hoshino Securities, please.")
    const moderates = prevRole === 'operator' || (prevRole === 'investor-relations' && new RegExp(`\\b${t.label.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lastWords) && /\b(?:of|from|with|at)\s+\p{Lu}/u.test(lastWords));
    if (moderates && !handOver && (prevRole !== 'operator' || /\b(questions?|comes from|line of|line is open)\b/i.test(lastWords))) {
      // The operator names the analyst's firm, even when the label already says "analyst".
      roles.set(k, 'analyst');
      const firm = new RegExp(`${t.label.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(?:,|\\bof\\b|\\bfrom\\b|\\bwith\\b|\\bat\\b)\\s*(\\p{Lu}[\\p{L}\\p{N}_&.' -]{1,60}?)(?:[.,;]|\\s+please\\b|\\s+your line\\b|$)`, 'u').exec(announcement);
      if (firm) firms.set(k, firm[1]!.trim());
    } else if (prevRole === 'analyst' && !known) roles.set(k, 'executive');
  });
  return turns.map((t) => {
    const k = compactKey(t.label.name);
    const role = t.label.role ?? roles.get(k);
    const firm = t.label.firm ?? firms.get(k);
    return role || firm ? { ...t, label: { ...t.label, ...(role ? { role } : {}), ...(firm ? { firm } : {}) } } : t;
  });
}

/** Metadata header lines: `Company: …`, `Ticker: …`, `Source: …`, rules of `=`. */
const META = /^(?:={5,}|-{5,}|[\p{Extended_Pictographic}\u{FE0F}\s]*[\w\s\u4e00-\u9fff]{1,30}\s*[:：]\s*\S.*|earnings call transcript|电话会议纪要.*)$/u;

/** The header block between rules of `=` at the top, with a machine-translation note if it has one. */
function header(lines: readonly Line[]): { end: number; omitted: { n: number; reason: OmitReason }[]; mtNote?: string; title?: string } {
  const omitted: { n: number; reason: OmitReason }[] = [];
  const nonEmpty = lines.filter((l) => l.text !== '');
  if (!/^={5,}$/.test(nonEmpty[0]?.text ?? '')) return { end: 0, omitted };
  const close = nonEmpty.slice(1).findIndex((l) => /^={5,}$/.test(l.text));
  if (close < 0) return { end: 0, omitted };
  const block = nonEmpty.slice(0, close + 2);
  let mtNote: string | undefined;
  let title: string | undefined;
  mtNote = block.find((l) => MACHINE_TRANSLATION.test(l.text))?.text;
  for (const l of block) {
    if (MACHINE_TRANSLATION.test(l.text) || /^(?:\S+\s+)?(?:translat\w*|backend|翻译)[^:：]*[:：]/i.test(l.text)) mtNote ??= l.text;
    else if (title === undefined && !/^=+$/.test(l.text) && !/^(?:company|ticker|quarter|source|url|scraped|characters|paragraphs)\s*:/i.test(l.text) && !META.test(l.text)) title = stripDecoration(l.text);
    else if (title === undefined && /\b(?:earnings|conference)\b.*\bcall\b/i.test(l.text) && !/^(?:company|ticker|quarter|source|url)\s*:/i.test(l.text)) title = stripDecoration(l.text);
    omitted.push({ n: l.n, reason: 'cover' });
  }
  return { end: block.at(-1)!.n, omitted, ...(mtNote ? { mtNote } : {}), ...(title ? { title } : {}) };
}

/** "MANAGEMENT: MR. …": a list of people on the cover, not a speaker. */
const LIST_HEADING = /^(?:management|participants?|analysts?|speakers?|attendees|(?:company|corporate|conference call) participants)$/i;
/** Sentence ends: a line that ends so may end its paragraph. */
const SENTENCE_END = /[.!?:"”')\]。？！]$/;

/** Text exported from PDF: most long lines stop mid-sentence and go on in the next line. */
function hardWrapped(lines: readonly Line[]): boolean {
  const long = lines.filter((l, i) => l.text.length >= 50 && lines[i + 1]?.text);
  return long.length >= 4 && long.filter((l) => !SENTENCE_END.test(l.text)).length >= 0.5 * long.length;
}

/**
 * Hard-wrapped lines joined into paragraphs: a paragraph ends at a blank line, and a new one
 * starts at a line that opens with a speaker's label ("Moderator:", "Jane Doe:") after a line
 * that ends a sentence, or at an unindented line under indented ones (a hanging indent, the
 * label in the left column and the words in the right).
 */
function joinWrappedLines(lines: readonly Line[]): Para[] {
  const out: Array<{ line: number; text: string }> = [];
  let open: { line: number; text: string } | undefined;
  let prev: Line | undefined;
  // The cover before the first turn (title, date, participants) is a line per item.
  let cover = true;
  for (const l of lines) {
    if (l.text === '') {
      open = undefined;
      prev = undefined;
      continue;
    }
    const indent = (l: Line) => l.raw.length - l.raw.trimStart().length;
    const label = INLINE.exec(stripDecoration(l.text));
    const labelled = label !== null && !LIST_HEADING.test(label.groups!.name!);
    if (labelled) cover = false;
    // A table's rows ("| Drives | EUR 612m |", "Drives     EUR 612m     +4.1%") are a paragraph each.
    const row = tableCells(l.text) !== undefined;
    const opens = cover || !open || row || (prev !== undefined && tableCells(prev.text) !== undefined) || (labelled && prev !== undefined && (SENTENCE_END.test(prev.text) || (indent(l) === 0 && indent(prev) > 0)));
    if (opens) {
      open = { line: l.n, text: l.text };
      out.push(open);
    } else if (open) {
      // Words never break at a line end in these exports, except after a hyphen ("year-on-/year").
      open.text = /-$/.test(open.text) ? open.text + l.text : `${open.text} ${l.text}`;
    }
    prev = l;
  }
  return out;
}

export const inlineTurns: Layout = {
  id: 'inline-turns',

  sniff(stamped) {
    // Several paragraphs that start with the same few names and a colon, and no interleaved numbering.
    if (stamped.some((l) => NUMBERED.test(l.raw))) return false;
    const lines = withoutRecordingTimes(stamped);
    // Chinese Q&A write-ups label analysts "<firm>分析师<Name>:": the inline-labels layout reads those.
    if (lines.some((l) => /^[^:：]{1,30}(?:分析师|分析師)\s*[^:：]{1,40}[:：]/.test(l.text))) return false;
    const names = new Map<string, number>();
    for (const l of lines) {
      const m = INLINE.exec(stripDecoration(withoutInterpretation(l.text).text));
      if (m?.groups && m.groups.rest!.length >= 20) names.set(m.groups.name!, (names.get(m.groups.name!) ?? 0) + 1);
    }
    const repeated = [...names.values()].filter((n) => n >= 2);
    return repeated.length >= 2 && repeated.reduce((a, b) => a + b, 0) >= 6;
  },

  parse(stamped, ctx) {
    const lines = withoutRecordingTimes(stamped);
    const h = header(lines);
    const body = lines.filter((l) => l.n > h.end);
    const paras: Para[] = hardWrapped(body) ? joinWrappedLines(body) : body.filter((l) => l.text !== '').map((l) => ({ line: l.n, text: l.text, ...(/^(?:#{1,6}\s|━|={3,})/.test(l.text) ? { heading: true } : {}) }));
    const r = readInlineTurns(paras, ctx.file, 'inline-turns', h.omitted);
    return { ...r, ...(h.title ? { title: h.title } : {}) };
  },
};

/** `[ 12] [EN] text`: a numbered original paragraph. */
const NUMBERED = /^\s*\[\s*\d+\]\s*\[(?:EN|EN-US|ENG?)\]\s*(.*)$/i;
/** `[中] text`, `[ZH] text`, `[KO] text`: its translation. */
const TRANSLATED = /^\s*\[(?:中|ZH|CN|韩|KO|KR|日|JA|JP)\]\s*(.*)$/i;

export const interleaved: Layout = {
  id: 'interleaved-pairs',

  sniff(lines) {
    let n = 0;
    for (let i = 0; i + 1 < lines.length; i++) if (NUMBERED.test(lines[i]!.raw) && TRANSLATED.test(lines[i + 1]!.raw)) n++;
    return n >= 5;
  },

  parse(lines, ctx) {
    const h = header(lines);
    const omitted = [...h.omitted];
    const paras: Para[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.n <= h.end || l.text === '') continue;
      const m = NUMBERED.exec(l.raw);
      if (m) {
        const t = i + 1 < lines.length ? TRANSLATED.exec(lines[i + 1]!.raw) : null;
        paras.push({ line: l.n, text: m[1]!.trim(), ...(t && t[1]!.trim() ? { translation: t[1]!.trim() } : {}) });
        if (t) i++;
        continue;
      }
      // Banners come in a pair (original, then translated): the first is the heading.
      const banner = /^(?:━+|={3,})/.test(l.text);
      const p = /^👤/u.test(l.text) ? PARTICIPANT.exec(stripDecoration(l.text)) : null;
      if (banner) {
        const prev = paras.at(-1);
        if (prev?.heading && prev.line >= l.n - 2) omitted.push({ n: l.n, reason: 'cover' });
        else paras.push({ line: l.n, text: l.text, heading: true });
        continue;
      }
      if (p) {
        paras.push({ line: l.n, text: stripDecoration(l.text), heading: true });
        continue;
      }
      // Echoes of the original under its translation, "原文：" notes, translated banners.
      omitted.push({ n: l.n, reason: 'cover' });
    }
    // Participant lines are headings for the reader but still list people.
    const r = readInlineTurns(
      paras.map((p) => (p.heading && PARTICIPANT.test(p.text) ? { line: p.line, text: p.text } : p)),
      ctx.file,
      'interleaved-pairs',
      omitted,
    );
    const layers = r.layers.map((layer) => (layer.role === 'translation' && h.mtNote ? { ...layer, machine_translated: true, note: h.mtNote } : layer));
    return { ...r, layers, ...(h.title ? { title: h.title } : {}) };
  },
};
