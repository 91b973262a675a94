import type { RunSummary } from '../core/ipc/contract/backtests';
import { fmtSignedPct } from '../renderer/components/common/format';
import { expect, quickSpec, seedRun, test } from './fixtures';
import { BacktestsPage } from './pages/BacktestsPage';
import { JobsPage } from './pages/JobsPage';
import { NewBacktestPage } from './pages/NewBacktestPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

declare global {
  interface Window {
    progressSeen?: number[];
  }
}

test('launch a synthetic backtest from the form, watch it run and find it in the list', async ({ page, app }) => {
  const form = new NewBacktestPage(page, app.url);
  await form.open();
  await expect(form.connectionState).toHaveAttribute('data-state', 'open');
  const name = form.field('name');
  await expect(name).not.toHaveValue('');
  await name.fill('e2e launch');
  await form.fill({ 'data.synthetic.symbols': '50', 'data.synthetic.years': '20' });
  await form.field('strategy.name').selectOption('sma-cross');

  // An invalid value is explained next to its field before launch, and blocks the launch.
  const fast = form.field('strategy.params.fast');
  await form.field('strategy.params.slow').fill('20');
  await fast.fill('50');
  await expect(form.issue('strategy.params.fast')).toContainText('fast must be less than slow');
  await expect(fast).toHaveAttribute('aria-invalid', 'true');
  await expect(form.launchButton).toBeDisabled();
  await fast.fill('10');
  await expect(form.issue('strategy.params.fast')).toHaveCount(0);
  await expect(form.validationStatus).toContainText('Ready to launch');
  await expect(form.launchButton).toBeEnabled();
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
  await form.launch();
  await expect(page).toHaveURL(/#\/jobs$/);

  const card = new JobsPage(page, app.url).card('e2e launch');
  await expect(card.root).toHaveAttribute('data-state', 'completed', { timeout: 45_000 });
  const total = await card.progressMax();
  expect(total).toBe(5040);
  await expect(card.progress).toHaveAttribute('aria-valuenow', String(total));
  const seen = await page.evaluate(() => window.progressSeen ?? []);
  const between = seen.filter((v) => v > 0 && v < total);
  expect(between.length, `progress values seen: ${seen.join(', ')}`).toBeGreaterThanOrEqual(2);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  await expect(card.liveEquityChart).toBeVisible();
  await expect(card.sessions).toContainText('5,040 / 5,040');

  // The finished run is in the list with the engine's numbers.
  const list = new BacktestsPage(page, app.url);
  await list.nav('backtests');
  const row = list.row('e2e launch');
  await expect(row).toHaveAttribute('data-status', 'completed');
  const [run] = (await app.api.call('backtests.list', { search: 'e2e launch' })) as RunSummary[];
  expect(run.metrics?.totalReturnPct).toEqual(expect.any(Number));
  await expect(row.getByTestId('run-return')).toHaveText(fmtSignedPct(run.metrics?.totalReturnPct));
  await expect(list.statusIdle).toBeVisible();
});

test('the list sorts, filters, duplicates into the form and deletes after confirmation', async ({ page, app }) => {
  await seedRun(app, quickSpec('alpha fast', { strategy: { name: 'sma-cross', params: { fast: 5, slow: 20, mode: 'long_short' } } }));
  await seedRun(app, quickSpec('beta slow', { strategy: { name: 'sma-cross', params: { fast: 20, slow: 60 } } }));
  await seedRun(app, quickSpec('gamma hold', { strategy: { name: 'buy-and-hold', params: {} } }));
  const runs = await app.api.call('backtests.list', {});

  const list = new BacktestsPage(page, app.url);
  await list.open();
  await expect(list.rows).toHaveCount(3);
  await snap(page, 'backtests');
  const names = () => list.names();

  const byReturn = [...runs].sort((a, b) => (b.metrics?.totalReturnPct ?? 0) - (a.metrics?.totalReturnPct ?? 0)).map((r) => r.name);
  await list.sortBy('totalReturn');
  await expect.poll(names).toEqual(byReturn);
  await list.sortBy('totalReturn');
  await expect.poll(names).toEqual([...byReturn].reverse());
  await list.sortBy('name');
  await list.sortBy('name');
  await expect.poll(names).toEqual(['alpha fast', 'beta slow', 'gamma hold']);

  await list.search.fill('GAM');
  await expect.poll(names).toEqual(['gamma hold']);
  await list.search.fill('buy-and');
  await expect.poll(names).toEqual(['gamma hold']);
  await list.search.fill('');
  await list.statusFilter.selectOption('failed');
  await expect(list.empty).toContainText('No backtest matches');
  await list.statusFilter.selectOption('completed');
  await expect(list.rows).toHaveCount(3);

  // Duplicate-as-new opens the form with the run's settings.
  await list.duplicate('alpha fast');
  await expect(page).toHaveURL(/#\/new\?from=/);
  const form = new NewBacktestPage(page, app.url);
  await expect(form.field('name')).toHaveValue('alpha fast (copy)');
  await expect(form.field('strategy.params.fast')).toHaveValue('5');
  await expect(form.field('strategy.params.mode')).toHaveValue('long_short');
  await expect(form.field('data.synthetic.symbols')).toHaveValue('5');
  await expect(form.field('initial_cash')).toHaveValue('100000');

  // Delete asks first; cancelling keeps the run.
  await list.nav('backtests');
  const beta = list.row('beta slow');
  await list.askDelete('beta slow');
  const dialog = list.confirm;
  await expect(dialog.root).toBeVisible();
  await expect(dialog.root).toContainText('beta slow');
  await dialog.cancel.click();
  await expect(dialog.root).toBeHidden();
  await expect(list.rows).toHaveCount(3);
  await list.askDelete('beta slow');
  await dialog.ok.click();
  await expect(list.rows).toHaveCount(2);
  await expect(beta).toHaveCount(0);
  expect((await app.api.call('backtests.list', {})).map((r) => r.name).sort()).toEqual(['alpha fast', 'gamma hold']);
});

test('the form runs an intraday synthetic market with its market model and duplicates it', async ({ page, app }) => {
  const form = new NewBacktestPage(page, app.url);
  await form.open();
  await form.fill({ name: 'e2e intraday', 'data.synthetic.symbols': '3', 'data.synthetic.years': '0.2' });
  await form.field('data.synthetic.bar_size').selectOption('15m');
  await expect(form.syntheticSize).toContainText('50 sessions × 26 bars = 1,300 per symbol');
  await form.marketModelToggle.click();
  const beta = form.field('data.synthetic.market_beta');
  await beta.fill('5');
  await expect(form.issue('data.synthetic.market_beta')).toContainText('<= 3');
  await beta.fill('1.5');
  await form.field('data.synthetic.regimes').check();
  await expect(form.validationStatus).toContainText('Ready to launch');
  await form.launch();
  const card = new JobsPage(page, app.url).card('e2e intraday');
  await expect(card.root).toHaveAttribute('data-state', 'completed', { timeout: 45_000 });

  const [run] = await app.api.call('backtests.list', { search: 'e2e intraday' });
  await form.open(run.id);
  await expect(form.field('data.synthetic.bar_size')).toHaveValue('15m');
  await expect(form.marketModelSummary).toHaveText('beta 1.5 · regimes (2.5× vol)');
});

test('a launch that fails says so where the user is: a notification, the top of Jobs, the status bar, the runs list', async ({ page, app }) => {
  const form = new NewBacktestPage(page, app.url);
  await form.open();
  await expect(form.connectionState).toHaveAttribute('data-state', 'open');
  await form.field('name').fill('starts too late');
  // A start after the synthetic data ends passes the form's checks but leaves nothing to run.
  await form.field('start').fill('2030-01-02');
  await expect(form.validationStatus).toContainText('Ready to launch');
  await form.launch();

  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Backtest “starts too late” failed', { timeout: 30_000 });
  await expect(toast.getByTestId('toast-error')).toContainText('no bars fall between');
  await expect(form.statusFailed).toContainText('starts too late failed: no bars fall between');

  const jobs = new JobsPage(page, app.url);
  await expect(page).toHaveURL(/#\/jobs$/);
  const first = page.getByTestId('job-card').first();
  await expect(first).toHaveAttribute('data-state', 'failed');
  await expect(first.getByTestId('job-error')).toContainText('no bars fall between');

  const list = new BacktestsPage(page, app.url);
  await jobs.nav('backtests');
  await expect(list.failedLaunches).toContainText('starts too late');
  await expect(list.failedLaunches).toContainText('no bars fall between');

  await toast.getByRole('button', { name: 'Close notification' }).click();
  await expect(toast).toHaveCount(0);
  await expect(list.statusFailed).toBeVisible();
});
