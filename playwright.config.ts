import { defineConfig } from '@playwright/test';

/** e2e specs drive Debian's Chromium (Playwright's own browser download cannot run here) against web mode. */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: '.artifacts/e2e',
  timeout: 60_000,
  workers: 1,
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    screenshot: 'on',
  },
});
