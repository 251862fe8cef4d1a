/**
 * The build report: transcripts a `--keep-going` build left out, with file, line and reason.
 * `scripts/convert.ts` writes it beside the calls; the site shows it on `build-report.html`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** File name of the report inside the calls folder. */
export const REPORT_FILE = 'build-report.json';

export interface LeftOut {
  /** The transcript (or sidecar), relative to the project. */
  readonly file: string;
  /** 1-based line, when the problem is on one line. */
  readonly line?: number;
  readonly message: string;
  readonly hint?: string;
}

/** The transcripts left out of the build in `callsDir`, or an empty list. */
export function readReport(callsDir: string): LeftOut[] {
  const path = join(callsDir, REPORT_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as LeftOut[]) : [];
}
