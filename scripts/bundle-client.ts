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
  entryPoints: {
    charts: resolve(root, 'src/client/charts.ts'),
    search: resolve(root, 'src/client/search.ts'),
    site: resolve(root, 'src/client/site.ts'),
  },
  outdir: resolve(root, 'public/scripts'),
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
const sizes = Object.entries(result.metafile.outputs).map(([file, o]) => `${file.replace(/^.*public\//, '')} ${Math.round(o.bytes / 1024)} KB`);
console.log(`bundle-client: ${sizes.join(', ')}`);
