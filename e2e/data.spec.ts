import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadBarsCsv } from '../core/data/csv/loadBarsCsv';
import { startFakeTws } from '../core/fakeTws';
import { expect, test } from './fixtures';
import { at, SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

const GOOG = path.resolve('fixtures/data/GOOG.csv');

test('import a CSV through the data screen, chart it and backtest it', async ({ page, app }) => {
  const file = path.join(app.dataDir, 'GOOG.csv');
  copyFileSync(GOOG, file);
  await page.goto(at(app.url, '#/backtests'));
  await page.getByTestId('nav-data').click();
  await expect(page).toHaveURL(/#\/data$/);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');

  // Preview first: what was detected and the validation result, before anything is written.
  await page.getByTestId('data-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(file);
  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toHaveAttribute('data-valid', 'true');
  await expect(preview.getByTestId('preview-symbol')).toHaveText('GOOG');
  await expect(preview.getByTestId('preview-bars')).toHaveText('2,148');
  await expect(preview.getByTestId('preview-first')).toHaveText('2004-08-19');
  await expect(preview.getByTestId('preview-last')).toHaveText('2013-03-01');
  await expect(preview.getByTestId('preview-bar-size')).toHaveText('1d');
  await expect(preview.getByTestId('preview-head')).toContainText('2004-08-19,100,104.06,95.96,100.34,22351900');
  await expect(preview.getByTestId('preview-sample').locator('tbody tr').first()).toContainText('104.06');
  await expect(preview.getByTestId('preview-valid')).toBeVisible();
  await expect(preview.getByTestId('preview-existing')).toHaveCount(0);
  expect((await app.api.call('data.series', {})).some((s) => s.symbol === 'GOOG')).toBe(false);
  await page.screenshot({ path: test.info().outputPath('data-import.png') });

  await dialog.getByTestId('import-submit').click();
  await expect(dialog).not.toBeVisible();
  await expect(page.getByTestId('import-done')).toContainText('Imported GOOG 1d: 2,148 bars');

  // The new series is listed with its coverage, and charted.
  const row = page.locator('[data-testid="series-row"][data-symbol="GOOG"]');
  await expect(row).toHaveAttribute('data-selected', 'true');
  await expect(row.getByTestId('series-bars')).toHaveText('2,148');
  await expect(row.getByTestId('series-first')).toHaveText('2004-08-19');
  await expect(row.getByTestId('series-last')).toHaveText('2013-03-01');
  const chart = page.getByTestId('data-chart');
  await expect(chart).toHaveAttribute('data-symbol', 'GOOG');
  const candles = chart.getByTestId('candle-chart');
  // 2148 daily bars merged into at most 600 candles, each with its volume bar.
  await expect(candles).toHaveAttribute('data-bars', /^\d+$/);
  const shown = Number(await candles.getAttribute('data-bars'));
  expect(shown).toBeGreaterThan(300);
  expect(shown).toBeLessThanOrEqual(600);
  await expect(candles.getByTestId('candles').locator('rect')).toHaveCount(shown);
  await expect(candles.getByTestId('volume-bars').locator('rect')).toHaveCount(shown);
  await expect(chart.getByTestId('candle-legend')).toContainText('2013-03-01');
  await expect(chart.getByTestId('chart-foot')).toContainText('merged');

  // Weekly bars over one year: every bar shown, resampled from the daily series.
  await chart.getByTestId('chart-bar-size').selectOption('1w');
  await chart.getByTestId('chart-from').fill('2010-01-01');
  await chart.getByTestId('chart-to').fill('2010-12-31');
  await expect(chart.getByTestId('chart-foot')).toContainText('resampled from 1d');
  await expect(candles).toHaveAttribute('data-bars', '52');
  await expect(chart.getByTestId('chart-foot')).toContainText('2010-01-08 → 2010-12-31');
  await chart.getByTestId('chart-bar-size').selectOption('native');
  await chart.getByRole('button', { name: 'Whole series' }).click();
  await expect(candles).toHaveAttribute('data-bars', String(shown));
  // Hovering the first candles shows their exact values instead of the last bar's.
  await candles.locator('svg').hover({ position: { x: 1, y: 100 } });
  await expect(chart.getByTestId('candle-legend')).toContainText('2004-08-24');
  await page.mouse.move(0, 0);
  await chart.scrollIntoViewIfNeeded();
  await snap(page, 'data');

  // Backtest this series: the New backtest form opens on the bar store source for GOOG.
  await row.getByTestId('series-backtest').click();
  await expect(page).toHaveURL(/#\/new$/);
  await expect(page.getByTestId('data-kind-store')).toBeChecked();
  await expect(page.getByTestId('field-data.store.bar_size')).toHaveValue('1d');
  await expect(page.getByTestId('store-symbol-GOOG')).toBeChecked();
  await expect(page.getByTestId('field-name')).toHaveValue('GOOG 1d backtest');
  await expect(page.getByTestId('validation-status')).toContainText('Ready to launch', { timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('data-new-backtest.png') });
  await page.getByTestId('launch').click();
  await expect(page).toHaveURL(/#\/jobs$/);
  const card = page.getByTestId('job-card').filter({ hasText: 'GOOG 1d backtest' });
  await expect(card).toHaveAttribute('data-state', 'completed', { timeout: 45_000 });

  // The run used the imported bars: its period is GOOG's.
  const runs = await app.api.call('backtests.list', {});
  const run = runs.find((r) => r.name === 'GOOG 1d backtest');
  expect(run?.status).toBe('completed');
  expect(new Date(run?.periodStart ?? 0).toISOString().slice(0, 10)).toBe('2004-08-19');
  expect(new Date(run?.periodEnd ?? 0).toISOString().slice(0, 10)).toBe('2013-03-01');

  // Importing the same series again says what it would replace, and replaces only when asked.
  await page.getByTestId('nav-data').click();
  await page.getByTestId('data-import').click();
  await dialog.getByTestId('import-file').setInputFiles(file);
  await expect(dialog.getByTestId('preview-existing')).toContainText('GOOG 1d is already stored: 2,148 bars');
  await expect(dialog.getByTestId('import-submit')).toBeDisabled();
  await dialog.getByTestId('import-replace').check();
  await dialog.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported GOOG 1d: 2,148 bars');

  // Delete asks first, then the series is gone from the table and the store.
  await row.getByTestId('series-delete').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Delete GOOG 1d?');
  await confirm.getByTestId('confirm-ok').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('data-chart')).toHaveCount(0);
  expect((await app.api.call('data.series', {})).some((s) => s.symbol === 'GOOG')).toBe(false);
});

test('a broken CSV is rejected with its line shown, and nothing is imported', async ({ page, app }) => {
  const file = path.join(app.dataDir, 'BROKEN.csv');
  // Line 3 (the second bar) has its high below its low.
  writeFileSync(file, ',Open,High,Low,Close,Volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10.5,9,10,9.5,200\n2020-01-06,9.5,10,9,9.8,150\n');
  const before = await app.api.call('data.series', {});
  await page.goto(at(app.url, '#/data'));
  await page.getByTestId('data-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(file);

  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toHaveAttribute('data-valid', 'false');
  const errors = preview.getByTestId('preview-error');
  await expect(errors.first()).toBeVisible();
  await expect(errors.first()).toContainText('line 3');
  await expect(preview.locator('[data-testid="preview-error"][data-line="3"]')).not.toHaveCount(0);
  await expect(preview.getByTestId('preview-errors')).toContainText('nothing of it will be written');
  await expect(dialog.getByTestId('import-submit')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('data-rejected.png') });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).not.toBeVisible();
  await expect(page.locator('[data-testid="series-row"][data-symbol="BROKEN"]')).toHaveCount(0);
  expect(await app.api.call('data.series', {})).toEqual(before);
});

test('download daily history from a connected TWS into the bar store', async ({ page, app }) => {
  const tws = await startFakeTws({ series: [loadBarsCsv(GOOG, { symbol: 'GOOG' })], startBar: 2147 });
  try {
    await page.goto(at(app.url, '#/data'));
    const form = page.getByTestId('history-download');
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

    const row = page.locator('[data-testid="series-row"][data-symbol="GOOG"]');
    await expect(row).toHaveAttribute('data-selected', 'true');
    await expect(row).toContainText('ib');
    await expect(row.getByTestId('series-last')).toHaveText('2013-03-01');
    await expect(page.getByTestId('data-chart').getByTestId('candle-chart')).toBeVisible();
    const stored = (await app.api.call('data.series', {})).find((s) => s.symbol === 'GOOG');
    expect(stored?.source).toBe('ib');
    expect(stored?.bars).toBeGreaterThan(600);
    await page.screenshot({ path: test.info().outputPath('data-history.png') });
  } finally {
    await app.api.call('trading.disconnect', {}).catch(() => undefined);
    await tws.close();
  }
});
