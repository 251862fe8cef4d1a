// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

// Pages are written as `alibaba/fy2025-q2.html` and link to each other by relative paths
// (src/lib/paths.ts), so the built site works from any sub-path and from file://.
export default defineConfig({
  build: { format: 'file' },
  trailingSlash: 'never',
  devToolbar: { enabled: false },
  markdown: {
    // Hand-written notes may use GFM tables and footnotes. Single tildes stay literal because
    // analysts write "~5%" for "about 5%".
    processor: unified({ gfm: false, remarkPlugins: [[remarkGfm, { singleTilde: false }]] }),
  },
  integrations: [mdx()],
  // Pages whose cache key (src/data/cache-keys.ts) and code are unchanged are copied from the
  // previous build (kept in node_modules/.astro/; `npm run build -- --fresh` starts clean).
  experimental: { incrementalBuild: true },
});
