import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simulatorSchema } from '../core/config/simulatorSchema';
import { loadBarsCsv } from '../core/data/csv/loadBarsCsv';
import { startFakeTws, type FakeTws } from '../core/fakeTws';
import type { SessionSummaryDto } from '../core/ipc/contract/sessions';
import { expect, seedRun, test, type App } from './fixtures';
import { RunDetailPage } from './pages/RunDetailPage';
import { SessionDetailPage, SessionsPage } from './pages/SessionsPage';
import { TradingPage } from './pages/TradingPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

const GOOG = path.resolve('fixtures/data/GOOG.csv');
/** Fills at the decision's close with costs, as the session's spec models them: the shadow backtest fills alike. */
const SIM = { fill_timing: 'same_close', slippage_bps: 5, spread_bps: 4, use_volume_constraints: false, commission: { model: 'ibkr_fixed' } } as const;
/** A fast moving average over GOOG's daily bars: it trades every few sessions. */
const STRATEGY = { name: 'sma-cross', params: { fast: 2, slow: 6, mode: 'long_only', weight: 0.9 } };

let fake: FakeTws;
let fakeLog: string[];
let dir: string;
let specPath: string;

test.beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-e2e-sessions-'));
  specPath = path.join(dir, 'goog-forward.yaml');
  writeFileSync(
    specPath,
    [
      'name: goog-forward',
      `data: {csv: ${JSON.stringify(GOOG)}}`,
      `strategy: ${JSON.stringify(STRATEGY)}`,
      'initial_cash: 100000',
      `simulator: ${JSON.stringify(SIM)}`,
      'session: {warmup_years: 2, grace_ms: 2000}',
    ].join('\n'),
  );
  fakeLog = [];
  // GOOG's real bars, two years in: a market that moves only when the test steps it.
  fake = await startFakeTws({
    port: 0,
    series: [loadBarsCsv(GOOG, { symbol: 'GOOG' })],
    startBar: 520,
    barsPerSecond: 0,
    sim: simulatorSchema.parse(SIM),
    initialCash: 100_000,
    log: (l) => fakeLog.push(l),
  });
});
test.afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Until the n-th real-time bar subscription for GOOG has reached the fake: a step before it would go unseen. */
async function subscribed(n: number): Promise<void> {
  await expect.poll(() => fakeLog.filter((l) => /real-time bars \d+ for GOOG/.test(l)).length, { timeout: 30_000 }).toBe(n);
}

async function summary(app: App, id: string): Promise<SessionSummaryDto | undefined> {
  return (await app.api.call('sessions.list', {})).find((s) => s.id === id);
}

/**
 * Steps the market a bar at a time, `n` times: each bar is one decision of the session, and the app's
 * broker has heard of every fill (and TWS's cash, to the cent) before the next bar.
 */
async function decide(app: App, id: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const before = (await summary(app, id))?.decisions ?? 0;
    fake.step();
    await expect.poll(async () => (await summary(app, id))?.decisions, { timeout: 15_000 }).toBe(before + 1);
    await expect
      .poll(
        async () => {
          const st = await app.api.call('trading.state', {});
          const f = fake.snapshot();
          const held = f.positions.find((p) => p.symbol === 'GOOG')?.quantity ?? 0;
          const position = st.positions.find((p) => p.instrument === 'GOOG')?.quantity ?? 0;
          return st.openOrders.length === 0 && position === held && Math.abs((st.account?.cash ?? Number.NaN) - f.cash) <= 0.005 + 1e-9;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
  }
}

async function connect(page: TradingPage): Promise<void> {
  await page.open();
  await page.connect({ host: '127.0.0.1', port: fake.port, clientId: 4 });
  await expect(page.connState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
}

test('a session on the fake TWS: started from the Sessions screen, trades, resumes after the app restarts without sending anything twice, and shows live vs backtest', async ({
  page,
  restartable,
}) => {
  test.setTimeout(300_000);
  let app = restartable.app;
  const sessions = new SessionsPage(page, app.url);

  // Without a broker the engine refuses, and the form says what to do.
  await sessions.open();
  await expect(page.getByTestId('sessions-empty')).toBeVisible();
  await expect(sessions.form.brokerStatus).toHaveAttribute('data-ready', 'false');
  await sessions.form.spec(specPath);
  await sessions.form.start.click();
  await expect(sessions.form.error).toContainText('connect to a broker first');
  await expect(sessions.rows).toHaveCount(0);

  // Connected through the Trading screen, the same form starts it.
  await connect(new TradingPage(page, app.url));
  await sessions.nav('sessions');
  await expect(sessions.form.brokerStatus).toHaveAttribute('data-ready', 'true');
  await expect(sessions.form.brokerStatus).toContainText(`127.0.0.1:${fake.port} · client 4 · PAPER`);
  await sessions.form.spec(specPath);
  await expect(sessions.form.brokerConnected).toBeChecked();
  await sessions.form.start.click();
  await expect(sessions.form.started).toBeVisible({ timeout: 30_000 });
  await expect(sessions.rows).toHaveCount(1);
  const id = (await sessions.rows.first().getAttribute('data-id')) as string;
  const row = sessions.row(id);
  await expect(row.root).toHaveAttribute('data-state', 'running');
  await expect(row.root).toHaveAttribute('data-attached', 'true');
  await expect(row.root).toContainText('goog-forward');
  await expect(row.root).toContainText('sma-cross');
  await expect(row.cell('decisions')).toHaveText('0');
  await expect(sessions.statusSessions).toHaveAttribute('data-count', '1');
  await subscribed(1);

  // Decisions and trades show in the list as they happen, from the engine's events.
  await decide(app, id, 12);
  await expect(row.cell('decisions')).toHaveText('12');
  const first = (await summary(app, id)) as SessionSummaryDto;
  expect(first.pnlTotal).not.toBeNull();
  await expect(row.cell('equity')).toHaveText(first.equity?.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) ?? '');
  expect((await app.api.call('sessions.get', { id })).orders.length).toBeGreaterThan(0);

  // Pause and resume in one click each (PAPER: no confirmation).
  await row.command('pause').click();
  await expect(row.root).toHaveAttribute('data-state', 'paused');
  await expect(row.command('resume')).toBeEnabled();
  await row.command('resume').click();
  await expect(row.root).toHaveAttribute('data-state', 'running');
  const beforeRestart = (await summary(app, id))?.lastDecidedTs as number;

  // The app quits while the session runs; the market moves on without it.
  app = await restartable.restart();
  fake.step(2);
  const after = new SessionsPage(page, app.url);
  await after.open();
  const waiting = after.row(id);
  await expect(waiting.root).toHaveAttribute('data-state', 'running');
  await expect(waiting.root).toHaveAttribute('data-attached', 'false');
  await expect(waiting.state).toContainText('waiting for broker');
  await expect(waiting.command('pause')).toBeDisabled();
  await expect(waiting.command('stop')).toBeEnabled();

  // Connected to the same broker again, the session resumes by itself.
  await connect(new TradingPage(page, app.url));
  await after.nav('sessions');
  await expect(waiting.root).toHaveAttribute('data-attached', 'true', { timeout: 30_000 });
  await subscribed(2);
  await decide(app, id, 8);
  await expect(waiting.cell('decisions')).toHaveText('20');
  await expect(after.statusSessions).toHaveAttribute('data-count', '1');

  // Every order the session sent reached TWS exactly once, on both sides of the restart.
  const detail = await app.api.call('sessions.get', { id });
  expect(detail.session.decisions).toBe(20);
  expect(detail.shadowError).toBeNull();
  const refs = detail.orders.map((o) => o.clientOrderRef);
  expect(new Set(refs).size).toBe(refs.length);
  expect(detail.orders.some((o) => o.decisionTs <= beforeRestart)).toBe(true);
  expect(detail.orders.some((o) => o.decisionTs > beforeRestart)).toBe(true);
  const atTws = fake.snapshot();
  expect(atTws.orders.map((o) => o.orderRef).sort()).toEqual([...refs].sort());

  // The store says what TWS says: the position, the cash, the fills.
  const state = await app.api.call('trading.state', {});
  expect(state.positions.find((p) => p.instrument === 'GOOG')?.quantity ?? 0).toBe(atTws.positions.find((p) => p.symbol === 'GOOG')?.quantity ?? 0);
  expect(Math.abs((state.account?.cash ?? Number.NaN) - atTws.cash)).toBeLessThanOrEqual(0.005 + 1e-9);
  expect(detail.summary.liveFills).toBe(atTws.executions.length);
  expect(detail.orders.filter((o) => o.status === 'FILLED').length).toBe(atTws.orders.filter((o) => o.status === 'Filled').length);
  // Up to the restart the session and its shadow backtest saw the same bars: equal to the cent.
  const early = detail.curve.filter((p) => p.live !== null && p.ts <= beforeRestart);
  expect(early.length).toBe(12);
  for (const p of early) expect(Math.round((p.live ?? 0) * 100)).toBe(Math.round((p.backtest ?? Number.NaN) * 100));

  // The local simulator needs no broker: with a position value limit below what the strategy buys,
  // a session there stops itself at the decision after its first fill, flattened, saying why.
  await after.form.spec(specPath);
  await after.form.brokerSim.check();
  await after.form.speed.fill('50');
  await after.form.maxPositionValue.fill('50000');
  await after.form.start.click();
  await expect(after.form.started).toBeVisible({ timeout: 30_000 });
  await expect(after.rows).toHaveCount(2);
  const simRow = after.rows.first();
  await expect(simRow).not.toHaveAttribute('data-id', id);
  await expect(simRow).toContainText('local simulator');
  await expect(simRow).toHaveAttribute('data-state', 'stopped', { timeout: 60_000 });
  await expect(simRow.getByTestId('session-reason')).toContainText('position value limit: GOOG is worth');
  const simId = (await simRow.getAttribute('data-id')) as string;
  expect((await app.api.call('sessions.get', { id: simId })).actions.map((a) => a.action)).toEqual(expect.arrayContaining(['SESSION_LIMIT', 'SESSION_FLATTENED']));
  // Only the running one counts in the status bar.
  await expect(after.statusSessions).toHaveAttribute('data-count', '1');
  await snap(page, 'sessions');

  // Live vs backtest: both curves, the figures, the fills side by side, the orders.
  await waiting.link.click();
  const screen = new SessionDetailPage(page, app.url);
  await expect(screen.root).toHaveAttribute('data-id', id);
  await expect(screen.decisions).toHaveText('20');
  await expect(screen.chart).toHaveAttribute('data-live-points', '20');
  expect(Number(await screen.chart.getAttribute('data-backtest-points'))).toBeGreaterThanOrEqual(20);
  await expect(screen.lines).toHaveCount(2);
  await expect(screen.fills).toHaveCount(detail.fills.length);
  expect(detail.fills.length).toBeGreaterThan(0);
  await expect(screen.fills.first().locator('[data-col="live"]')).toContainText('@');
  await expect(screen.fills.first().locator('[data-col="backtest"]')).toContainText('@');
  await expect(screen.orders).toHaveCount(refs.length);
  await expect(screen.tile('fills').locator('dd')).toHaveText(`${detail.summary.liveFills} / ${detail.summary.backtestFills}`);
  await expect(screen.tile('identical')).toHaveAttribute('data-value', String(detail.summary.identical));
  expect(detail.summary.identical).toBeGreaterThan(0);
  await expect(screen.tile('fill-rate').locator('dd')).toHaveText('100.0 %');
  await expect(screen.calibration.getByTestId('calibration-yaml')).toContainText('goog-forward-calibrated');
  await expect(screen.shadowError).toHaveCount(0);
  await snap(page, 'session-detail');

  // Stopped from its screen: it leaves the status bar.
  await page.getByTestId('session-stop').click();
  await expect(screen.root).toHaveAttribute('data-state', 'stopped');
  await expect(screen.statusSessions).toHaveCount(0);
  expect((await summary(app, id))?.state).toBe('stopped');

  // The costs fitted to the session's fills run as a new backtest, straight from the calibration panel.
  await screen.calibration.getByTestId('calibration-run').click();
  await expect(page).toHaveURL(/#\/jobs$/);
  await expect
    .poll(async () => (await app.api.call('backtests.jobs', {})).find((j) => j.name === 'goog-forward-calibrated')?.state, { timeout: 60_000 })
    .toBe('completed');
});

test('Run on paper from a completed backtest, on the local simulator: the session opens, decides at its speed, and flattens after confirmation', async ({ page, app }) => {
  test.setTimeout(180_000);
  const runId = await seedRun(app, {
    name: 'goog sma',
    data: { csv: GOOG },
    strategy: STRATEGY,
    initial_cash: 100_000,
    simulator: SIM,
  });
  const run = new RunDetailPage(page, app.url);
  await run.goto(`#/runs/${runId}`);
  await page.getByTestId('run-on-paper').click();
  const dialog = page.getByTestId('run-on-paper-dialog');
  await expect(dialog.getByTestId('broker-connected-status')).toHaveAttribute('data-ready', 'false');
  await dialog.getByTestId('broker-sim').check();
  await dialog.getByTestId('broker-speed').fill('20');
  await dialog.getByTestId('run-on-paper-start').click();
  await expect(page).toHaveURL(/#\/sessions\/[^/]+$/, { timeout: 30_000 });
  const id = decodeURIComponent(new URL(page.url()).hash.split('/').pop() as string);

  const screen = new SessionDetailPage(page, app.url);
  await expect(screen.root).toHaveAttribute('data-id', id);
  await expect(page.getByTestId('session-about')).toContainText('local simulator');
  await expect(page.getByRole('link', { name: 'its backtest' })).toHaveAttribute('href', `#/runs/${runId}`);
  // The simulator replays at 20 bars a second: decisions, orders and both curves arrive by themselves.
  await expect.poll(async () => Number(await screen.decisions.textContent()), { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
  await expect(screen.orders.first()).toBeVisible({ timeout: 30_000 });
  await expect(screen.lines).toHaveCount(2);
  expect((await app.api.call('sessions.get', { id })).session).toMatchObject({ broker: 'sim', mode: 'PAPER', sourceRunId: runId });

  // Flatten & stop asks first.
  await page.getByTestId('session-flatten').click();
  const confirm = page.locator('dialog[open]');
  await expect(confirm.getByTestId('session-confirm-text')).toContainText('closing every position it holds');
  await confirm.getByTestId('confirm-ok').click();
  await expect(screen.root).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
  await expect(screen.actions.filter({ hasText: 'SESSION_FLATTENED' })).toHaveCount(1, { timeout: 15_000 });
});

test('a session on a fake TWS replaying GOOG at speed: it trades as the bars come, the app restarts mid-session, and nothing is sent twice', async ({ page, restartable }) => {
  test.setTimeout(300_000);
  const log: string[] = [];
  // Five bars a second, real GOOG bars from two years in: the market runs whether the app is there or not.
  const live = await startFakeTws({ port: 0, series: [loadBarsCsv(GOOG, { symbol: 'GOOG' })], startBar: 520, barsPerSecond: 5, sim: simulatorSchema.parse(SIM), initialCash: 100_000, log: (l) => log.push(l) });
  try {
    let app = restartable.app;
    const connectTo = async (): Promise<void> => {
      const trading = new TradingPage(page, app.url);
      await trading.open();
      await trading.connect({ host: '127.0.0.1', port: live.port, clientId: 6 });
      await expect(trading.connState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    };
    await connectTo();
    const sessions = new SessionsPage(page, app.url);
    await sessions.nav('sessions');
    await sessions.form.spec(specPath);
    await sessions.form.start.click();
    await expect(sessions.form.started).toBeVisible({ timeout: 30_000 });
    const id = (await sessions.rows.first().getAttribute('data-id')) as string;
    const decisionsShown = async (): Promise<number> => Number(await sessions.row(id).cell('decisions').textContent());
    // It trades as the bars arrive: the list counts its decisions up by itself.
    await expect.poll(decisionsShown, { timeout: 60_000 }).toBeGreaterThanOrEqual(15);

    app = await restartable.restart();
    await connectTo();
    const after = new SessionsPage(page, app.url);
    await after.nav('sessions');
    const row = after.row(id);
    await expect(row.root).toHaveAttribute('data-attached', 'true', { timeout: 30_000 });
    const resumedAt = Number(await row.cell('decisions').textContent());
    await expect.poll(async () => Number(await row.cell('decisions').textContent()), { timeout: 60_000 }).toBeGreaterThanOrEqual(resumedAt + 15);
    await row.command('stop').click();
    await expect(row.root).toHaveAttribute('data-state', 'stopped');

    // Once its last orders are answered, the store says what TWS says.
    const quiet = async (): Promise<boolean> => {
      const st = await app.api.call('trading.state', {});
      const tws = live.snapshot();
      const held = tws.positions.find((p) => p.symbol === 'GOOG')?.quantity ?? 0;
      return st.openOrders.length === 0 && (st.positions.find((p) => p.instrument === 'GOOG')?.quantity ?? 0) === held;
    };
    await expect.poll(quiet, { timeout: 30_000 }).toBe(true);
    const detail = await app.api.call('sessions.get', { id });
    const refs = detail.orders.map((o) => o.clientOrderRef);
    expect(refs.length).toBeGreaterThan(2);
    expect(new Set(refs).size).toBe(refs.length);
    const tws = live.snapshot();
    const ours = tws.orders.filter((o) => refs.includes(o.orderRef));
    expect(ours.map((o) => o.orderRef).sort()).toEqual([...refs].sort());
    expect(detail.summary.liveFills).toBe(tws.executions.filter((e) => refs.includes(e.orderRef)).length);

    // Its screen shows both curves and the fills side by side.
    await row.link.click();
    const screen = new SessionDetailPage(page, app.url);
    await expect(screen.root).toHaveAttribute('data-id', id);
    await expect(screen.lines).toHaveCount(2);
    await expect(screen.fills).toHaveCount(detail.fills.length);
  } finally {
    await live.close();
  }
});
