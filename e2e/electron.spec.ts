// The desktop shell's own guarantees, checked in a real Electron: the page sees exactly the two-function
// bridge and no Node, and cannot navigate away or open windows. Skips, saying why, where no Electron
// binary is installed (Electron cannot be downloaded on the team's build machines).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronPackageDir, findElectronBinary } from '../electron/launcher/electronBinary';
import { ensureElectronSqlite, linkIntoBundle } from '../electron/launcher/electronSqlite';
import { electronArgs } from '../electron/launcher/launchArgs';
import { missingDisplay } from '../electron/launcher/preflight';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = findElectronBinary(electronPackageDir());
const noDisplay = missingDisplay();
const skipReason = !binary.found
  ? `Electron ${binary.version} binary not installed on this machine: ${binary.reason}`
  : noDisplay !== null
    ? `Electron needs a display: ${noDisplay}`
    : null;

// The skip reason also goes to the console: the list reporter shows skipped tests without it.
if (skipReason !== null) console.log(`electron.spec.ts: skipped. ${skipReason}`);

test.describe('desktop shell', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!binary.found) throw new Error('unreachable: skipped above');
    const bundleDir = path.join(root, 'dist', 'electron');
    if (!existsSync(path.join(bundleDir, 'main.mjs')) || !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
      throw new Error('the app is not built: run `npm run build` first');
    }
    linkIntoBundle(ensureElectronSqlite(root, binary.version), bundleDir);
    dataDir = mkdtempSync(path.join(tmpdir(), 'tradedesk-electron-e2e-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: electronArgs(root),
      cwd: root,
      env: { ...process.env, TRADEDESK_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the page gets exactly call and onEvent, and no Node', async () => {
    const surface = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.tradedesk as Record<string, unknown>;
      return {
        keys: Object.keys(bridge).sort(),
        types: Object.values(bridge).map((v) => typeof v),
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
      };
    });
    expect(surface).toEqual({ keys: ['call', 'onEvent'], types: ['function', 'function'], require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  test('a call reaches the engine over IPC and a bad one comes back as {code, message}', async () => {
    const [info, unknown] = await page.evaluate(async () => {
      const bridge = (window as unknown as { tradedesk: { call(m: string, i: unknown): Promise<unknown> } }).tradedesk;
      return [await bridge.call('system.info', {}), await bridge.call('no.such.method', {})];
    });
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron', dataDir } });
    expect(unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: expect.any(String) } });
  });

  test('the page cannot navigate away', async () => {
    const before = page.url();
    // The page is served from the app:// protocol, never file://.
    expect(before).toMatch(/^app:\/\/tradedesk\/index\.html/);
    const navigated = page.waitForEvent('framenavigated', { timeout: 2000 }).then(
      () => true,
      () => false,
    );
    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    expect(await navigated).toBe(false);
    expect(page.url()).toBe(before);
  });

  test('the page cannot open windows', async () => {
    // Not https, so nothing is handed to the OS browser either.
    const opened = await page.evaluate(() => [window.open('http://example.com/'), window.open('file:///etc/passwd')].map((w) => w === null));
    expect(opened).toEqual([true, true]);
    expect(app.windows()).toHaveLength(1);
  });
});
