import { fmtSignedPct } from '../renderer/components/common/format';
import { expect, quickSpec, seedRun, test } from './fixtures';
import { at, SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

test('two runs compare: normalised equity overlaid, metrics side by side, the better one highlighted', async ({ page, app }) => {
  const fastId = await seedRun(app, quickSpec('fast sma', { strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } } }));
  const holdId = await seedRun(app, quickSpec('buy and hold', { strategy: { name: 'buy-and-hold', params: {} } }));

  await page.goto(at(app.url, '#/backtests'));
  const rows = page.getByTestId('run-row');
  await expect(page.getByTestId('compare-selected')).toBeDisabled();
  await rows.filter({ hasText: 'fast sma' }).getByTestId('run-select').check();
  await rows.filter({ hasText: 'buy and hold' }).getByTestId('run-select').check();
  await page.getByTestId('compare-selected').click();
  await expect(page).toHaveURL(/#\/compare\?ids=/);

  await expect(page.getByTestId('compare-run')).toHaveCount(2);
  const chart = page.getByTestId('compare-chart');
  await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2);

  const { runs } = await app.api.call('backtests.compare', { runIds: [fastId, holdId] });
  const returns = runs.map((r) => r.metrics?.totalReturnPct as number);
  expect(returns.every((v) => typeof v === 'number')).toBe(true);
  const row = page.getByTestId('metric-totalReturnPct');
  const cells = row.locator('td.num');
  await expect(cells).toHaveText(returns.map((v) => fmtSignedPct(v)));
  const best = returns[0] > returns[1] ? 0 : 1;
  if (returns[0] !== returns[1]) {
    await expect(cells.nth(best)).toHaveAttribute('data-best', 'true');
    await expect(cells.nth(1 - best)).not.toHaveAttribute('data-best', 'true');
  }
  await snap(page, 'compare');

  // Opened without runs, the screen offers a pick of finished runs, keeping the current selection.
  await page.getByRole('button', { name: 'Change selection' }).click();
  await expect(page.getByTestId('compare-picker')).toBeVisible();
  await expect(page.getByTestId('pick-row')).toHaveCount(2);
  await page.getByTestId('compare-go').click();
  await expect(page.getByTestId('compare-chart')).toBeVisible();
});
