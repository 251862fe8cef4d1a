/**
 * Bundles the client scripts into classic (IIFE) scripts under public/scripts/, so pages load
 * them by a relative path and they run from file:// as well as over http.
 *
 *   node scripts/bundle-client.ts
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const result = await build({
  entryPoints: [resolve(root, 'src/client/charts.ts')],
  outfile: resolve(root, 'public/scripts/charts.js'),
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`bundle-client: public/scripts/charts.js (${Math.round(bytes / 1024)} KB)`);
