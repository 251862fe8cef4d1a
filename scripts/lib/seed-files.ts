/**
 * Reads the transcripts folder for the converter: every entry must be a regular file, read
 * without blocking. Anything else gets an error naming it, never a hang or a stack trace:
 *
 * - a folder, or a symbolic link to one: "is a folder";
 * - a FIFO, socket or device: "is not a regular file" (it is never opened, so a FIFO cannot
 *   make the converter wait for ever);
 * - a broken symbolic link: "points to X, which does not exist";
 * - a symbolic link to a file outside the folder: refused, so that nothing outside seeds/ is
 *   published by accident (copy the file in instead); links within the folder are followed;
 * - a file that cannot be read (permissions, I/O): the system's reason.
 *
 * Sidecars (`x.meta.yaml`) get the same checks.
 */
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { ConvertError } from './errors.ts';
import { sidecarPath, type InputFile } from './pipeline.ts';

/** The file-system calls used, replaceable in tests (e.g. to simulate a permission error as root). */
export interface SeedFs {
  readonly readdir: (dir: string) => string[];
  readonly lstat: (path: string) => Stats;
  readonly stat: (path: string) => Stats;
  readonly realpath: (path: string) => string;
  readonly readFile: (path: string) => Buffer;
}

export const nodeFs: SeedFs = {
  readdir: (dir) => readdirSync(dir),
  lstat: (path) => lstatSync(path),
  stat: (path) => statSync(path),
  realpath: (path) => realpathSync(path),
  readFile: (path) => readFileSync(path),
};

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Checks one entry of the folder and reads it; throws a ConvertError naming `shown` (the path
 * as the user should see it) when it is not a readable regular file inside `folder`.
 */
function readEntry(fs: SeedFs, folder: string, path: string, shown: string, what: string): Buffer {
  const link = fs.lstat(path);
  if (link.isSymbolicLink()) {
    let target: string;
    try {
      target = fs.realpath(path);
    } catch {
      throw new ConvertError(shown, 'is a symbolic link to a file that does not exist', { hint: 'remove the link or restore the file it points to' });
    }
    const inside = relative(fs.realpath(folder), target);
    if (inside.startsWith(`..${sep}`) || inside === '..' || inside.startsWith(sep)) {
      throw new ConvertError(shown, `is a symbolic link to ${target}, outside its folder; links out of the folder are refused so that nothing outside it is published by accident`, {
        hint: 'copy the file into the folder instead of linking to it',
      });
    }
  }
  let info: Stats;
  try {
    info = fs.stat(path);
  } catch (e) {
    throw new ConvertError(shown, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (info.isDirectory()) throw new ConvertError(shown, `is a folder, not a ${what}`, { hint: 'move it out of the folder, or its files into the folder' });
  if (!info.isFile()) throw new ConvertError(shown, `is ${kindOf(info)}, not a ${what}`, { hint: 'remove it from the folder' });
  try {
    return fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConvertError(shown, `cannot be read (${code ?? (e as Error).message})`, code === 'EACCES' ? { hint: 'make it readable (chmod a+r) or remove it' } : {});
  }
}

/** Reads a hand-written file (a company profile) with the same checks: a FIFO there must not hang the converter either. */
export function readRegularFile(path: string, shown: string, fs: SeedFs = nodeFs): string {
  return readEntry(fs, dirname(path), path, shown, 'company profile').toString('utf8');
}

function exists(fs: SeedFs, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads every transcript (not dot files, sidecars or Markdown) in `folder`, with its sidecar.
 * `rel` turns a path into the form shown to the user. Returns the inputs and every problem.
 */
export function readSeedFolder(folder: string, rel: (path: string) => string, fs: SeedFs = nodeFs): { inputs: InputFile[]; errors: ConvertError[] } {
  const names = fs
    .readdir(folder)
    .filter((f) => !f.startsWith('.') && !/\.(meta\.ya?ml|md)$/i.test(f))
    .sort();
  const inputs: InputFile[] = [];
  const errors: ConvertError[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const bytes = readEntry(fs, folder, path, rel(path), 'transcript');
      const side = sidecarPath(path);
      const sidecar = exists(fs, side) ? { path: rel(side), text: readEntry(fs, folder, side, rel(side), 'metadata file').toString('utf8') } : undefined;
      inputs.push({ path: rel(path), bytes, ...(sidecar ? { sidecar } : {}) });
    } catch (e) {
      if (!(e instanceof ConvertError)) throw e;
      errors.push(e);
    }
  }
  return { inputs, errors };
}
