import { expect, test } from './fixtures';
import { BacktestsPage } from './pages/BacktestsPage';
import { JobsPage } from './pages/JobsPage';
import { NewBacktestPage } from './pages/NewBacktestPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

test('cancelling a long run part-way records it as cancelled and keeps what it computed', async ({ page, app }) => {
  const form = new NewBacktestPage(page, app.url);
  await form.open();
  await expect(form.field('name')).not.toHaveValue('');
  await form.fill({ name: 'e2e long run', 'data.synthetic.symbols': '300', 'data.synthetic.years': '40' });
  await expect(form.launchButton).toBeEnabled();
  await form.launch();

  const jobs = new JobsPage(page, app.url);
  const card = jobs.card('e2e long run');
  await expect(card.progress).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => card.progressValue(), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(card.eta).not.toHaveText('ETA —');
  await expect(jobs.statusJobs).toContainText('e2e long run');
  await snap(page, 'running');

  await card.cancelButton.click();
  await expect(card.root).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
  const done = await card.progressValue();
  const total = await card.progressMax();
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(total);

  // The engine kept the partial run: its sessions so far, equity and metrics.
  const job = (await app.api.call('backtests.jobs', {})).find((j) => j.name === 'e2e long run');
  expect(job?.runId).toEqual(expect.any(String));
  const runId = job?.runId as string;
  const run = await app.api.call('backtests.get', { runId });
  expect(run.status).toBe('cancelled');
  expect(run.sessionsDone).toBeGreaterThan(0);
  expect(run.sessionsDone).toBeLessThan(run.sessionsTotal);
  const curve = await app.api.call('backtests.equity', { runId, maxPoints: 100 });
  expect(curve.totalPoints).toBeGreaterThan(0);

  const list = new BacktestsPage(page, app.url);
  await list.nav('backtests');
  await expect(list.row('e2e long run')).toHaveAttribute('data-status', 'cancelled');
  await expect(list.statusIdle).toBeVisible();
});
