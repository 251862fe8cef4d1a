/**
 * The converter's own error: it names the input file, the line where possible, what is wrong
 * and what to do. Anything else thrown by the converter is a bug.
 */
export class ConvertError extends Error {
  /** Path of the transcript, relative to the project. */
  readonly file: string;
  /** 1-based line number, when the problem is on one line. */
  readonly line: number | undefined;
  /** What the user can do about it. */
  readonly hint: string | undefined;

  constructor(file: string, message: string, options: { line?: number; hint?: string } = {}) {
    super(message);
    this.name = 'ConvertError';
    this.file = file;
    this.line = options.line;
    this.hint = options.hint;
  }

  /** `seeds/x.txt:12: message (hint)`, the form editors and terminals link; control characters escaped. */
  format(): string {
    const where = this.line === undefined ? printable(this.file) : `${printable(this.file)}:${this.line}`;
    return `${where}: ${printable(this.message)}${this.hint ? `\n  hint: ${printable(this.hint)}` : ''}`;
  }
}

/** A problem worth telling the user about that does not stop the conversion. */
export interface Warning {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export function formatWarning(w: Warning): string {
  return `${w.line === undefined ? printable(w.file) : `${printable(w.file)}:${w.line}`}: warning: ${printable(w.message)}`;
}

/**
 * Text from an input (a file name, a sidecar value) made safe for one line of a terminal or a
 * comment: control characters (C0, DEL, C1: escape sequences, line breaks), line and paragraph
 * separators and bidirectional controls become visible `\u{…}` escapes.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
