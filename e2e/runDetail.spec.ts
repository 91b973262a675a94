import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { heatCellText } from '../renderer/components/charts/heatmapLayout';
import { fmtDate, fmtInt, fmtNumber, fmtPct, fmtRatio, fmtSignedPct } from '../renderer/components/common/format';
import { bpsTone, fmtBps, fmtRate, fmtWait } from '../renderer/features/execution/executionFormat';
import { CHART_POINTS } from '../renderer/features/runDetail/queries';
import { expect, quickSpec, seedRun, test } from './fixtures';
import { RunDetailPage, RunTable } from './pages/RunDetailPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

/** A run that trades often: several hundred fills, so its tables span more than one 200-row page. */
const busySpec = (name: string) => quickSpec(name, { strategy: { name: 'sma-cross', params: { fast: 5, slow: 20, mode: 'long_short' } } });

async function openRun(detail: RunDetailPage, runId: string): Promise<void> {
  await detail.open(runId);
  await expect(detail.root).toHaveAttribute('data-run-id', runId);
}

test('a finished run shows its figures, charts, heatmap and trades with the engine’s numbers', async ({ page, app }) => {
  const runId = await seedRun(app, busySpec('detail run'));
  const run = await app.api.call('backtests.get', { runId });
  const m = run.metrics ?? {};
  const detail = new RunDetailPage(page, app.url);
  await openRun(detail, runId);

  await expect(detail.name).toHaveText('detail run');
  await expect(detail.metric('totalReturnPct')).toHaveText(fmtSignedPct(m.totalReturnPct));
  await expect(detail.metric('sharpe')).toHaveText(fmtRatio(m.sharpe));
  await expect(detail.metric('maxDrawdownPct')).toHaveText(fmtPct(m.maxDrawdownPct));
  await expect(detail.metric('finalEquity')).toHaveText(fmtNumber(m.finalEquity));
  await expect(detail.metric('closedTrades')).toHaveText(fmtInt(m.closedTrades));
  expect(m.closedTrades).toBeGreaterThan(0);

  // Equity with its benchmark, and the drawdown below it.
  const curve = await app.api.call('backtests.equity', { runId, maxPoints: 1500 });
  await expect(detail.equityChart.locator('canvas').first()).toBeVisible();
  await expect(detail.equityChart).toHaveAttribute('data-points', String(curve.ts.length));
  await expect(detail.equityPoints).toHaveText(`${fmtInt(curve.ts.length)} of ${fmtInt(curve.totalPoints)} points`);

  // The heatmap has a row per year and shows each month's return.
  const returns = await app.api.call('backtests.returns', { runId });
  await expect(detail.heatmapYears).toHaveCount(returns.yearly.length);
  await expect(detail.heatmapCells).toHaveCount(returns.monthly.length);
  const firstMonth = returns.monthly[0];
  await expect(detail.heatmapCells.first()).toHaveText(heatCellText(firstMonth.returnPct));
  await expect(detail.yearlyChart.locator('.recharts-bar-rectangle').first()).toBeVisible();

  // The price chart draws the first symbol's candles, one per bar the engine sends, with the run's fills marked.
  await expect(detail.priceChart.locator('canvas').first()).toBeVisible();
  await expect(detail.priceChart).toHaveAttribute('data-kind', 'candles');
  const [firstSymbol] = (await app.api.call('backtests.get', { runId })).symbols;
  const prices = await app.api.call('backtests.prices', { runId, symbol: firstSymbol, maxPoints: CHART_POINTS });
  expect(prices.high.every((h, i) => h >= Math.max(prices.open[i], prices.close[i]) && prices.low[i] <= Math.min(prices.open[i], prices.close[i]))).toBe(true);
  expect(prices.volume.some((v) => v > 0)).toBe(true);
  await expect(detail.priceChart).toHaveAttribute('data-bars', String(prices.ts.length));
  // Every bar of three years fits: no candle merges several, so no note says so.
  expect(prices.barsPerCandle).toBe(1);
  await expect(page.getByTestId('price-merged')).toHaveCount(0);

  // Round trips, in entry order, as the engine pages them.
  const trades = await app.api.call('backtests.trades', { runId, offset: 0, limit: 5, sortBy: 'entryTs', sortDir: 'asc' });
  const table = detail.table('trades');
  await expect(table.count).toHaveText(`${fmtInt(trades.total)} rows`);
  const rows = table.rows;
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  const first = trades.rows[0];
  await expect(RunTable.cell(rows.first(), 'instrument')).toHaveText(first.instrument);
  await expect(RunTable.cell(rows.first(), 'entryTs')).toHaveText(fmtDate(first.entryTs));
  await expect(RunTable.cell(rows.first(), 'pnl')).toHaveText(fmtNumber(first.pnl));

  await expect(detail.assumption('seed')).toHaveText(String(run.seed));
  await expect(detail.assumption('data-fingerprint')).toHaveText(run.dataFingerprint);
  await expect(detail.assumption('app-version')).toHaveText(run.appVersion);
  await snap(page, 'run-detail');
});

test('clicking a date on the equity chart shows the positions and orders as of that session', async ({ page, app }) => {
  const runId = await seedRun(app, busySpec('as-of run'));
  const detail = new RunDetailPage(page, app.url);
  await openRun(detail, runId);
  const panel = detail.asOf;
  await expect(panel).toHaveAttribute('data-state', 'empty');

  await detail.clickEquityAt(0.6);
  await expect(panel).toHaveAttribute('data-state', 'ready');
  const date = await panel.getByTestId('asof-date').innerText();
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // The engine's answer for the end of that day is what the panel shows.
  const asOf = await app.api.call('backtests.asOf', { runId, ts: Date.parse(`${date}T23:59:59.999Z`) });
  expect(fmtDate(asOf.sessionTs)).toBe(date);
  expect(asOf.positions.length).toBeGreaterThan(0);
  const rows = panel.getByTestId('asof-positions').locator('tbody tr');
  await expect(rows).toHaveCount(asOf.positions.length);
  await expect(rows.locator('td:first-child')).toHaveText(asOf.positions.map((p) => p.instrument));
  await expect(rows.locator('td:nth-child(2)')).toHaveText(asOf.positions.map((p) => fmtInt(p.quantity)));
  await expect(panel).toContainText(`Orders that session (${asOf.orders.length})`);
  // The picked session is marked on the equity chart.
  await expect(detail.equityChart).toHaveAttribute('data-selected-ts', String(asOf.sessionTs));

  // The keyboard's way: a date typed into the panel. A Sunday shows the Friday before it.
  await panel.getByTestId('asof-date-input').fill('2001-03-04');
  await expect(panel.getByTestId('asof-date')).toHaveText('2001-03-02');
  const friday = await app.api.call('backtests.asOf', { runId, ts: Date.parse('2001-03-04T23:59:59.999Z') });
  expect(fmtDate(friday.sessionTs)).toBe('2001-03-02');
  await expect(panel.getByTestId('asof-positions').locator('tbody tr')).toHaveCount(friday.positions.length);
});

test('the fills table pages as it scrolls, sorts on the engine and exports as CSV; so do the report and every session\'s positions', async ({ page, app }) => {
  const runId = await seedRun(app, busySpec('fills run'));
  const all = await app.api.call('backtests.fills', { runId, offset: 0, limit: 1 });
  expect(all.total).toBeGreaterThan(200);
  const detail = new RunDetailPage(page, app.url);
  await openRun(detail, runId);
  await detail.showTab('fills');
  const table = detail.table('fills');
  await expect(table.count).toHaveText(`${fmtInt(all.total)} rows`);
  const firstPrice = () => RunTable.cell(table.rows.first(), 'price');

  // Scrolled to the end, the last row arrives from a later page.
  await table.scrollToEnd();
  await expect(table.rowAt(all.total - 1)).toBeVisible();

  // A header click sorts on the engine: highest price first, then lowest.
  const [highest] = (await app.api.call('backtests.fills', { runId, limit: 1, sortBy: 'price', sortDir: 'desc' })).rows;
  const [lowest] = (await app.api.call('backtests.fills', { runId, limit: 1, sortBy: 'price', sortDir: 'asc' })).rows;
  const header = table.header('price');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(firstPrice()).toHaveText(fmtNumber(highest.price));
  await expect(table.rowAt(0)).toBeVisible();
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstPrice()).toHaveText(fmtNumber(lowest.price));
  expect(highest.price).toBeGreaterThan(lowest.price);

  // Export: every fill as CSV, named after the run.
  const download = page.waitForEvent('download');
  await detail.exportButton('fills');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^fills_run-[0-9a-f]{8}-fills\.csv$/);
  const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\n');
  // Spreadsheet-ready by default: readable headers, ISO dates.
  expect(lines[0].split(',')).toEqual(expect.arrayContaining(['Price', 'Commission', 'Slippage cost', 'Time (UTC)']));
  expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2}(T[\d:]+Z)?$/);
  expect(lines).toHaveLength(all.total + 1);

  // The report as JSON.
  const reportDownload = page.waitForEvent('download');
  await detail.exportButton('report');
  const report = await reportDownload;
  expect(report.suggestedFilename()).toMatch(/-report\.json$/);
  const parsed = JSON.parse(readFileSync(await report.path(), 'utf8')) as { run: { id: string } };
  expect(parsed.run.id).toBe(runId);

  // From the positions tab, which shows the last session's positions: every session's, as CSV.
  await detail.showTab('positions');
  const positionsDownload = page.waitForEvent('download');
  await detail.exportButton('positions');
  const positions = readFileSync(await (await positionsDownload).path(), 'utf8').trimEnd().split('\n');
  expect(positions[0]).toBe('Session (UTC),Symbol,Quantity,Average cost,Market price,Market value,Unrealized P&L,Realized P&L');
  const sessions = new Set(positions.slice(1).map((l) => l.split(',')[0]));
  expect(sessions.size).toBeGreaterThan(20);
  const lastSession = positions[positions.length - 1].split(',')[0];
  const final = await app.api.call('backtests.asOf', { runId, ts: Date.parse(`${lastSession}T23:59:59.999Z`) });
  expect(positions.filter((l) => l.startsWith(`${lastSession},`)).map((l) => l.split(',')[1])).toEqual(final.positions.map((p) => p.instrument));
  await expect(detail.table('positions').rows).toHaveCount(final.positions.length);
});

test('on a 1,600 px wide window the orders table shows every column without scrolling sideways', async ({ page, app }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const runId = await seedRun(app, busySpec('wide orders run'));
  const detail = new RunDetailPage(page, app.url);
  await openRun(detail, runId);
  await detail.showTab('orders');
  const table = detail.table('orders');
  await expect(table.rows.first()).toBeVisible();
  const { scrollWidth, clientWidth } = await table.scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, `the columns need ${scrollWidth} px, the table has ${clientWidth} px`).toBeLessThanOrEqual(clientWidth);
});

test('the Execution section shows the engine’s execution figures for the goog-sma example', async ({ page, app }) => {
  // The example as shipped, its CSV found from the repository root.
  const spec = parse(readFileSync('configs/backtests/goog-sma.yaml', 'utf8')) as Record<string, unknown>;
  const runId = await seedRun(app, { ...spec, data: { csv: path.resolve('fixtures/data/GOOG.csv') } });
  const figures = await app.api.call('backtests.execution', { runId });
  // Every crossing trades at the next open: each order fills, priced away from its decision close.
  expect(figures.orders).toBeGreaterThan(10);
  expect(figures.filled).toBe(figures.orders);
  expect(figures.vsArrival.count).toBe(figures.filled);
  expect(figures.vsArrival.histogram.length).toBeGreaterThan(1);

  const detail = new RunDetailPage(page, app.url);
  await openRun(detail, runId);
  const section = page.getByTestId('execution-section');
  await expect(section).toHaveAttribute('data-state', 'closed');
  await detail.showTab('execution');
  await expect(section).toHaveAttribute('data-state', 'ready');
  const value = (id: string) => section.getByTestId(`exec-${id}-value`);
  await expect(value('orders')).toHaveText(fmtInt(figures.orders));
  await expect(value('fill-rate')).toHaveText(fmtRate(figures.fillRate));
  await expect(value('time-to-fill')).toHaveText(fmtWait(figures.medianTimeToFillMs));
  await expect(value('arrival-mean')).toHaveText(fmtBps(figures.vsArrival.meanBps));
  await expect(value('arrival-median')).toHaveText(fmtBps(figures.vsArrival.medianBps));
  await expect(value('arrival-p95')).toHaveText(fmtBps(figures.vsArrival.p95Bps));
  await expect(value('reference-median')).toHaveText(fmtBps(figures.vsReference.medianBps));
  await expect(section).not.toContainText('NaN');

  // The distribution draws a bar per bin that holds fills; the toggle shows the other series.
  const histogram = section.getByTestId('exec-histogram');
  await expect(histogram).toHaveAttribute('data-series', 'arrival');
  await expect(histogram.locator('.recharts-bar-rectangle')).toHaveCount(figures.vsArrival.histogram.filter((b) => b.count > 0).length);
  await section.getByText('vs reference', { exact: true }).click();
  await expect(histogram).toHaveAttribute('data-series', 'reference');
  await expect(histogram.locator('.recharts-bar-rectangle')).toHaveCount(figures.vsReference.histogram.filter((b) => b.count > 0).length);

  // Shortfall by order type, as the engine computed it.
  const rows = section.getByTestId('exec-by-type-row');
  await expect(rows).toHaveCount(figures.byType.length);
  const first = figures.byType[0];
  await expect(rows.first().locator('[data-col=label]')).toHaveText(first.label);
  await expect(rows.first().locator('[data-col=shortfall]')).toHaveText(fmtBps(first.shortfallBps));
  if (bpsTone(first.shortfallBps)) await expect(rows.first().locator('[data-col=shortfall]')).toHaveClass(new RegExp(bpsTone(first.shortfallBps)));
  await expect(section.getByTestId('exec-by-size-row')).toHaveCount(figures.bySize.length);
  await snap(section, 'run-execution');
});
