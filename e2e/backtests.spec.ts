import type { RunSummary } from '../core/ipc/contract/backtests';
import { fmtSignedPct } from '../renderer/components/common/format';
import { expect, quickSpec, seedRun, test } from './fixtures';
import { at, SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

declare global {
  interface Window {
    progressSeen?: number[];
  }
}

test('launch a synthetic backtest from the form, watch it run and find it in the list', async ({ page, app }) => {
  await page.goto(at(app.url, '#/new'));
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
  const name = page.getByTestId('field-name');
  await expect(name).not.toHaveValue('');
  await name.fill('e2e launch');
  await page.getByTestId('field-data.synthetic.symbols').fill('50');
  await page.getByTestId('field-data.synthetic.years').fill('20');
  await page.getByTestId('field-strategy.name').selectOption('sma-cross');

  // An invalid value is explained next to its field before launch, and blocks the launch.
  const fast = page.getByTestId('field-strategy.params.fast');
  await page.getByTestId('field-strategy.params.slow').fill('20');
  await fast.fill('50');
  await expect(page.getByTestId('issue-strategy.params.fast')).toContainText('fast must be less than slow');
  await expect(fast).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('launch')).toBeDisabled();
  await fast.fill('10');
  await expect(page.getByTestId('issue-strategy.params.fast')).toHaveCount(0);
  await expect(page.getByTestId('validation-status')).toContainText('Ready to launch');
  await expect(page.getByTestId('launch')).toBeEnabled();
  await snap(page, 'new-backtest');

  // Every value the progress bar takes, recorded in the page so none is missed between polls.
  await page.evaluate(() => {
    const seen: number[] = [];
    window.progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="job-progress"]');
      const v = bar ? Number(bar.getAttribute('aria-valuenow')) : NaN;
      if (Number.isFinite(v) && seen[seen.length - 1] !== v) seen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByTestId('launch').click();
  await expect(page).toHaveURL(/#\/jobs$/);

  const card = page.getByTestId('job-card').filter({ hasText: 'e2e launch' });
  await expect(card).toHaveAttribute('data-state', 'completed', { timeout: 45_000 });
  const bar = card.getByTestId('job-progress');
  const total = Number(await bar.getAttribute('aria-valuemax'));
  expect(total).toBe(5040);
  await expect(bar).toHaveAttribute('aria-valuenow', String(total));
  const seen = await page.evaluate(() => window.progressSeen ?? []);
  const between = seen.filter((v) => v > 0 && v < total);
  expect(between.length, `progress values seen: ${seen.join(', ')}`).toBeGreaterThanOrEqual(2);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  await expect(card.getByTestId('live-equity-chart')).toBeVisible();
  await expect(card.getByTestId('job-sessions')).toContainText('5,040 / 5,040');

  // The finished run is in the list with the engine's numbers.
  await page.getByTestId('nav-backtests').click();
  const row = page.getByTestId('run-row').filter({ hasText: 'e2e launch' });
  await expect(row).toHaveAttribute('data-status', 'completed');
  const [run] = (await app.api.call('backtests.list', { search: 'e2e launch' })) as RunSummary[];
  expect(run.metrics?.totalReturnPct).toEqual(expect.any(Number));
  await expect(row.getByTestId('run-return')).toHaveText(fmtSignedPct(run.metrics?.totalReturnPct));
  await expect(page.getByTestId('status-idle')).toBeVisible();
});

test('the list sorts, filters, duplicates into the form and deletes after confirmation', async ({ page, app }) => {
  await seedRun(app, quickSpec('alpha fast', { strategy: { name: 'sma-cross', params: { fast: 5, slow: 20, mode: 'long_short' } } }));
  await seedRun(app, quickSpec('beta slow', { strategy: { name: 'sma-cross', params: { fast: 20, slow: 60 } } }));
  await seedRun(app, quickSpec('gamma hold', { strategy: { name: 'buy-and-hold', params: {} } }));
  const runs = await app.api.call('backtests.list', {});

  await page.goto(at(app.url, '#/backtests'));
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  await snap(page, 'backtests');
  const names = () => rows.locator('.cell-name').allInnerTexts();

  const byReturn = [...runs].sort((a, b) => (b.metrics?.totalReturnPct ?? 0) - (a.metrics?.totalReturnPct ?? 0)).map((r) => r.name);
  await page.getByTestId('sort-totalReturn').click();
  await expect.poll(names).toEqual(byReturn);
  await page.getByTestId('sort-totalReturn').click();
  await expect.poll(names).toEqual([...byReturn].reverse());
  await page.getByTestId('sort-name').click();
  await page.getByTestId('sort-name').click();
  await expect.poll(names).toEqual(['alpha fast', 'beta slow', 'gamma hold']);

  await page.getByTestId('runs-search').fill('GAM');
  await expect.poll(names).toEqual(['gamma hold']);
  await page.getByTestId('runs-search').fill('buy-and');
  await expect.poll(names).toEqual(['gamma hold']);
  await page.getByTestId('runs-search').fill('');
  await page.getByTestId('runs-status-filter').selectOption('failed');
  await expect(page.getByTestId('runs-empty')).toContainText('No backtest matches');
  await page.getByTestId('runs-status-filter').selectOption('completed');
  await expect(rows).toHaveCount(3);

  // Duplicate-as-new opens the form with the run's settings.
  await rows.filter({ hasText: 'alpha fast' }).getByTestId('run-duplicate').click();
  await expect(page).toHaveURL(/#\/new\?from=/);
  await expect(page.getByTestId('field-name')).toHaveValue('alpha fast (copy)');
  await expect(page.getByTestId('field-strategy.params.fast')).toHaveValue('5');
  await expect(page.getByTestId('field-strategy.params.mode')).toHaveValue('long_short');
  await expect(page.getByTestId('field-data.synthetic.symbols')).toHaveValue('5');
  await expect(page.getByTestId('field-initial_cash')).toHaveValue('100000');

  // Delete asks first; cancelling keeps the run.
  await page.getByTestId('nav-backtests').click();
  const beta = rows.filter({ hasText: 'beta slow' });
  await beta.getByTestId('run-delete').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('beta slow');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(3);
  await beta.getByTestId('run-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect(rows).toHaveCount(2);
  await expect(beta).toHaveCount(0);
  expect((await app.api.call('backtests.list', {})).map((r) => r.name).sort()).toEqual(['alpha fast', 'gamma hold']);
});

test('the form runs an intraday synthetic market with its market model and duplicates it', async ({ page, app }) => {
  await page.goto(at(app.url, '#/new'));
  await page.getByTestId('field-name').fill('e2e intraday');
  await page.getByTestId('field-data.synthetic.symbols').fill('3');
  await page.getByTestId('field-data.synthetic.years').fill('0.2');
  await page.getByTestId('field-data.synthetic.bar_size').selectOption('15m');
  await expect(page.getByTestId('synthetic-size')).toContainText('50 sessions × 26 bars = 1,300 per symbol');
  await page.getByTestId('market-model-toggle').click();
  const beta = page.getByTestId('field-data.synthetic.market_beta');
  await beta.fill('5');
  await expect(page.getByTestId('issue-data.synthetic.market_beta')).toContainText('<= 3');
  await beta.fill('1.5');
  await page.getByTestId('field-data.synthetic.regimes').check();
  await expect(page.getByTestId('validation-status')).toContainText('Ready to launch');
  await page.getByTestId('launch').click();
  const card = page.getByTestId('job-card').filter({ hasText: 'e2e intraday' });
  await expect(card).toHaveAttribute('data-state', 'completed', { timeout: 45_000 });

  const [run] = await app.api.call('backtests.list', { search: 'e2e intraday' });
  await page.goto(at(app.url, `#/new?from=${run.id}`));
  await expect(page.getByTestId('field-data.synthetic.bar_size')).toHaveValue('15m');
  await expect(page.getByTestId('market-model-summary')).toHaveText('beta 1.5 · regimes (2.5× vol)');
});
