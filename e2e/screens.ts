import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type Locator, type Page } from '@playwright/test';

/**
 * Where the README's screenshots live. Only `npm run screenshots` (which sets the flag) writes
 * there: a test run must never rewrite tracked files.
 */
const DOCS_DIR = process.env.TRADEDESK_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : null;

/** A screenshot of the page, or of one part of it, as a test artifact (and as the README's picture when asked). */
export async function snap(target: Page | Locator, name: string): Promise<void> {
  const png = await target.screenshot({ path: test.info().outputPath(`${name}.png`) });
  if (DOCS_DIR === null) return;
  mkdirSync(DOCS_DIR, { recursive: true });
  writeFileSync(path.join(DOCS_DIR, `${name}.png`), png);
}

/** The app's address with a screen's hash route. */
export const at = (appUrl: string, hash: string): string => `${appUrl}${hash}`;

/** The viewport the README screenshots are taken at. */
export const SCREEN_VIEWPORT = { width: 1440, height: 900 };
