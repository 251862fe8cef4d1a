/**
 * The most common plain-text layout of English transcripts: a "Company Participants" list and a
 * "Conference Call Participants" list (`Name - Title` / `Name - Firm`), then the call, where
 * each turn starts with a line holding only the speaker's name (or `Operator`), and a
 * "Question-and-Answer Session" line marks the Q&A.
 */
import { ConvertError } from '../errors.ts';
import type { Layout, OmitReason, RawLabel, RawParagraph, RawTurn } from '../raw.ts';
import { omittedRanges } from '../raw.ts';
import { blankSeparatedParagraphs, compactKey, isRuleLine, joinHardWrapped, tableCells, textLanguage } from '../text.ts';
import { IR_TITLE, parseDashLabel, roleFromName, sectionOfHeading, TITLE_WORDS } from './shared.ts';
import { labelLine, splitLabel } from './label-lines.ts';

const COMPANY_LIST = /^(company|corporate)\s+participants:?$|^executives:?$/i;
const ANALYST_LIST = /^(conference\s+call\s+participants|analysts?|other\s+participants):?$/i;
/** A transcriber's disclaimer after the call: nothing after it was said on the call. */
const DISCLAIMER = /^(?:this transcript may not be (?:100 percent|100%|entirely|fully) accurate|disclaimer\s*[:.]|the information contained in (?:this|event) transcripts? is)/i;
const PRESENTATION = /^(presentation|prepared\s+remarks|operator\s+instructions)$/i;
/** A wire export's turn number after the label: "Emi Kawaguchi, Aoba Research - Analyst   [15]". */
const TURN_NUMBER = /\s+\[\d{1,4}\]$/;
/** A turn that only notes the words were not in English: "(spoken in Japanese)", "[Foreign Language]". */
const NOT_ENGLISH_NOTE = /^[(\[]\s*(?:spoken in [a-z]+|in [a-z]+|foreign language|non-english|speaking in [a-z]+)\s*[)\]]$/i;
const INTERPRETER = /^(?:interpreter|interpretation|translator)$/i;

/** "Harunami Electronics Corporation - President, CEO", "Crestmoor Securities - Analyst": the line under a listed name, split into firm and title. */
function firmAndTitle(text: string, list: 'company' | 'analyst'): { title?: string; firm?: string } {
  const parts = text.split(/\s+[-–—]{1,2}\s+/);
  if (parts.length < 2) return list === 'analyst' ? { firm: text } : { title: text };
  const [head, ...tail] = parts;
  const rest = tail.join(' - ');
  if (list === 'analyst') return { firm: /^(?:analyst|research analyst)$/i.test(rest) ? head! : text };
  return { title: rest };
}

interface Participant {
  readonly label: RawLabel;
}

/** A short line without sentence punctuation that repeats the label's title or firm, or reads as a title. */
function isTitleLine(text: string, label: RawLabel): boolean {
  if (text.length > 100 || /[.!?。？！]$/.test(text)) return false;
  const k = compactKey(text);
  if ((label.title && compactKey(label.title) === k) || (label.firm && k.startsWith(compactKey(label.firm)))) return true;
  return TITLE_WORDS.test(text) && text.split(/\s+/).length <= 12 && !/[,;:]\s+\w+\s+\w+\s+\w+\s+\w+/.test(text);
}

/** Words of analysts' firms. */
const FIRM_WORDS = /\b(securities|capital|partners|research|bank|banc|markets|advisors|advisers|investments?|asset|equities|group|llc|l\.?p\.?|inc\.?|ltd\.?|limited|co\.|& co|ag|plc|s\.a\.|holdings?|division|brokerage)\b/i;

/** The line under a listed name that gives that person's title (company list) or firm (analysts). */
function isTitleOrFirm(text: string, list: 'company' | 'analyst'): boolean {
  if (text.length > 90 || /[.!?]$/.test(text) || COMPANY_LIST.test(text) || ANALYST_LIST.test(text)) return false;
  return list === 'company' ? TITLE_WORDS.test(text) : FIRM_WORDS.test(text);
}

export const plain: Layout = {
  id: 'plain-english',

  sniff(lines) {
    // The lists come before the call: a web page that lists the participants after the call
    // ("Operator" first, the lists at the end) has label lines of its own.
    const list = lines.findIndex((l) => COMPANY_LIST.test(l.text));
    const call = lines.findIndex((l) => /^operator:?$/i.test(l.text) || PRESENTATION.test(l.text.replace(/:$/, '')));
    return list >= 0 && (call < 0 || list < call) && lines.some((l) => ANALYST_LIST.test(l.text) || /^operator$/i.test(l.text) || PRESENTATION.test(l.text) || sectionOfHeading(l.text) === 'qa');
  },

  parse(lines, ctx) {
    const omitted: { n: number; reason: OmitReason }[] = [];
    const people = new Map<string, Participant>();
    let i = 0;
    let title: string | undefined;
    // Header and participant lists.
    let list: 'company' | 'analyst' | undefined;
    let bodyStart = -1;
    for (; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.text === '') continue;
      if (isRuleLine(l.text)) {
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      if (COMPANY_LIST.test(l.text)) {
        list = 'company';
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      if (ANALYST_LIST.test(l.text)) {
        list = 'analyst';
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      // (A label may end in a colon, and give a listed name its title: "MARGARETHE OYELARAN, CHIEF FINANCIAL OFFICER:".)
      const bare = l.text.replace(/\s*:$/, '');
      const listedName = /^([^,]{3,40}),\s+\S/.exec(bare)?.[1];
      if (PRESENTATION.test(l.text) || roleFromName(bare) === 'operator' || (list && (people.has(compactKey(bare)) || (/:$/.test(l.text) && listedName !== undefined && people.has(compactKey(listedName)))))) {
        bodyStart = i;
        break;
      }
      if (list) {
        // `Name - Title`, or the wire services' `Name, Title`, often as bullets (`* Name, Title`).
        const entry = l.text.replace(/^[*•·]\s+|^[-–]\s+(?=\S)/, '');
        const dashed = parseDashLabel(entry);
        // ("Margaret Liu        Chief Financial Officer": a PDF's columns, the name then the title or firm.)
        const columns = /^(\S.{1,50}?)\s{3,}(\S.{1,100})$/.exec(l.raw.trim());
        let lab = dashed.title || dashed.role ? dashed : columns ? { text: entry, name: columns[1]!.trim(), title: columns[2]!.trim() } : (splitLabel(entry) ?? dashed);
        // Or the name on one line and the title or firm on the next.
        const next = lines[i + 1];
        if (!lab.title && !lab.firm && next && next.text !== '' && isTitleOrFirm(next.text, list)) {
          const split = firmAndTitle(next.text, list);
          lab = { ...lab, title: (split.title ?? split.firm)! };
          omitted.push({ n: next.n, reason: 'cover' });
          i++;
        }
        const role = list === 'analyst' ? 'analyst' : lab.title && IR_TITLE.test(lab.title) ? 'investor-relations' : 'executive';
        const label: RawLabel =
          list === 'analyst'
            ? { text: l.text, name: lab.name, role, ...(lab.title ? { firm: lab.title } : lab.firm ? { firm: lab.firm } : {}) }
            : { text: l.text, name: lab.name, role, ...(lab.title ? { title: lab.title } : {}) };
        people.set(compactKey(lab.name), { label });
      } else if (title === undefined) {
        title = l.text;
      }
      omitted.push({ n: l.n, reason: 'cover' });
    }
    if (bodyStart < 0 || people.size === 0) {
      throw new ConvertError(ctx.file, 'the participant lists were found but no call text after them', {
        hint: 'the call should start with a line holding only a speaker name or "Operator"',
      });
    }

    const body = lines.slice(bodyStart);
    // (Hard-wrapped text, a PDF export, too: long lines that stop mid-sentence and go on in the next.)
    const blankSeparated = blankSeparatedParagraphs(body);
    const speakerOf = (line: string): RawLabel | undefined => {
      // The turn's label is the line as written; role, title and firm come from the lists.
      const text = line.replace(TURN_NUMBER, '').replace(/\s*:$/, '');
      const byName = people.get(compactKey(text));
      if (byName) return { ...byName.label, text };
      const dash = parseDashLabel(text);
      const known = people.get(compactKey(dash.name));
      if (known && text.length <= 80) return { ...known.label, text };
      // "Emi Kawaguchi, Aoba Research Partners - Analyst": the name, a comma, then the firm or company.
      const commaName = /^([^,]{3,40}),\s+\S/.exec(dash.name)?.[1];
      const listed = commaName ? people.get(compactKey(commaName)) : undefined;
      if (listed && text.length <= 120) return { ...listed.label, text };
      if (TURN_NUMBER.test(line) && INTERPRETER.test(text)) return { text, name: text, role: 'other' };
      if (dash.role === 'operator') return dash;
      // Wire exports: `Q - Jane Doe {BIO 123 <GO>}`, `A - John Roe`.
      const decoded = labelLine(text);
      if (decoded?.marked) {
        const listed = people.get(compactKey(decoded.label.name));
        if (listed) return { ...listed.label, text };
        if (decoded.side) return { ...decoded.label, text, role: decoded.side === 'question' ? 'analyst' : 'executive' };
      }
      if (/^(?:unidentified|unknown)\s+(analyst|participant|speaker|executive|company representative)$/i.test(text)) {
        const role = /analyst/i.test(text) ? ('analyst' as const) : /executive|company/i.test(text) ? ('executive' as const) : undefined;
        return { text, name: text, ...(role ? { role } : {}) };
      }
      return undefined;
    };

    const turns: RawTurn[] = [];
    let current: { label: RawLabel; line: number; section?: 'qa'; paragraphs: RawParagraph[]; noted?: boolean; interpreted?: boolean } | undefined;
    let inQa = false;
    let titleNext = false;
    let ended = false;
    let open: { line: number; text: string } | undefined;
    const close = () => {
      if (open && current) {
        // ("(spoken in Japanese)" alone is a note on the turn, not words of it.)
        if (current.paragraphs.length === 0 && NOT_ENGLISH_NOTE.test(open.text)) {
          current.noted = true;
          omitted.push({ n: open.line, reason: 'cover' });
        } else current.paragraphs.push({ line: open.line, text: open.text, ...(current.interpreted ? { interpreted: true } : {}) });
      }
      open = undefined;
    };
    for (const l of body) {
      if (l.text === '') {
        if (blankSeparated) close();
        continue;
      }
      if (isRuleLine(l.text)) {
        close();
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      if (DISCLAIMER.test(l.text)) {
        close();
        // (A disclaimer before anyone has spoken, as on a PDF's cover, ends nothing.)
        ended = turns.length > 0;
        if (!ended) {
          omitted.push({ n: l.n, reason: 'disclaimer' });
          continue;
        }
      }
      if (ended) {
        omitted.push({ n: l.n, reason: 'disclaimer' });
        continue;
      }
      const section = sectionOfHeading(l.text);
      if (section === 'qa') {
        close();
        inQa = true;
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      if (PRESENTATION.test(l.text)) {
        close();
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      const label = speakerOf(l.text);
      // "(spoken in Japanese)", then the interpreter's turn: the interpreter's words are the
      // speaker's, interpreted (an analyst's question stays the analyst's).
      if (label && INTERPRETER.test(label.name) && current && !open && current.paragraphs.length === 0 && current.noted) {
        current.interpreted = true;
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      if (label) {
        close();
        current = { label, line: l.n, ...(inQa ? { section: 'qa' as const } : {}), paragraphs: [] };
        turns.push(current);
        titleNext = true;
        continue;
      }
      // The line under a speaker's name that gives their title or firm is part of the label.
      if (titleNext && current && current.paragraphs.length === 0 && !open && isTitleLine(l.text, current.label)) {
        titleNext = false;
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      titleNext = false;
      if (!current) {
        omitted.push({ n: l.n, reason: 'cover' });
        continue;
      }
      // (A table's rows stay a paragraph each: "Drives      EUR 612m      +4.1%".)
      if (open && blankSeparated && tableCells(l.text) === undefined && tableCells(open.text) === undefined) open.text = joinHardWrapped(open.text, l.text);
      else {
        close();
        open = { line: l.n, text: l.text };
      }
    }
    close();
    const spoken = turns.filter((t) => t.paragraphs.length > 0);
    if (spoken.length === 0) throw new ConvertError(ctx.file, 'no speaker turn was found after the participant lists');

    const lang = textLanguage(spoken.flatMap((t) => t.paragraphs.map((p) => p.text)).join('\n'), 'en');
    return {
      layout: 'plain-english',
      ...(title ? { title } : {}),
      layers: [{ lang, role: 'original', machine_translated: false }],
      turns: spoken,
      announcement: [],
      omitted: omittedRanges(omitted),
    };
  },
};
