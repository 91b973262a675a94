import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type Page } from '@playwright/test';

/** Where the README's current screenshots live. */
const DOCS_DIR = path.resolve('docs/screenshots');

/** A screenshot of the screen as a test artifact, and as the README's current picture of it. */
export async function snap(page: Page, screen: string): Promise<void> {
  const png = await page.screenshot({ path: test.info().outputPath(`${screen}.png`) });
  mkdirSync(DOCS_DIR, { recursive: true });
  writeFileSync(path.join(DOCS_DIR, `${screen}.png`), png);
}

/** The app's address with a screen's hash route. */
export const at = (appUrl: string, hash: string): string => `${appUrl}${hash}`;

/** The viewport the README screenshots are taken at. */
export const SCREEN_VIEWPORT = { width: 1440, height: 900 };
