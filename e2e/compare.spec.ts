import { fmtSignedPct } from '../renderer/components/common/format';
import { expect, quickSpec, seedRun, test } from './fixtures';
import { BacktestsPage } from './pages/BacktestsPage';
import { ComparePage } from './pages/ComparePage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

test('two runs compare: normalised equity overlaid, metrics side by side, the better one highlighted', async ({ page, app }) => {
  const fastId = await seedRun(app, quickSpec('fast sma', { strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } } }));
  const holdId = await seedRun(app, quickSpec('buy and hold', { strategy: { name: 'buy-and-hold', params: {} } }));

  const list = new BacktestsPage(page, app.url);
  await list.open();
  await expect(list.compareSelected).toBeDisabled();
  await list.select('fast sma');
  await list.select('buy and hold');
  await list.compareSelected.click();
  await expect(page).toHaveURL(/#\/compare\?ids=/);

  const compare = new ComparePage(page, app.url);
  await expect(compare.runs).toHaveCount(2);
  await expect(compare.chart.locator('path.recharts-line-curve')).toHaveCount(2);

  const { runs } = await app.api.call('backtests.compare', { runIds: [fastId, holdId] });
  const returns = runs.map((r) => r.metrics?.totalReturnPct as number);
  expect(returns.every((v) => typeof v === 'number')).toBe(true);
  const cells = compare.metricCells('totalReturnPct');
  await expect(cells).toHaveText(returns.map((v) => fmtSignedPct(v)));
  const best = returns[0] > returns[1] ? 0 : 1;
  if (returns[0] !== returns[1]) {
    await expect(cells.nth(best)).toHaveAttribute('data-best', 'true');
    await expect(cells.nth(1 - best)).not.toHaveAttribute('data-best', 'true');
  }
  await snap(page, 'compare');

  // Opened without runs, the screen offers a pick of finished runs, keeping the current selection.
  await compare.changeSelection.click();
  await expect(compare.picker).toBeVisible();
  await expect(compare.pickRows).toHaveCount(2);
  await compare.go.click();
  await expect(compare.chart).toBeVisible();
});

test('runs on different data, periods and cash are flagged, their assumptions side by side', async ({ page, app }) => {
  const aId = await seedRun(app, quickSpec('five symbols'));
  const bId = await seedRun(app, quickSpec('three symbols, less cash', { data: { synthetic: { symbols: 3, years: 2, seed: 12 } }, initial_cash: 50_000 }));

  const compare = new ComparePage(page, app.url);
  await compare.goto(`#/compare?ids=${aId},${bId}`);
  await expect(compare.warning).toBeVisible();
  await expect(compare.warning).toContainText('not like for like');
  await expect(compare.warning.getByTestId('compare-differs-data')).toContainText('different data');
  await expect(compare.warning.getByTestId('compare-differs-period')).toBeVisible();
  await expect(compare.warning.getByTestId('compare-differs-initial-cash')).toContainText('50,000.00');

  const cash = compare.assumption('Initial cash');
  await expect(cash).toHaveAttribute('data-differs', 'true');
  await expect(cash.locator('td')).toHaveText(['Initial cash', '100,000.00', '50,000.00']);
  await expect(compare.assumption('Strategy')).not.toHaveAttribute('data-differs', 'true');
  await expect(compare.metricCells('commissions').locator('[data-best]')).toHaveCount(0);
  // Neither run's curve is cut off: the value axis spans every point of both.
  await expect(compare.chart.locator('path.recharts-line-curve')).toHaveCount(2);
});
