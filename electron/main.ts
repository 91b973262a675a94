import { BrowserWindow, app, dialog, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../core/store/dataDir';
import { setLogSink } from '../core/log/log';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './appProtocol';
import { HostProcess } from './hostConnection';
import { registerBridge } from './ipcBridge';
import { contentSecurityPolicy, mainWindowOptions, rendererOrigin } from './security';
import { applySessionPolicy } from './sessionPolicy';
import { guardWebContents } from './windowGuards';

// This file is bundled to dist/electron/main.mjs; the preload, the engine's entry and the built renderer sit beside it.
const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, 'preload.cjs');
const HOST_ENTRY = path.join(here, 'hostProcess.mjs');
const RENDERER_DIR = path.join(here, '..', 'renderer');

let engine: HostProcess | null = null;
let mainWindow: BrowserWindow | null = null;

// app:// must be a standard, secure scheme before the app is ready, or the page gets no origin of its own.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

/** Main's log lines (IPC refusals, window guards, engine restarts) go into the engine's log file; stderr while it is down. */
setLogSink((level, component, msg, fields) => {
  if (engine?.forwardLog(level, component, msg, fields)) return;
  process.stderr.write(`${JSON.stringify({ level, time: Date.now(), component, msg, ...fields })}\n`);
});

async function start(): Promise<void> {
  const origin = rendererOrigin(process.env.VITE_DEV_SERVER_URL, app.isPackaged);
  const csp = contentSecurityPolicy(origin);
  applySessionPolicy(session.defaultSession, csp);
  protocol.handle(APP_SCHEME, appProtocolHandler(RENDERER_DIR, csp));
  // The engine runs in its own utility process, never here: a heavy call there cannot freeze the windows.
  engine = new HostProcess({
    fork: () => utilityProcess.fork(HOST_ENTRY, [], { serviceName: 'tradedesk engine' }),
    // The same folder the CLI and web mode use, so runs from any of them show up in the app.
    dataDir: defaultDataDir(),
    // Relative data paths typed in the UI: the project folder under `npm start`, the home folder when installed.
    baseDir: app.isPackaged ? app.getPath('home') : process.cwd(),
    // Seals the Alpaca keys the trader asks the app to keep (the engine cannot reach safeStorage).
    keychain: safeStorage,
    onExit: (code, restarting) => {
      if (!restarting) dialog.showErrorBox('tradedesk engine stopped', `The engine process exited (code ${code}) and was restarted too often. Restart the app.`);
    },
  });
  await engine.start();
  const win = new BrowserWindow(mainWindowOptions(PRELOAD));
  mainWindow = win;
  registerBridge({ contents: win.webContents, router: engine, bus: engine.bus, origin });
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
  // The window is the app: closing it ends the engine too, on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!engine) return;
    event.preventDefault();
    const closing = engine;
    engine = null;
    void closing.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`tradedesk could not start: ${message}\n`);
      dialog.showErrorBox('tradedesk could not start', message);
      app.exit(1);
    });
}
