/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig lets tests render .astro components with Astro's container API.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One file at a time: the build test rebuilds the site and clears Astro's caches, and the
    // browser tests are heavy; on two cores running them side by side only makes them flaky.
    fileParallelism: false,
  },
});
