import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.mjs';

const chromium = findChromium();

/** e2e specs drive Debian's Chromium (Playwright's own browser download cannot run here) against web mode. */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: '.artifacts/e2e',
  timeout: 60_000,
  workers: 1,
  use: {
    launchOptions: {
      executablePath: 'path' in chromium ? chromium.path : '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    screenshot: 'on',
  },
});
