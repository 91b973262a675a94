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
