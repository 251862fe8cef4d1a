/**
 * The README's commands run as written, with the machine's own Node first on PATH (not the
 * project's Node 24 that `npm test` puts there), as a user types them: every `npm run X` names
 * a script, and the safe ones (`--help`, a conversion into a temporary folder) are run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './helpers.ts';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const tmp = mkdtempSync(join(tmpdir(), 'readme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Commands in ```sh blocks (one per line, comments dropped) and in the Commands table's first column. */
function documentedCommands(): string[] {
  const out: string[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command) out.push(command);
    }
  }
  const table = readme.split('## Commands')[1]!.split('\n## ')[0]!;
  for (const row of table.matchAll(/^\| `([^`]+)` \|/gm)) out.push(row[1]!);
  return out;
}

/** PATH without the project's node_modules/.bin, so `node` and `npm` are the machine's own. */
const machinePath = (process.env.PATH ?? '').split(delimiter).filter((d) => !d.includes('node_modules')).join(delimiter);

function run(command: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: machinePath, CI: '1' };
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'NODE' || k === 'INIT_CWD') delete env[k];
  return spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8', env, timeout: 120_000 });
}

describe("the README's commands", () => {
  const commands = documentedCommands();

  it('are found: the set-up block and the Commands table', () => {
    expect(commands).toEqual(expect.arrayContaining(['npm install', 'npm run build', 'npm test', 'npm run convert -- --seeds DIR --out DIR', 'npm run convert -- --help']));
  });

  it('name only scripts that package.json defines, and never run a .ts file with the plain node', () => {
    for (const c of commands) {
      const script = /^npm run ([\w:-]+)/.exec(c)?.[1];
      if (script) expect(scripts, c).toContain(script);
      // The machine's Node 20 cannot load TypeScript; `npm run` uses the project's Node 24.
      expect(c, c).not.toMatch(/^node\s+\S+\.ts\b/);
    }
  });

  it('print the usage for every documented --help, and exit 0', () => {
    const helps = commands.filter((c) => / --help$/.test(c));
    expect(helps.length).toBeGreaterThanOrEqual(2);
    for (const c of helps) {
      const r = run(c);
      expect({ command: c, status: r.status, stderr: r.stderr }).toEqual({ command: c, status: 0, stderr: expect.not.stringMatching(/Error|Unknown file extension/) });
      expect(r.stdout, c).toMatch(/Usage: npm run \w+ --/);
    }
  }, 120_000);

  it('convert a folder of transcripts into a temporary folder, giving the committed calls', () => {
    const documented = commands.find((c) => c.startsWith('npm run convert -- --seeds DIR --out DIR'))!;
    const out = join(tmp, 'calls');
    const r = run(documented.replace('--seeds DIR', `--seeds ${join(root, 'seeds')}`).replace('--out DIR', `--out ${out}`) + ' --no-cache');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/convert: 5 transcripts .* -> 4 calls/);
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort();
    expect(files.length).toBe(4);
    for (const f of files) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(root, 'content/calls', f), 'utf8'));
  }, 120_000);
});
