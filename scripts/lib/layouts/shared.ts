/**
 * Vocabulary shared by the layout parsers: how labels, titles, markers and headings are
 * written in earnings-call transcripts generally (not in any one file).
 */
import type { RawLabel } from '../raw.ts';
import type { SectionId, SpeakerRole } from '../../../src/lib/schema.ts';
import { compactKey } from '../text.ts';

/** A note that a text layer was machine translated. */
export const MACHINE_TRANSLATION = /(google|deepl|bing|機器|机器|machine|自動|自动)\s*(翻譯|翻译|translat)/i;

/** Words that make a line a job title rather than a name. */
export const TITLE_WORDS =
  /(officer|president|chair|director|head|chief|manager|treasurer|secretary|partner|founder|vice|investor relations|ceo|cfo|coo|cto|首席|官|主管|主席|总裁|總裁|董事|总监|總監|总经理|總經理|负责人|負責人|合伙人|合夥人|副总|副總|经理|經理|投资者关系|投資者關係)/i;

/** Job titles of investor-relations staff. */
export const IR_TITLE = /(investor relations|\bIR\b|投资者关系|投資者關係)/i;

/** Names that are a role rather than a person. */
export function roleFromName(name: string): SpeakerRole | undefined {
  const k = compactKey(name);
  if (/^(operator|conferenceoperator|moderator|接线员|主持人|接線員|会议主持|操作员)$/.test(k)) return 'operator';
  if (/^(editor|编辑|編輯|editor'snote)$/.test(k)) return 'other';
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
  return { text: clean, name, ...(title ? { title } : {}) };
}

/** Section a heading names, if it names one. */
export function sectionOfHeading(heading: string): SectionId | undefined {
  const k = compactKey(heading);
  if (/^(介绍|引言|开场|开场白|开场介绍|introduction|opening|openingremarks)$/.test(k)) return 'introduction';
  if (/^(问答|问答环节|问答部分|q&a|q&asession|questionsandanswers|question-and-answersession|questionandanswersession)$/.test(k)) {
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
