import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadBarsCsv } from '../core/data/csv/loadBarsCsv';
import { startFakeTws } from '../core/fakeTws';
import { expect, test } from './fixtures';
import { DataPage } from './pages/DataPage';
import { JobsPage } from './pages/JobsPage';
import { NewBacktestPage } from './pages/NewBacktestPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

const GOOG = path.resolve('fixtures/data/GOOG.csv');

test('import a CSV through the data screen, chart it and backtest it', async ({ page, app }) => {
  const file = path.join(app.dataDir, 'GOOG.csv');
  copyFileSync(GOOG, file);
  const data = new DataPage(page, app.url);
  await data.goto('#/backtests');
  await data.nav('data');
  await expect(page).toHaveURL(/#\/data$/);
  await expect(data.connectionState).toHaveAttribute('data-state', 'open');

  // Preview first: what was detected and the validation result, before anything is written.
  await data.previewImport(file);
  const dialog = data.importDialog;
  const preview = dialog.preview;
  await expect(preview).toHaveAttribute('data-valid', 'true');
  await expect(dialog.previewField('symbol')).toHaveText('GOOG');
  await expect(dialog.previewField('bars')).toHaveText('2,148');
  await expect(dialog.previewField('first')).toHaveText('2004-08-19');
  await expect(dialog.previewField('last')).toHaveText('2013-03-01');
  await expect(dialog.previewField('bar-size')).toHaveText('1d');
  await expect(dialog.previewField('head')).toContainText('2004-08-19,100,104.06,95.96,100.34,22351900');
  await expect(dialog.previewField('sample').locator('tbody tr').first()).toContainText('104.06');
  await expect(dialog.previewField('valid')).toBeVisible();
  await expect(dialog.previewField('existing')).toHaveCount(0);
  expect((await app.api.call('data.series', {})).some((s) => s.symbol === 'GOOG')).toBe(false);
  await page.screenshot({ path: test.info().outputPath('data-import.png') });

  await dialog.submit.click();
  await expect(dialog.root).not.toBeVisible();
  await expect(data.importDone).toContainText('Imported GOOG 1d: 2,148 bars');

  // The new series is listed with its coverage, and charted.
  const row = data.seriesRow('GOOG');
  await expect(row).toHaveAttribute('data-selected', 'true');
  await expect(row.getByTestId('series-bars')).toHaveText('2,148');
  await expect(row.getByTestId('series-first')).toHaveText('2004-08-19');
  await expect(row.getByTestId('series-last')).toHaveText('2013-03-01');
  const chart = data.chart;
  await expect(chart.root).toHaveAttribute('data-symbol', 'GOOG');
  const candles = chart.candles;
  // 2148 daily bars merged into at most 600 candles, each with its volume bar.
  await expect(candles).toHaveAttribute('data-bars', /^\d+$/);
  const shown = Number(await candles.getAttribute('data-bars'));
  expect(shown).toBeGreaterThan(300);
  expect(shown).toBeLessThanOrEqual(600);
  await expect(chart.plot).toHaveAttribute('data-bars', String(shown));
  await expect(chart.plot.locator('canvas').first()).toBeVisible();
  // With the pointer off the chart the legend shows the last bar.
  await page.mouse.move(0, 0);
  await expect(chart.legend).toContainText('2013-03-01');
  await expect(chart.foot).toContainText('merged');
  // 2148 bars in at most 600 candles: each holds four days, and the chart says so.
  await expect(chart.candleSize).toHaveText('1 candle = 4 days');

  // Weekly bars over one year: every bar shown, resampled from the daily series.
  await chart.barSize.selectOption('1w');
  await chart.from.fill('2010-01-01');
  await chart.to.fill('2010-12-31');
  await expect(chart.foot).toContainText('resampled from 1d');
  await expect(candles).toHaveAttribute('data-bars', '52');
  await expect(chart.candleSize).toHaveText('1 candle = 1 week');
  await expect(chart.foot).toContainText('2010-01-08 → 2010-12-31');
  await chart.barSize.selectOption('native');
  await chart.wholeSeries.click();
  await expect(candles).toHaveAttribute('data-bars', String(shown));
  // Hovering the first candles shows their exact values instead of the last bar's.
  await chart.plot.locator('.lw-chart__plot').hover({ position: { x: 2, y: 100 } });
  await expect(chart.legend).toContainText('2004-08-');
  await page.mouse.move(0, 0);
  await chart.root.scrollIntoViewIfNeeded();
  await snap(page, 'data');

  // Backtest this series: the New backtest form opens on the bar store source for GOOG.
  await row.getByTestId('series-backtest').click();
  await expect(page).toHaveURL(/#\/new$/);
  const form = new NewBacktestPage(page, app.url);
  await expect(form.dataKindStore).toBeChecked();
  await expect(form.field('data.store.bar_size')).toHaveValue('1d');
  await expect(form.storeSymbol('GOOG')).toBeChecked();
  await expect(form.field('name')).toHaveValue('GOOG 1d backtest');
  await expect(form.validationStatus).toContainText('Ready to launch', { timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('data-new-backtest.png') });
  await form.launch();
  await expect(page).toHaveURL(/#\/jobs$/);
  const card = new JobsPage(page, app.url).card('GOOG 1d backtest');
  await expect(card.root).toHaveAttribute('data-state', 'completed', { timeout: 45_000 });

  // The run used the imported bars: its period is GOOG's.
  const runs = await app.api.call('backtests.list', {});
  const run = runs.find((r) => r.name === 'GOOG 1d backtest');
  expect(run?.status).toBe('completed');
  expect(new Date(run?.periodStart ?? 0).toISOString().slice(0, 10)).toBe('2004-08-19');
  expect(new Date(run?.periodEnd ?? 0).toISOString().slice(0, 10)).toBe('2013-03-01');

  // Importing the same series again says what it would replace, and replaces only when asked.
  await data.nav('data');
  await data.previewImport(file);
  await expect(dialog.root.getByTestId('preview-existing')).toContainText('GOOG 1d is already stored: 2,148 bars');
  await expect(dialog.submit).toBeDisabled();
  await dialog.replace.check();
  await dialog.submit.click();
  await expect(data.importDone).toContainText('Imported GOOG 1d: 2,148 bars');

  // Delete asks first, then the series is gone from the table and the store.
  await row.getByTestId('series-delete').click();
  await expect(data.confirm.root).toContainText('Delete GOOG 1d?');
  await data.confirm.root.getByTestId('confirm-ok').click();
  await expect(row).toHaveCount(0);
  await expect(data.chart.root).toHaveCount(0);
  expect((await app.api.call('data.series', {})).some((s) => s.symbol === 'GOOG')).toBe(false);
});

test('a broken CSV is rejected with its line shown, and nothing is imported', async ({ page, app }) => {
  const file = path.join(app.dataDir, 'BROKEN.csv');
  // Line 3 (the second bar) has its high below its low.
  writeFileSync(file, ',Open,High,Low,Close,Volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10.5,9,10,9.5,200\n2020-01-06,9.5,10,9,9.8,150\n');
  const before = await app.api.call('data.series', {});
  const data = new DataPage(page, app.url);
  await data.open();
  await data.previewImport(file);
  const dialog = data.importDialog;

  const preview = dialog.preview;
  await expect(preview).toHaveAttribute('data-valid', 'false');
  const errors = dialog.previewField('error');
  await expect(errors.first()).toBeVisible();
  await expect(errors.first()).toContainText('line 3');
  await expect(preview.locator('[data-testid="preview-error"][data-line="3"]')).not.toHaveCount(0);
  await expect(dialog.previewField('errors')).toContainText('nothing of it will be written');
  await expect(dialog.submit).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('data-rejected.png') });

  await dialog.close.click();
  await expect(dialog.root).not.toBeVisible();
  await expect(data.seriesRow('BROKEN')).toHaveCount(0);
  expect(await app.api.call('data.series', {})).toEqual(before);
});

test('download daily history from a connected TWS into the bar store', async ({ page, app }) => {
  const tws = await startFakeTws({ series: [loadBarsCsv(GOOG, { symbol: 'GOOG' })], startBar: 2147 });
  try {
    const data = new DataPage(page, app.url);
    await data.open();
    const form = data.history;
    await form.getByTestId('history-symbol').fill('goog');
    // Nothing to download from until a broker is connected.
    await expect(form.getByTestId('history-submit')).toBeDisabled();
    const refused = await app.api
      .call('trading.connect', { preset: 'custom', host: '127.0.0.1', port: tws.port })
      .then(() => null, (err: Error) => err.message);
    // Web mode builds its broker through createHost's factory; until that is the IB adapter there is nothing to download from.
    test.skip(refused !== null && /not available in this build/.test(refused), `web mode has no IB adapter: ${refused}`);
    expect(refused).toBeNull();
    await expect(form.getByTestId('history-connection')).toHaveText('connected');
    await form.getByTestId('history-years').fill('3');
    await form.getByTestId('history-submit').click();
    await expect(form.getByTestId('history-done')).toContainText('Downloaded GOOG');

    const row = data.seriesRow('GOOG');
    await expect(row).toHaveAttribute('data-selected', 'true');
    await expect(row).toContainText('ib');
    await expect(row.getByTestId('series-last')).toHaveText('2013-03-01');
    await expect(data.chart.candles).toBeVisible();
    const stored = (await app.api.call('data.series', {})).find((s) => s.symbol === 'GOOG');
    expect(stored?.source).toBe('ib');
    expect(stored?.bars).toBeGreaterThan(600);
    await page.screenshot({ path: test.info().outputPath('data-history.png') });
  } finally {
    await app.api.call('trading.disconnect', {}).catch(() => undefined);
    await tws.close();
  }
});
