/**
 * Publishing the build's output: content/calls/ and dist/ are replaced together, or not at all,
 * even if the process dies half-way.
 *
 * Each replacement is staged beside its target (`dist.tmp-<pid>` next to `dist`), so the rename
 * that publishes it never crosses a filesystem. Before the first rename a journal
 * (`.build/publish.json`) records every planned rename; it is removed only when all are done.
 * A failed rename undoes the ones already made; a build that finds a journal (the previous one
 * was killed mid-way) finishes that publication before doing anything else, since every staged
 * folder in a journal is complete. Staging folders of builds that are no longer running are
 * removed at the start of the next build.
 */
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** One planned replacement: `target` is moved to `old`, then `staged` to `target`. */
export interface Swap {
  readonly staged: string;
  readonly target: string;
  readonly old: string;
}

interface Journal {
  readonly pid: number;
  readonly swaps: readonly Swap[];
}

/** A problem the user can act on; the build prints its message without a stack trace. */
export class PublishError extends Error {
  override name = 'PublishError';
}

export const journalPath = (buildDir: string) => join(buildDir, 'publish.json');

/** Where a replacement for `target` is staged, and where the target goes while it is replaced. */
export function plan(target: string, pid = process.pid): Swap {
  return { staged: `${target}.tmp-${pid}`, target, old: `${target}.old-${pid}` };
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const describe = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Checks, before anything is built, that `target` can be replaced by a rename: its parent folder
 * exists and is writable, and it is a folder on the same filesystem as its parent (not a mount
 * point, not a symbolic link, not a file). `option` names the command-line option in messages.
 */
export function preflight(option: string, target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) throw new PublishError(`${option} ${target}: the folder it goes in, ${parent}, does not exist; create it first or choose another folder`);
  if (!statSync(parent).isDirectory()) throw new PublishError(`${option} ${target}: ${parent} is not a folder`);
  let info;
  try {
    info = lstatSync(target);
  } catch {
    info = undefined;
  }
  if (info) {
    if (info.isSymbolicLink()) throw new PublishError(`${option} ${target} is a symbolic link; the build replaces the folder by a rename, so give the real folder it points to`);
    if (!info.isDirectory()) throw new PublishError(`${option} ${target} exists and is not a folder; move it away or choose another path`);
    if (info.dev !== statSync(parent).dev) {
      throw new PublishError(`${option} ${target} is a mount point (another filesystem than ${parent}); the build replaces the folder by a rename, so give a folder inside it, e.g. ${join(target, basename(target))}`);
    }
  }
  // Renames need a writable parent folder: try one now rather than after the whole build.
  const probe = `${target}.probe-${process.pid}`;
  try {
    mkdirSync(probe);
    renameSync(probe, `${probe}-renamed`);
    rmdirSync(`${probe}-renamed`);
  } catch (e) {
    rmSync(probe, { recursive: true, force: true });
    throw new PublishError(`${option} ${target}: cannot create and rename folders in ${parent} (${describe(e)}); the build publishes by renaming there`);
  }
}

function writeDurably(path: string, text: string): void {
  const partial = `${path}.tmp-${process.pid}`;
  writeFileSync(partial, text);
  const fd = openSync(partial, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(partial, path);
  const dir = openSync(dirname(path), 'r');
  fsyncSync(dir);
  closeSync(dir);
}

/** Completes one swap from whatever state an interrupted publication left it in. */
function rollForward(s: Swap): void {
  if (!existsSync(s.staged)) return; // already published
  if (existsSync(s.target)) {
    if (existsSync(s.old)) throw new PublishError(`cannot finish an interrupted publication: ${s.target}, ${s.old} and ${s.staged} all exist; keep the one you want as ${s.target}, remove the others and ${'.build/publish.json'}`);
    renameSync(s.target, s.old);
  }
  renameSync(s.staged, s.target);
}

/**
 * Finishes a publication that a killed build left half-done (see above). Returns a line saying
 * what was done, or undefined when there was nothing to do.
 */
export function recover(buildDir: string): string | undefined {
  const path = journalPath(buildDir);
  if (!existsSync(path)) return undefined;
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  } catch (e) {
    throw new PublishError(`${path} cannot be read (${describe(e)}); check ${'content/calls'} and dist, then remove it`);
  }
  for (const s of journal.swaps) rollForward(s);
  rmSync(path, { force: true });
  for (const s of journal.swaps) rmSync(s.old, { recursive: true, force: true });
  return `finished publishing ${journal.swaps.map((s) => s.target).join(' and ')}, which build ${journal.pid} had started when it stopped`;
}

/**
 * Removes what builds that are no longer running left behind: `<target>.tmp-<pid>`,
 * `.old-<pid>` and `.probe-<pid>` beside each target (also a converter's own
 * `<target>.tmp-<pid>.tmp-<pid>`), and `<buildDir>/<pid>/`. Returns the paths removed.
 */
export function removeStale(buildDir: string, targets: readonly string[]): string[] {
  const removed: string[] = [];
  const drop = (path: string) => {
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  };
  for (const target of targets) {
    const parent = dirname(target);
    if (!existsSync(parent)) continue;
    const base = basename(target);
    for (const name of readdirSync(parent)) {
      if (!name.startsWith(`${base}.`)) continue;
      const pids = [...name.slice(base.length).matchAll(/\.(?:tmp|old|probe)-(\d+)/g)].map((m) => Number(m[1]));
      const rest = name.slice(base.length).replace(/\.(?:tmp|old|probe)-\d+/g, '');
      if (pids.length > 0 && (rest === '' || rest === '-renamed') && !pids.some(isAlive)) drop(join(parent, name));
    }
  }
  if (existsSync(buildDir)) {
    for (const name of readdirSync(buildDir)) if (/^\d+$/.test(name) && !isAlive(Number(name))) drop(join(buildDir, name));
  }
  return removed;
}

/**
 * Takes the project's build lock (one build at a time publishes); a lock left by a build that
 * is no longer running is taken over. Returns the function that releases it.
 */
export function lock(buildDir: string): () => void {
  mkdirSync(buildDir, { recursive: true });
  const path = join(buildDir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path, { force: true });
        } catch {
          // already removed
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new PublishError(`another build (process ${holder}) is running in this project; wait for it to finish (or stop it), then build again`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new PublishError(`cannot take the build lock ${path}`);
}

/**
 * Publishes every staged folder, as a whole: on a failed rename the renames already made are
 * undone and the error is thrown; if the process dies in between, `recover` finishes the job.
 * `fault` is for tests only: called before each rename with its name (`<target>`), it may
 * throw or kill the process.
 */
export function publish(buildDir: string, swaps: readonly Swap[], fault: (point: string) => void = () => {}): void {
  mkdirSync(buildDir, { recursive: true });
  writeDurably(journalPath(buildDir), `${JSON.stringify({ pid: process.pid, swaps } satisfies Journal, null, 2)}\n`);
  const done: Swap[] = [];
  let moved: Swap | undefined;
  try {
    for (const s of swaps) {
      fault(`swap ${basename(s.target)}`);
      if (existsSync(s.target)) {
        renameSync(s.target, s.old);
        moved = s;
      }
      renameSync(s.staged, s.target);
      moved = undefined;
      done.push(s);
    }
  } catch (e) {
    // Put back what was replaced, newest first; the staged folders are removed by the caller.
    try {
      if (moved) renameSync(moved.old, moved.target);
      for (const s of done.reverse()) {
        renameSync(s.target, s.staged);
        if (existsSync(s.old)) renameSync(s.old, s.target);
      }
    } catch (undo) {
      throw new PublishError(`publishing failed (${describe(e)}) and could not be undone (${describe(undo)}); the next build finishes it from ${journalPath(buildDir)}`);
    }
    rmSync(journalPath(buildDir), { force: true });
    throw new PublishError(`publishing failed (${describe(e)}); ${swaps.map((s) => s.target).join(' and ')} were left as they were`);
  }
  rmSync(journalPath(buildDir), { force: true });
  for (const s of swaps) rmSync(s.old, { recursive: true, force: true });
}
