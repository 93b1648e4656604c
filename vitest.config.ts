import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; e2e/ belongs to Playwright.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['{contract,widget,host-page,sdk,demo,mock-api,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Some tests start processes or send thousands of requests: give a busy 2-core machine room.
    testTimeout: 20_000,
    // Both cores: Vitest's default leaves one free, which doubled the unit tests' time on 2 cores.
    maxWorkers: 2,
  },
});
