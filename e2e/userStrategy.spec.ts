import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fmtInt } from '../renderer/components/common/format';
import { expect, test } from './fixtures';
import { JobsPage } from './pages/JobsPage';
import { NewBacktestPage } from './pages/NewBacktestPage';
import { RunDetailPage, RunTable } from './pages/RunDetailPage';
import { SCREEN_VIEWPORT } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

// A trader's strategy in a folder of their own, outside the repository: it sees the app only as the
// package 'tradedesk' (node_modules/tradedesk, as `npm i <path>` links it) and imports nothing else of it
// than 'tradedesk/strategy'. Its declarations, the built CLI and the app must all take it.

const ROOT = path.resolve('.');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const CLI = path.join(ROOT, 'dist/cli/tradedesk.mjs');
const GOOG = path.join(ROOT, 'fixtures/data/GOOG.csv');

/**
 * A STOP-entry bracket (LIMIT take-profit, TRAILING_STOP stop-loss) whenever none is working, and
 * one GTC LIMIT buy resting below the first close. What it received is written to `report` at the end.
 */
const STRATEGY = `import { writeFileSync } from 'node:fs';
import { defineStrategy, z, type StrategyOrderEvent } from 'tradedesk/strategy';

const cents = (v: number): number => Math.round(v * 100) / 100;

export default defineStrategy({
  params: z.object({
    quantity: z.number().int().positive().default(5),
    entry_pct: z.number().min(0).default(1),
    target_pct: z.number().positive().default(8),
    trail_pct: z.number().positive().lt(100).default(5),
    rest_below_pct: z.number().positive().lt(100).default(10),
    report: z.string().default(''),
  }),
  orderEvents: {} as Record<string, number>,
  fills: 0,
  brackets: 0,
  restingLimit: null as string | null,
  onStart() {
    this.orderEvents = {};
    this.fills = 0;
    this.brackets = 0;
    this.restingLimit = null;
  },
  onBar(ctx) {
    const { quantity, entry_pct, target_pct, trail_pct, rest_below_pct } = ctx.params;
    for (const instrument of ctx.symbols) {
      const bars = ctx.view.bars(instrument);
      if (bars.count() === 0) continue;
      const close = bars.close(0);
      if (this.restingLimit === null) {
        const limitPrice = cents(close * (1 - rest_below_pct / 100));
        const ack = ctx.orders.submit({ instrument, side: 'BUY', type: 'LIMIT', limitPrice, quantity, timeInForce: 'GTC' });
        if (ack.accepted) this.restingLimit = ack.orderId;
      }
      if (ctx.orders.open(instrument).some((o) => o.extras?.link?.kind === 'BRACKET')) continue;
      const entry = cents(close * (1 + entry_pct / 100));
      const ack = ctx.orders.submitList({
        kind: 'BRACKET',
        entry: { instrument, side: 'BUY', type: 'STOP', stopPrice: entry, quantity, timeInForce: 'DAY' },
        takeProfit: { instrument, side: 'SELL', type: 'LIMIT', limitPrice: cents(entry * (1 + target_pct / 100)), quantity, timeInForce: 'GTC' },
        stopLoss: { instrument, side: 'SELL', type: 'TRAILING_STOP', trail: { percent: trail_pct }, quantity, timeInForce: 'GTC' },
      });
      if (ack.accepted) this.brackets++;
    }
  },
  onOrder(event: StrategyOrderEvent) {
    this.orderEvents[event.type] = (this.orderEvents[event.type] ?? 0) + 1;
  },
  onFill() {
    this.fills++;
  },
  onEnd(ctx) {
    if (ctx.params.report === '') return;
    const { orderEvents, fills, brackets, restingLimit } = this;
    writeFileSync(ctx.params.report, JSON.stringify({ orderEvents, fills, brackets, restingLimit }));
  },
});
`;

/** The same API used wrongly: a misspelt order type, which only the declarations can catch. */
const WRONG = `import { defineStrategy } from 'tradedesk/strategy';

export default defineStrategy({
  onBar(ctx) {
    ctx.orders.submit({ instrument: 'GOOG', side: 'BUY', type: 'LIMT', limitPrice: 100, quantity: 1, timeInForce: 'DAY' });
  },
});
`;

/** What the strategy wrote in onEnd. */
interface Received {
  orderEvents: Record<string, number>;
  fills: number;
  brackets: number;
  restingLimit: string | null;
}

interface OrderRecord {
  id: string;
  type: string;
  status: string;
  timeInForce: string;
  link: { listId: string; kind: string; role: string; parentId: string | null } | null;
}

let dir: string;
const strategyFile = (): string => path.join(dir, 'my-strategy.ts');

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-user-strategy-'));
  mkdirSync(path.join(dir, 'node_modules/@types'), { recursive: true });
  symlinkSync(ROOT, path.join(dir, 'node_modules/tradedesk'), 'dir');
  // The trader's own dev dependency, for node:fs in the strategy.
  symlinkSync(path.join(ROOT, 'node_modules/@types/node'), path.join(dir, 'node_modules/@types/node'), 'dir');
  // An ES module project: Node (and tsx) would load a .ts file of a folder without it as CommonJS.
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'my-strategies', private: true, type: 'module' }));
  const compilerOptions = { strict: true, target: 'ES2022', lib: ['ES2022'], module: 'ESNext', moduleResolution: 'bundler', types: ['node'], noEmit: true };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['my-strategy.ts'] }));
  writeFileSync(path.join(dir, 'tsconfig.wrong.json'), JSON.stringify({ compilerOptions, files: ['wrong-order-type.ts'] }));
  writeFileSync(strategyFile(), STRATEGY);
  writeFileSync(path.join(dir, 'wrong-order-type.ts'), WRONG);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tsc(project: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [TSC, '-p', path.join(dir, project), '--noEmit', '--listFiles'], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

function readReceived(file: string): Received {
  return JSON.parse(readFileSync(file, 'utf8')) as Received;
}

/** The run's orders as the store recorded them, in the order they were placed, with their list membership. */
function recordedOrders(dbFile: string, runId: string): OrderRecord[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT o.seq, o.type, o.status, o.time_in_force AS timeInForce, o.extras
         FROM backtest_orders_view o JOIN backtest_runs r ON r.row = o.run WHERE r.id = ? ORDER BY o.seq`,
      )
      .all(runId) as { seq: number; type: string; status: string; timeInForce: string; extras: string | null }[];
    return rows.map(({ seq, extras, ...r }) => {
      const parsed = extras === null ? null : (JSON.parse(extras) as { link?: OrderRecord['link'] });
      // A run's order ids are its sequence numbers: O1, O2, ...
      return { id: `O${seq}`, ...r, link: parsed?.link ?? null };
    });
  } finally {
    db.close();
  }
}

test('the module type-checks against the shipped declarations, and a wrong use of them does not', async () => {
  test.slow();
  const ok = tsc('tsconfig.json');
  expect(ok.status, ok.out).toBe(0);
  const files = ok.out.split('\n');
  // The package's declarations, not the repository's sources.
  expect(files).toContain(path.join(ROOT, 'dist/types/core/strategy/package.d.ts'));
  expect(files.filter((f) => f.startsWith(path.join(ROOT, 'core')))).toEqual([]);

  const wrong = tsc('tsconfig.wrong.json');
  expect(wrong.status).not.toBe(0);
  expect(wrong.out).toContain(`wrong-order-type.ts(5,`);
  expect(wrong.out).toMatch(/error TS\d+: Type '"LIMT"' is not assignable to type/);
  expect(wrong.out.match(/error TS/g)).toHaveLength(1);
});

test('the built CLI runs it: brackets linked to their entry, a resting limit, and every fill reported to the strategy', async () => {
  const dataDir = path.join(dir, 'cli-data');
  const report = path.join(dir, 'cli-received.json');
  const spec = path.join(dir, 'spec.yaml');
  writeFileSync(
    spec,
    [
      'name: user strategy from the CLI',
      `data: {csv: ${JSON.stringify(GOOG)}}`,
      `strategy: {module: ./my-strategy.ts, params: {target_pct: 8, report: ${JSON.stringify(report)}}}`,
      'initial_cash: 100000',
      '',
    ].join('\n'),
  );
  // From the trader's folder, with a data dir of its own: nothing of the user's home is touched.
  const run = spawnSync(process.execPath, [CLI, 'backtest', spec, '--json'], {
    cwd: dir,
    env: { ...process.env, TRADEDESK_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout) as { run_id: string; status: string; orders: number; fills: number; db: string };
  expect(out.status).toBe('completed');
  expect(out.db).toBe(path.join(dataDir, 'tradedesk.db'));

  const orders = recordedOrders(out.db, out.run_id);
  expect(orders).toHaveLength(out.orders);
  // Every bracket: a STOP entry, and a LIMIT take-profit and a TRAILING_STOP stop-loss that wait for it.
  const entries = orders.filter((o) => o.link?.kind === 'BRACKET' && o.link.role === 'ENTRY');
  expect(entries.length).toBeGreaterThan(10);
  for (const entry of entries) {
    const legs = orders.filter((o) => o.link?.listId === entry.link?.listId && o !== entry);
    expect(entry.type).toBe('STOP');
    expect(legs.map((o) => [o.link?.role, o.type, o.link?.parentId])).toEqual([
      ['TAKE_PROFIT', 'LIMIT', entry.id],
      ['STOP_LOSS', 'TRAILING_STOP', entry.id],
    ]);
  }
  // Both exits did their work: some take-profits and some stop-losses filled.
  expect(orders.some((o) => o.link?.role === 'TAKE_PROFIT' && o.status === 'FILLED')).toBe(true);
  expect(orders.some((o) => o.link?.role === 'STOP_LOSS' && o.status === 'FILLED')).toBe(true);

  // The strategy heard of every order event and every fill.
  const received = readReceived(report);
  expect(received.brackets).toBe(entries.length);
  expect(received.fills).toBe(out.fills);
  expect(received.fills).toBeGreaterThan(0);
  expect(received.orderEvents.OrderFilled).toBeGreaterThan(0);
  expect(received.orderEvents.OrderCancelled).toBeGreaterThan(0);

  // The resting limit: in no list, working from the first session to the last (GOOG never fell back to it).
  const resting = orders.find((o) => o.id === received.restingLimit);
  expect(resting).toEqual({ id: 'O1', type: 'LIMIT', status: 'ACCEPTED', timeInForce: 'GTC', link: null });
});

test('the app runs it from the new-backtest form, its params drawn from its schema', async ({ page, app }) => {
  const report = path.join(dir, 'app-received.json');
  const form = new NewBacktestPage(page, app.url);
  await form.open();
  await expect(form.connectionState).toHaveAttribute('data-state', 'open');
  await form.field('name').fill('user strategy from the app');
  await form.chooseDataKind('csv');
  await form.field('data.csv').fill(GOOG);
  await form.chooseStrategyModule(strategyFile());

  // The module's params as fields, with its defaults, instead of the JSON editor.
  await expect(form.field('strategy.params.target_pct')).toHaveValue('8');
  await expect(form.field('strategy.params.quantity')).toHaveValue('5');
  await expect(form.field('strategy.params.trail_pct')).toHaveValue('5');
  await expect(form.field('strategy.params')).toHaveCount(0);
  await form.fill({ 'strategy.params.report': report, 'strategy.params.quantity': '10', initial_cash: '100000' });
  await expect(form.validationStatus).toContainText('Ready to launch');
  await form.launch();
  await expect(page).toHaveURL(/#\/jobs$/);

  const card = new JobsPage(page, app.url).card('user strategy from the app');
  await expect(card.root).toHaveAttribute('data-state', /^(completed|failed)$/, { timeout: 45_000 });
  expect(await card.root.getAttribute('data-state'), (await card.error.allInnerTexts()).join('\n')).toBe('completed');
  await card.openRunButton.click();

  const detail = new RunDetailPage(page, app.url);
  await expect(detail.name).toHaveText('user strategy from the app');
  const runId = (await detail.root.getAttribute('data-run-id')) as string;
  const run = await app.api.call('backtests.get', { runId });
  expect(run.config.strategy).toEqual({
    module: strategyFile(),
    params: { quantity: 10, entry_pct: 1, target_pct: 8, trail_pct: 5, rest_below_pct: 10, report },
  });

  const trades = await app.api.call('backtests.trades', { runId, offset: 0, limit: 1 });
  expect(trades.total).toBeGreaterThan(0);
  await expect(detail.table('trades').count).toHaveText(`${fmtInt(trades.total)} rows`);

  // The orders as placed: the resting limit, then the first bracket's entry, take-profit and stop-loss.
  const orders = await app.api.call('backtests.orders', { runId, offset: 0, limit: 4 });
  expect(orders.rows.map((o) => o.type)).toEqual(['LIMIT', 'STOP', 'LIMIT', 'TRAILING_STOP']);
  await detail.showTab('orders');
  const table = detail.table('orders');
  await expect(table.count).toHaveText(`${fmtInt(orders.total)} rows`);
  for (const [i, order] of orders.rows.entries()) {
    await expect(RunTable.cell(table.rowAt(i), 'type')).toHaveText(order.type);
    await expect(RunTable.cell(table.rowAt(i), 'status')).toHaveText(order.status);
  }

  const fills = await app.api.call('backtests.fills', { runId, offset: 0, limit: 1 });
  const received = readReceived(report);
  expect(received.fills).toBe(fills.total);
  expect(received.fills).toBeGreaterThan(0);
});
