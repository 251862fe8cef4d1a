/**
 * Every built page is valid HTML, checked with the Nu HTML Checker (the W3C validator, from the
 * vnu-jar package; it needs a Java runtime, which .ci/run installs when missing).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers.ts';
import { dist, requireDist } from './site-files.ts';

beforeAll(() => requireDist());

describe('HTML', () => {
  it('of every page is valid', () => {
    const java = spawnSync('java', ['-version']);
    if (java.error) throw new Error('no Java runtime: install one (apt-get install default-jre-headless) to validate the HTML');
    const r = spawnSync('java', ['-jar', join(root, 'node_modules/vnu-jar/build/dist/vnu.jar'), '--errors-only', '--format', 'gnu', '--skip-non-html', dist], { encoding: 'utf8' });
    const errors = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
    expect(errors).toEqual([]);
    expect(r.status).toBe(0);
  });
});
