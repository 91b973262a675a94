import { BrowserWindow, app, dialog, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHost, type Host } from '../core/host/createHost';
import { defaultDataDir } from '../core/store/dataDir';
import { registerBridge } from './ipcBridge';
import { contentSecurityPolicy, mainWindowOptions, rendererOrigin } from './security';
import { applySessionPolicy } from './sessionPolicy';
import { guardWebContents } from './windowGuards';

// This file is bundled to dist/electron/main.mjs; the preload and the built renderer sit beside it.
const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, 'preload.cjs');
const INDEX_HTML = path.join(here, '..', 'renderer', 'index.html');

let host: Host | null = null;
let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  const origin = rendererOrigin(INDEX_HTML, process.env.VITE_DEV_SERVER_URL, app.isPackaged);
  applySessionPolicy(session.defaultSession, contentSecurityPolicy(origin));
  // The engine runs here; backtests run in its worker threads, so this thread stays free for IPC.
  host = await createHost({
    // The same folder the CLI and web mode use, so runs from any of them show up in the app.
    dataDir: defaultDataDir(),
    transport: 'electron',
    // Relative data paths typed in the UI: the project folder under `npm start`, the home folder when installed.
    baseDir: app.isPackaged ? app.getPath('home') : process.cwd(),
  });
  const win = new BrowserWindow(mainWindowOptions(PRELOAD));
  mainWindow = win;
  registerBridge({ contents: win.webContents, router: host.router, bus: host.bus, origin });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  await win.loadURL(origin.url.href);
}

app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));

if (!app.requestSingleInstanceLock()) {
  // Two engines on one database would fight over its runs: the first instance takes over.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // The engine lives in this process, so closing the window ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!host) return;
    event.preventDefault();
    const closing = host;
    host = null;
    closing
      .close()
      .catch((err: unknown) => console.error('[engine] close failed:', err))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[app] could not start:', err);
      dialog.showErrorBox('tradedesk could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}
