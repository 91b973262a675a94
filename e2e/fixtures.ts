import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import WebSocket from 'ws';
import { ApiClient } from '../core/ipc/client';
import { createWsTransport, type WebSocketLike } from '../core/ipc/wsClientTransport';

export interface App {
  /** The page address with its token, as `npm run web` prints it. */
  url: string;
  port: number;
  token: string;
  dataDir: string;
  /** The engine over its own WebSocket, for seeding runs and checking numbers. */
  api: ApiClient;
}

const WEB_ENTRY = path.resolve('dist/cli/tradedesk.mjs');

/**
 * Starts the built web mode (`dist/cli/tradedesk.mjs web`, what `npm run web` runs) on a free port
 * and a data dir: a new temp one unless given (a restart keeps the store).
 */
async function startApp(dataDir = mkdtempSync(path.join(tmpdir(), 'tradedesk-e2e-'))): Promise<{ app: App; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--max-semi-space-size=32', WEB_ENTRY, 'web', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (c) => (err += c));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (c) => {
      out += c;
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`web mode exited with ${code} before listening (did \`npm run build\` run?):\n${err}`)));
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') as string;
  const transport = createWsTransport({
    url: `ws://127.0.0.1:${parsed.port}/ws?token=${token}`,
    create: (u) => new WebSocket(u) as unknown as WebSocketLike,
  });
  await expect.poll(() => transport.state).toBe('open');
  return { app: { url, port: Number(parsed.port), token, dataDir, api: new ApiClient(transport) }, proc };
}

/** Closes the engine client and quits web mode as Ctrl-C does (SIGTERM: the host closes its store and connections). */
async function stopApp(app: App, proc: ChildProcess): Promise<void> {
  app.api.transport.close();
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    // A host stuck closing must not hold the suite: it is killed after a grace period.
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** Web mode that a test can quit and start again on the same data dir (a new port and token each time), as a user restarting the app. */
export interface RestartableApp {
  /** The app running now. */
  readonly app: App;
  /** Quits web mode and starts it again on the same store; answers the new app (new url, token and engine client). */
  restart(): Promise<App>;
}

/** Each test gets its own engine and store, so tests never see each other's runs. */
export const test = base.extend<{ app: App; restartable: RestartableApp }>({
  app: async ({}, use) => {
    const { app, proc } = await startApp();
    await use(app);
    await stopApp(app, proc);
    rmSync(app.dataDir, { recursive: true, force: true });
  },
  restartable: async ({}, use) => {
    let running = await startApp();
    const dataDir = running.app.dataDir;
    await use({
      get app() {
        return running.app;
      },
      async restart() {
        await stopApp(running.app, running.proc);
        running = await startApp(dataDir);
        return running.app;
      },
    });
    await stopApp(running.app, running.proc);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** A small synthetic backtest spec that finishes in well under a second. */
export function quickSpec(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    data: { synthetic: { symbols: 5, years: 3, seed: 11 } },
    strategy: { name: 'sma-cross', params: { fast: 10, slow: 30 } },
    initial_cash: 100_000,
    ...overrides,
  };
}

/** Launches a run through the engine and waits for it to finish; returns its run id. */
export async function seedRun(app: App, spec: Record<string, unknown>): Promise<string> {
  const job = await app.api.call('backtests.launch', { spec });
  let runId: string | null = null;
  await expect
    .poll(
      async () => {
        const j = (await app.api.call('backtests.jobs', {})).find((x) => x.jobId === job.jobId);
        runId = j?.runId ?? null;
        return j?.state;
      },
      { timeout: 30_000 },
    )
    .toBe('completed');
  return runId as unknown as string;
}
