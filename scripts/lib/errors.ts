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

  /** `seeds/x.txt:12: message (hint)`, the form editors and terminals link. */
  format(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}`;
    return `${where}: ${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

/** A problem worth telling the user about that does not stop the conversion. */
export interface Warning {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export function formatWarning(w: Warning): string {
  return `${w.line === undefined ? w.file : `${w.file}:${w.line}`}: warning: ${w.message}`;
}
