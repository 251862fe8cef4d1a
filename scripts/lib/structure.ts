/**
 * From a parsed layout to the normalised source: speakers resolved against the company's
 * people, roles, sections, Q&A exchanges, element ids and the segments each paragraph names.
 */
import type {
  Company,
  Exchange,
  Paragraph,
  Person,
  Section,
  SectionId,
  Segment,
  Source,
  Speaker,
  SpeakerRole,
  Turn,
} from '../../src/lib/schema.ts';
import { segmentsActiveIn } from '../../src/lib/segments.ts';
import type { FiscalQuarter } from '../../src/lib/quarters.ts';
import { countName } from './detect.ts';
import type { RawParagraph, RawSource, RawTurn } from './raw.ts';
import { IR_TITLE, roleFromName, TITLE_WORDS } from './layouts/shared.ts';
import { compactKey, matchKey, slugify } from './text.ts';
import { shortName } from './identify.ts';

/** Finds the company's person a label name refers to (any name or alias, any script). */
export function personMatcher(company: Company): (name: string) => Person | undefined {
  const index = new Map<string, Person>();
  for (const p of company.people) {
    for (const n of [p.names.en, p.names['zh-Hans'], p.names['zh-Hant'], ...p.aliases]) if (n) index.set(compactKey(n), p);
  }
  return (name: string) => {
    const whole = index.get(compactKey(name));
    if (whole) return whole;
    // A label may give a name in two scripts ("Rob Lin 林建达"): try each part.
    const parts = name.match(/[A-Za-z][A-Za-z .'-]*[A-Za-z]|[\p{Script=Han}·]+/gu) ?? [];
    for (const part of parts) {
      const hit = index.get(compactKey(part));
      if (hit) return hit;
    }
    return undefined;
  };
}

/** Whether a firm a label gives is the company the call is about ("Torvalla Industri AB", "Torvalla"). */
function namesCompany(firm: string, company: Company): boolean {
  const key = compactKey(shortName(firm));
  return key.length >= 3 && [company.names.en, ...company.aliases].some((n) => n && (compactKey(shortName(n)) === key || compactKey(shortName(n)).startsWith(key)));
}

interface Resolved {
  readonly speaker: Speaker;
  readonly roleKnown: boolean;
}

function resolveSpeakers(raw: RawSource, company: Company): Map<RawTurn, Resolved> {
  const findPerson = personMatcher(company);
  const byId = new Map<string, { speaker: Speaker; roleKnown: boolean }>();
  const out = new Map<RawTurn, Resolved>();
  for (const turn of raw.turns) {
    const { label } = turn;
    const person = findPerson(label.name);
    let role: SpeakerRole | undefined = label.role ?? roleFromName(label.name);
    if (person && role !== 'analyst') role = person.role;
    if (!role && label.title) role = IR_TITLE.test(label.title) ? 'investor-relations' : 'executive';
    // ("Anna Berg, Brattvik": a label whose firm is the company itself is management's.)
    if (!role && label.firm && namesCompany(label.firm, company)) role = 'executive';
    const id = person?.id ?? slugify(label.name);
    const prev = byId.get(id);
    const speaker: Speaker = prev?.speaker ?? {
      id,
      name: person?.names.en ?? label.name,
      ...(person?.names['zh-Hans'] ? { name_zh: person.names['zh-Hans'] } : /\p{Script=Han}/u.test(label.name) ? { name_zh: label.name } : {}),
      ...(person ? { person: person.id } : {}),
      role: role ?? 'other',
      labels: [],
    };
    const merged: Speaker = {
      ...speaker,
      ...(!speaker.title && label.title ? { title: label.title } : {}),
      ...(!speaker.firm && label.firm ? { firm: label.firm } : {}),
      labels: speaker.labels.includes(label.text) ? speaker.labels : [...speaker.labels, label.text],
    };
    const entry = { speaker: merged, roleKnown: (prev?.roleKnown ?? false) || role !== undefined };
    if (role && !prev?.roleKnown) entry.speaker = { ...entry.speaker, role };
    byId.set(id, entry);
  }
  for (const turn of raw.turns) {
    const person = findPerson(turn.label.name);
    const e = byId.get(person?.id ?? slugify(turn.label.name))!;
    out.set(turn, e);
  }
  return out;
}

/**
 * Where the Q&A starts: the first analyst's turn after management has spoken (a broker who hosts
 * the call and welcomes everyone before the executives speak is not asking), with the moderator
 * turns just before it; the first analyst's turn when no executive speaks before any.
 */
function qaStart(turns: readonly RawTurn[], roleOf: (t: RawTurn) => SpeakerRole): number {
  const marked = turns.findIndex((t) => t.section === 'qa');
  if (marked >= 0) return marked;
  const firstExec = turns.findIndex((t) => roleOf(t) === 'executive');
  const afterExec = turns.findIndex((t, i) => i > firstExec && firstExec >= 0 && roleOf(t) === 'analyst');
  const first = afterExec >= 0 ? afterExec : turns.findIndex((t) => roleOf(t) === 'analyst');
  if (first < 0) return turns.length;
  let i = first;
  while (i > 0 && ['operator', 'investor-relations'].includes(roleOf(turns[i - 1]!))) i--;
  return i;
}

function sectionsOf(turns: readonly RawTurn[], roleOf: (t: RawTurn) => SpeakerRole): SectionId[] {
  if (turns.every((t) => t.section !== undefined)) return turns.map((t) => t.section!);
  const qa = qaStart(turns, roleOf);
  const firstExec = turns.findIndex((t, i) => i < qa && roleOf(t) === 'executive');
  return turns.map((_turn, i) => (i >= qa ? 'qa' : firstExec >= 0 && i >= firstExec ? 'prepared-remarks' : 'introduction'));
}

/** The firm an operator gives when announcing an analyst: "Gary Yu, Morgan Stanley." / "Alex Yao of JPMorgan". */
export function firmFromAnnouncement(announcement: string, analystName: string): string | undefined {
  const name = analystName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${name}\\s*(?:,|\\bof\\b|\\bfrom\\b|\\bwith\\b|\\bat\\b)\\s*([A-Z][\\w&.' -]{1,60}?)(?:[.,;]|\\s+please\\b|\\s+your line\\b|$)`, 'i').exec(
    announcement,
  );
  return m ? m[1]!.trim() : undefined;
}

/**
 * The job title an introduction gives a person: "Nina Park, Vice President of Investor
 * Relations", "Laura Mendes, our CFO", "our chief executive officer, Ethan Cole". Only words
 * that are a title count.
 */
export function titleFromIntroduction(paragraphs: readonly string[], name: string): string | undefined {
  if (!/^[A-Z]/.test(name) || name.split(/\s+/).length < 2) return undefined;
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const title = String.raw`(?<t>[A-Za-z][A-Za-z&'’ -]{1,70}?)`;
  // ("our CEO, Jonas Achterberg, and our CFO, Elif Demir": what follows ", and" is the next person's.)
  const after = new RegExp(String.raw`\b${n}\s*,\s*(?!and\b|or\b)(?:(?:who\s+is\s+)?(?:our|the\s+company's|the)\s+)?${title}(?=\s*[,.;]|\s+and\s|\s+(?:who|will|to)\b|$)`);
  const before = new RegExp(String.raw`\b(?:our|the\s+company's)\s+${title}\s*,\s*${n}\b`);
  for (const p of paragraphs) {
    for (const re of [after, before]) {
      const m = re.exec(p);
      let t = m?.groups?.t?.trim();
      // "President and Representative Director", "Executive Officer and Chief Financial Officer".
      const more = m ? /^\s+and\s+((?:[A-Z][\w&'’-]*|of|for|and)(?:\s+(?:[A-Z][\w&'’-]*|of|for|and)){0,6})(?=\s*[,.;]|$)/.exec(p.slice(m.index + m[0].length)) : null;
      if (t && more && TITLE_WORDS.test(more[1]!)) t = `${t} and ${more[1]!}`;
      if (t && TITLE_WORDS.test(t) && t.split(/\s+/).length <= 12) return t.replace(/^(?:our|the)\s+/i, '');
    }
  }
  return undefined;
}

/** Segment ids whose names occur in a text, among the segments reported in the quarter. */
export function segmentMatcher(segments: readonly Segment[]): (text: string) => string[] {
  const named = segments.filter((s) => s.id !== 'group');
  return (text: string) => {
    const norm = matchKey(text);
    return named
      .filter((s) => [s.names.en, s.names['zh-Hans'], s.names['zh-Hant'], ...s.aliases].some((n) => n && countName(norm, n) > 0))
      .map((s) => s.id)
      .sort();
  };
}

export interface StructureResult {
  readonly source: Omit<Source, 'file' | 'sha256'>;
  readonly speakers: Speaker[];
}

/** Builds the normalised source; `key` prefixes every element id of the source. */
export function structure(raw: RawSource, company: Company, quarter: FiscalQuarter, key: string): StructureResult {
  const resolved = resolveSpeakers(raw, company);
  const speakers = new Map<string, Speaker>();
  for (const r of resolved.values()) speakers.set(r.speaker.id, r.speaker);
  const roleOf = (t: RawTurn) => speakers.get(resolved.get(t)!.speaker.id)!.role;

  // A speaker the operator has just introduced with a question, labelled with a firm rather
  // than a job title ("Jane Doe - Example Securities"), is an analyst of that firm.
  raw.turns.forEach((t, i) => {
    const s = speakers.get(resolved.get(t)!.speaker.id)!;
    if (i === 0 || s.person || s.role !== 'executive' || !t.label.title || TITLE_WORDS.test(t.label.title)) return;
    const prev = raw.turns[i - 1]!;
    const said = prev.paragraphs.at(-1)?.text ?? '';
    if (roleOf(prev) === 'operator' && /question/i.test(said) && said.includes(t.label.name)) {
      const { title: _title, ...rest } = s;
      speakers.set(s.id, { ...rest, role: 'analyst', firm: s.firm ?? t.label.title });
    }
  });
  // Speakers of unknown role who speak in the Q&A right after the moderator are asking.
  const qa = qaStart(raw.turns, roleOf);
  raw.turns.forEach((t, i) => {
    const s = speakers.get(resolved.get(t)!.speaker.id)!;
    if (!resolved.get(t)!.roleKnown && s.role === 'other' && i >= qa && i > 0 && ['operator', 'investor-relations'].includes(roleOf(raw.turns[i - 1]!))) {
      if (roleFromName(t.label.name) === undefined) speakers.set(s.id, { ...s, role: 'analyst' });
    }
  });
  // Analysts' firms from the operator's announcement when the label has none.
  raw.turns.forEach((t, i) => {
    const s = speakers.get(resolved.get(t)!.speaker.id)!;
    if (s.role !== 'analyst' || s.firm || i === 0) return;
    const prev = raw.turns[i - 1]!;
    if (roleOf(prev) !== 'operator') return;
    const lastText = prev.paragraphs.at(-1)!.text;
    const firm = firmFromAnnouncement(lastText, t.label.name);
    if (firm) speakers.set(s.id, { ...s, firm });
  });
  // Titles the call's opening gives when no label or list does ("Nina Park, Vice President of
  // Investor Relations"; "our CFO, Laura Mendes"): the speaker is then management.
  // (The opening is at least the first turns: a guessed analyst may have moved the Q&A's start to the top.)
  const opening = raw.turns.slice(0, Math.max(4, qaStart(raw.turns, roleOf))).flatMap((t) => t.paragraphs.map((p) => p.text));
  for (const s of [...speakers.values()]) {
    // (An "analyst" without a firm was only guessed from a hand-over; the introduction's title corrects it.)
    const guessedAnalyst = s.role === 'analyst' && !s.firm;
    if (s.title || s.person || !(['other', 'executive', 'investor-relations'].includes(s.role) || guessedAnalyst)) continue;
    const title = titleFromIntroduction(opening, s.name);
    if (!title) continue;
    const role = IR_TITLE.test(title) ? 'investor-relations' : s.role === 'other' || guessedAnalyst ? 'executive' : s.role;
    speakers.set(s.id, { ...s, title, role });
  }

  // A speaker of unknown role who answers an analyst in the Q&A is management.
  const qaFrom = qaStart(raw.turns, roleOf);
  // So is one who speaks in the prepared remarks, after investor relations or an executive has
  // spoken, and whom the operator never announces with a question ("DOUGLAS KEHRING:" after the
  // head of investor relations hands over).
  const firstCompany = raw.turns.findIndex((t) => ['investor-relations', 'executive'].includes(roleOf(t)));
  const announced = (i: number) => i > 0 && roleOf(raw.turns[i - 1]!) === 'operator' && /\bquestions?\b|\bcomes from\b|\bline of\b/i.test(raw.turns[i - 1]!.paragraphs.at(-1)?.text ?? '');
  raw.turns.forEach((t, i) => {
    const s = speakers.get(resolved.get(t)!.speaker.id)!;
    if (firstCompany < 0 || i <= firstCompany || i >= qaFrom || s.role !== 'other' || resolved.get(t)!.roleKnown || roleFromName(t.label.name) !== undefined) return;
    if (raw.turns.some((u, j) => resolved.get(u)!.speaker.id === s.id && announced(j))) return;
    speakers.set(s.id, { ...s, role: 'executive' });
  });
  raw.turns.forEach((t, i) => {
    const s = speakers.get(resolved.get(t)!.speaker.id)!;
    if (s.role !== 'other' || resolved.get(t)!.roleKnown || i <= qaFrom || i === 0 || roleFromName(t.label.name) !== undefined) return;
    if (roleOf(raw.turns[i - 1]!) === 'analyst') speakers.set(s.id, { ...s, role: 'executive' });
  });

  const segments = segmentMatcher(segmentsActiveIn(company.segments, quarter));
  let counter = 0;
  const para = (p: RawParagraph): Paragraph => ({
    id: `${key}-p-${++counter}`,
    line: p.line,
    text: p.text,
    ...(p.translation !== undefined ? { translation: p.translation } : {}),
    ...(p.interpreted !== undefined ? { interpreted: p.interpreted } : {}),
    ...(p.lang ? { lang: p.lang } : {}),
    ...(p.kind ? { kind: p.kind } : {}),
    segments: segments(`${p.text}\n${p.translation ?? ''}`),
  });
  const announcement = raw.announcement.map(para);

  const sectionIds = sectionsOf(raw.turns, roleOf);
  const sections: Section[] = [];
  const exchanges: Exchange[] = [];
  let exchange: Exchange | undefined;
  raw.turns.forEach((t, i) => {
    const sid = sectionIds[i]!;
    let section = sections.at(-1);
    if (!section || section.id !== sid) {
      section = { id: sid, turns: [] };
      sections.push(section);
    }
    const speakerId = resolved.get(t)!.speaker.id;
    const role = speakers.get(speakerId)!.role;
    const paragraphs = t.paragraphs.map(para);
    let n: number | undefined;
    if (sid === 'qa') {
      if (role === 'analyst') {
        if (!exchange || exchange.analyst !== speakerId || t.opensExchange) {
          exchange = { n: exchanges.length + 1, analyst: speakerId, answerers: [], first_paragraph: paragraphs[0]!.id };
          exchanges.push(exchange);
        }
        n = exchange.n;
      } else if (exchange && role === 'executive') {
        if (!exchange.answerers.includes(speakerId)) exchange.answerers.push(speakerId);
        n = exchange.n;
      }
    }
    const turn: Turn = {
      speaker: speakerId,
      label: t.label.text,
      line: t.line,
      ...(t.heading !== undefined ? { heading: t.heading } : {}),
      ...(n !== undefined ? { exchange: n } : {}),
      paragraphs,
    };
    section.turns.push(turn);
  });

  return {
    source: {
      key,
      layout: raw.layout,
      ...(raw.title ? { title: raw.title } : {}),
      layers: raw.layers,
      sections,
      exchanges,
      announcement,
      omitted: raw.omitted,
    },
    speakers: [...speakers.values()],
  };
}
