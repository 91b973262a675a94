import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from '../core/ipc/bridge';
import { defaultDataDir } from '../core/store/dataDir';
import type { CallResult } from '../core/ipc/wire';

/** The parts of Electron main.ts touches, recorded. Reset before each import of main.ts. */
const fake = vi.hoisted(() => {
  const state = {
    app: null as unknown as ReturnType<typeof makeApp>,
    windows: [] as { options: Record<string, unknown>; loaded: string[]; sent: unknown[][] }[],
    handlers: new Map<string, unknown>(),
    sessionPolicy: { permissions: false, headers: false },
    schemes: [] as unknown[],
    protocols: new Map<string, (req: { url: string }) => Promise<Response>>(),
    errors: [] as string[],
    /** Every utility process main forked: its entry, options, and the stand-in (see FakeUtility). */
    forks: [] as { entry: string; options: Record<string, unknown>; child: EventEmitter & { crash(code: number): void } }[],
    hostFails: false,
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
  const { serveHost } = await import('./hostServer');
  const { createHost } = await import('../core/host/createHost');

  /**
   * A utility process without Electron: the real engine side (serveHost over the real host) runs in this
   * process, and messages cross as structured clones on a later tick, as over Electron's parent port.
   */
  class FakeUtility extends EventEmitter {
    private readonly port = new EventEmitter();
    private alive = true;
    constructor() {
      super();
      serveHost(
        {
          on: (event, listener) => this.port.on(event, listener),
          postMessage: (m) => setImmediate(() => this.alive && this.emit('message', structuredClone(m))),
        },
        (opts) => (fake.state.hostFails ? Promise.reject(new Error('this database was written by a newer tradedesk')) : createHost(opts)),
      );
    }
    postMessage(m: unknown): void {
      setImmediate(() => this.alive && this.port.emit('message', { data: structuredClone(m) }));
    }
    kill(): boolean {
      this.crash(0);
      return true;
    }
    /** The process ends: nothing more crosses, and main hears 'exit'. Its host is closed, as the OS would free it. */
    crash(code: number): void {
      if (!this.alive) return;
      this.alive = false;
      this.port.emit('message', { data: { type: 'close' } });
      setImmediate(() => this.emit('exit', code));
    }
  }

  class BrowserWindow extends EventEmitter {
    readonly webContents: EventEmitter & { id: number };
    private readonly record: { options: Record<string, unknown>; loaded: string[]; sent: unknown[][] };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, loaded: [], sent: [] };
      fake.state.windows.push(this.record);
      const record = this.record;
      this.webContents = Object.assign(new EventEmitter(), {
        id: fake.state.windows.length,
        isDestroyed: () => false,
        getURL: () => record.loaded.at(-1) ?? '',
        send: (...args: unknown[]) => record.sent.push(args),
      });
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
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.state.schemes.push(...schemes),
      handle: (scheme: string, handler: (req: { url: string }) => Promise<Response>) => fake.state.protocols.set(scheme, handler),
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
    // No OS keychain in tests: the engine is told so when asked to keep keys (electron/keychain.test.ts covers sealing).
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => {
        throw new Error('no keychain in tests');
      },
      decryptString: () => {
        throw new Error('no keychain in tests');
      },
    },
    utilityProcess: {
      fork: (entry: string, _args: string[], options: Record<string, unknown>) => {
        const child = new FakeUtility();
        fake.state.forks.push({ entry, options, child });
        return child;
      },
    },
  };
});

type Handle = (e: IpcMainInvokeEvent, frame: unknown) => Promise<CallResult>;

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./main');
  fake.state.app.ready();
  // Let whenReady's chain (engine process, window, load) settle.
  await vi.waitFor(() => expect(fake.state.windows.length + fake.state.errors.length).toBeGreaterThan(0), { timeout: 30_000 });
}

const from = (url: string) => ({ sender: { id: 1 }, senderFrame: { url, parent: null } }) as unknown as IpcMainInvokeEvent;

describe('main process', () => {
  const savedDataDir = process.env.TRADEDESK_DATA_DIR;
  let dataDir: string;

  beforeEach(() => {
    Object.assign(fake.state, {
      app: fake.makeApp(),
      windows: [],
      handlers: new Map(),
      sessionPolicy: { permissions: false, headers: false },
      schemes: [],
      protocols: new Map(),
      errors: [],
      forks: [],
      hostFails: false,
      lock: true,
    });
    // The engine is real: its store and log go to a temp folder, never the user's.
    dataDir = mkdtempSync(path.join(tmpdir(), 'tradedesk-main-'));
    process.env.TRADEDESK_DATA_DIR = dataDir;
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(async () => {
    if (fake.state.windows.length > 0 && fake.state.app.quitCalls === 0) {
      fake.state.app.quit();
      await vi.waitFor(() => expect(fake.state.app.quitCalls).toBe(2), { timeout: 30_000 });
    }
    if (savedDataDir === undefined) delete process.env.TRADEDESK_DATA_DIR;
    else process.env.TRADEDESK_DATA_DIR = savedDataDir;
    vi.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    vi.resetModules();
    await import('./main');
    fake.state.app.ready();
    await Promise.resolve();
    expect(fake.state.app.quitCalls).toBe(1);
    expect(fake.state.forks).toEqual([]);
    expect(fake.state.windows).toEqual([]);
  });

  it('runs the engine in a utility process on the data folder, and opens one secure window on app://', async () => {
    await startMain();
    expect(fake.state.forks).toHaveLength(1);
    expect(fake.state.forks[0].entry).toMatch(/hostProcess\.mjs$/);
    expect(defaultDataDir()).toBe(dataDir);
    expect(existsSync(path.join(dataDir, 'tradedesk.db'))).toBe(true);
    expect(fake.state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect([...fake.state.protocols.keys()]).toEqual(['app']);
    expect(fake.state.windows).toHaveLength(1);
    const [win] = fake.state.windows;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(win.loaded).toEqual(['app://tradedesk/index.html']);
    expect([...fake.state.handlers.keys()]).toEqual([BRIDGE_CALL_CHANNEL]);
    expect(fake.state.sessionPolicy).toEqual({ permissions: true, headers: true });
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

  it('forwards the page calls to the engine process and its events back to the page, and refuses a foreign page', async () => {
    await startMain();
    const handle = fake.state.handlers.get(BRIDGE_CALL_CHANNEL) as Handle;
    const page = fake.state.windows[0].loaded[0];
    const info = await handle(from(page), { method: 'system.info', input: {} });
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ transport: 'electron', dataDir }) });
    expect(await handle(from(page), { method: 'backtests.list', input: { status: 'nonsense' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await handle(from('https://evil.example/'), { method: 'system.info', input: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    // A launched backtest makes the engine push job events, which main hands to the page.
    const job = await handle(from(page), {
      method: 'backtests.launch',
      input: { spec: { name: 'from main', data: { synthetic: { symbols: 2, years: 1 } }, strategy: { name: 'buy-and-hold' } } },
    });
    expect(job).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(fake.state.windows[0].sent.some(([channel, event]) => channel === BRIDGE_EVENT_CHANNEL && event === 'backtests.job')).toBe(true), {
      timeout: 30_000,
    });
    // Main's own log lines (the refused call) land in the engine's one log file.
    await vi.waitFor(async () => {
      const logs = await handle(from(page), { method: 'system.logs', input: { level: 'warn' } });
      expect(JSON.stringify(logs)).toContain('refused a call');
    });
  });

  it('starts the engine again when its process dies, failing the calls in flight, and reports when it gives up', async () => {
    await startMain();
    const handle = fake.state.handlers.get(BRIDGE_CALL_CHANNEL) as Handle;
    const page = fake.state.windows[0].loaded[0];
    const inFlight = handle(from(page), { method: 'system.info', input: {} });
    fake.state.forks[0].child.crash(134);
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/exit code 134/) } });
    await vi.waitFor(() => expect(fake.state.forks).toHaveLength(2));
    await vi.waitFor(async () => expect(await handle(from(page), { method: 'system.info', input: {} })).toMatchObject({ ok: true }), { timeout: 30_000 });
    expect(fake.state.errors).toEqual([]);
    // After three restarts it stops trying and says so.
    for (let i = 1; i <= 3; i++) {
      await vi.waitFor(async () => expect(await handle(from(page), { method: 'system.info', input: {} })).toMatchObject({ ok: true }), { timeout: 30_000 });
      fake.state.forks[i].child.crash(1);
      await vi.waitFor(() => expect(fake.state.forks.length + fake.state.errors.length).toBe(i + 2));
    }
    expect(fake.state.forks).toHaveLength(4);
    expect(fake.state.errors).toEqual([expect.stringMatching(/^tradedesk engine stopped: The engine process exited \(code 1\)/)]);
    expect(await handle(from(page), { method: 'system.info', input: {} })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('closes the engine before quitting', async () => {
    await startMain();
    fake.state.app.quit();
    await vi.waitFor(() => expect(fake.state.app.quitCalls).toBe(2), { timeout: 30_000 });
  });

  it('explains a failed start and exits', async () => {
    fake.state.hostFails = true;
    await startMain();
    expect(fake.state.errors).toEqual(['tradedesk could not start: this database was written by a newer tradedesk']);
    expect(fake.state.app.exitCode).toBe(1);
    expect(fake.state.windows).toEqual([]);
  });
});
