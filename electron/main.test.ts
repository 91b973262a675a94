import { defaultDataDir } from '../core/store/dataDir';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CALL_CHANNEL } from '../core/ipc/bridge';
import type { HostOptions } from '../core/host/createHost';
import { EventBus } from '../core/ipc/eventBus';
import type { CallResult } from '../core/ipc/wire';

/** The parts of Electron main.ts touches, recorded. Reset before each import of main.ts. */
const fake = vi.hoisted(() => {
  const state = {
    app: null as unknown as ReturnType<typeof makeApp>,
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    handlers: new Map<string, unknown>(),
    sessionPolicy: { permissions: false, headers: false },
    errors: [] as string[],
    hostOptions: [] as Record<string, unknown>[],
    hostClosed: 0,
    hostFails: false,
    realHost: false,
    lock: true,
  };
  function makeApp() {
    const emitter = new EventEmitter();
    let resolveReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => (resolveReady = r));
    const app = Object.assign(emitter, {
      isPackaged: false,
      quitCalls: 0,
      exitCode: null as number | null,
      ready: () => resolveReady(),
      whenReady: () => ready,
      requestSingleInstanceLock: () => state.lock,
      getPath: (name: string) => `/fake/${name}`,
      quit: () => {
        app.quitCalls++;
        emitter.emit('will-quit', { preventDefault: () => undefined });
      },
      exit: (code: number) => {
        app.exitCode = code;
      },
    });
    return app;
  }
  return { state, makeApp };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    readonly webContents: EventEmitter & { id: number };
    private readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, loaded: [] };
      fake.state.windows.push(this.record);
      this.webContents = Object.assign(new EventEmitter(), { id: fake.state.windows.length, isDestroyed: () => false, getURL: () => '', send: () => undefined });
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    show() {}
  }
  return {
    get app() {
      return fake.state.app;
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => fake.state.errors.push(`${title}: ${message}`) },
    ipcMain: {
      handle: (channel: string, fn: unknown) => fake.state.handlers.set(channel, fn),
      removeHandler: (channel: string) => fake.state.handlers.delete(channel),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (fake.state.sessionPolicy.permissions = true),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onHeadersReceived: () => (fake.state.sessionPolicy.headers = true) },
      },
    },
    shell: { openExternal: async () => undefined },
  };
});

vi.mock('../core/host/createHost', async (importOriginal) => ({
  createHost: async (opts: HostOptions) => {
    fake.state.hostOptions.push({ ...opts });
    if (fake.state.realHost) {
      const real = await importOriginal<typeof import('../core/host/createHost')>();
      const host = await real.createHost(opts);
      const close = host.close.bind(host);
      return Object.assign(host, {
        close: async () => {
          fake.state.hostClosed++;
          await close();
        },
      });
    }
    if (fake.state.hostFails) throw new Error('this database was written by a newer tradedesk');
    return {
      router: { call: async () => ({ ok: true, value: null }) },
      bus: new EventBus(),
      dbPath: '/fake/db',
      close: async () => {
        fake.state.hostClosed++;
      },
    };
  },
}));

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./main');
  fake.state.app.ready();
  // Let whenReady's chain (host, window, load) settle.
  await vi.waitFor(() => expect(fake.state.windows.length + fake.state.errors.length).toBeGreaterThan(0), { timeout: 30_000 });
}

describe('main process', () => {
  const savedDataDir = process.env.TRADEDESK_DATA_DIR;

  beforeEach(() => {
    Object.assign(fake.state, {
      app: fake.makeApp(),
      windows: [],
      handlers: new Map(),
      sessionPolicy: { permissions: false, headers: false },
      errors: [],
      hostOptions: [],
      hostClosed: 0,
      hostFails: false,
      realHost: false,
      lock: true,
    });
    delete process.env.TRADEDESK_DATA_DIR;
  });

  afterEach(() => {
    if (savedDataDir === undefined) delete process.env.TRADEDESK_DATA_DIR;
    else process.env.TRADEDESK_DATA_DIR = savedDataDir;
    vi.restoreAllMocks();
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    vi.resetModules();
    await import('./main');
    fake.state.app.ready();
    await Promise.resolve();
    expect(fake.state.app.quitCalls).toBe(1);
    expect(fake.state.hostOptions).toEqual([]);
    expect(fake.state.windows).toEqual([]);
  });

  it('starts the engine in the app-data folder the CLI uses and opens one secure window on the built page', async () => {
    await startMain();
    expect(fake.state.hostOptions).toEqual([expect.objectContaining({ dataDir: defaultDataDir(), transport: 'electron' })]);
    expect(fake.state.windows).toHaveLength(1);
    const [win] = fake.state.windows;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(win.loaded).toHaveLength(1);
    expect(new URL(win.loaded[0]).protocol).toBe('file:');
    expect(win.loaded[0]).toMatch(/\/renderer\/index\.html$/);
    expect([...fake.state.handlers.keys()]).toEqual([BRIDGE_CALL_CHANNEL]);
    expect(fake.state.sessionPolicy).toEqual({ permissions: true, headers: true });
  });

  it('keeps its data where TRADEDESK_DATA_DIR says', async () => {
    process.env.TRADEDESK_DATA_DIR = '/tmp/tradedesk-test-data';
    await startMain();
    expect(fake.state.hostOptions[0]).toMatchObject({ dataDir: '/tmp/tradedesk-test-data' });
  });

  it('guards every web contents the app creates', async () => {
    await startMain();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.state.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
  });

  it('closes the engine before quitting', async () => {
    await startMain();
    fake.state.app.quit();
    await vi.waitFor(() => expect(fake.state.app.quitCalls).toBe(2));
    expect(fake.state.hostClosed).toBe(1);
  });

  it('answers the page through the real engine, and refuses a foreign page', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tradedesk-main-'));
    try {
      process.env.TRADEDESK_DATA_DIR = dataDir;
      fake.state.realHost = true;
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await startMain();
      const handle = fake.state.handlers.get(BRIDGE_CALL_CHANNEL) as (e: IpcMainInvokeEvent, frame: unknown) => Promise<CallResult>;
      const page = fake.state.windows[0].loaded[0];
      const from = (url: string) => ({ sender: { id: 1 }, senderFrame: { url, parent: null } }) as unknown as IpcMainInvokeEvent;

      const info = await handle(from(page), { method: 'system.info', input: {} });
      expect(info).toEqual({ ok: true, value: expect.objectContaining({ transport: 'electron', dataDir }) });
      expect(await handle(from(page), { method: 'backtests.list', input: { status: 'nonsense' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect(await handle(from(page), { method: 'no.such.method', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(await handle(from('https://evil.example/'), { method: 'system.info', input: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(existsSync(path.join(dataDir, 'tradedesk.db'))).toBe(true);

      fake.state.app.quit();
      await vi.waitFor(() => expect(fake.state.hostClosed).toBe(1), { timeout: 30_000 });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('explains a failed start and exits', async () => {
    fake.state.hostFails = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startMain();
    expect(fake.state.errors).toEqual(['tradedesk could not start: this database was written by a newer tradedesk']);
    expect(fake.state.app.exitCode).toBe(1);
    expect(fake.state.windows).toEqual([]);
  });
});
