import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Tracer tests start kernel probes and builds; running files in parallel on a 2-core machine
    // makes their timing noisy and their probe attach slow.
    fileParallelism: false,
  },
});
