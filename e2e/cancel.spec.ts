import { expect, test } from './fixtures';
import { at, SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

test('cancelling a long run part-way records it as cancelled and keeps what it computed', async ({ page, app }) => {
  await page.goto(at(app.url, '#/new'));
  await expect(page.getByTestId('field-name')).not.toHaveValue('');
  await page.getByTestId('field-name').fill('e2e long run');
  await page.getByTestId('field-data.synthetic.symbols').fill('300');
  await page.getByTestId('field-data.synthetic.years').fill('40');
  await expect(page.getByTestId('launch')).toBeEnabled();
  await page.getByTestId('launch').click();

  const card = page.getByTestId('job-card').filter({ hasText: 'e2e long run' });
  const bar = card.getByTestId('job-progress');
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(card.getByTestId('job-eta')).not.toHaveText('ETA —');
  await expect(page.getByTestId('status-jobs')).toContainText('e2e long run');
  await snap(page, 'running');

  await card.getByTestId('job-cancel').click();
  await expect(card).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
  const done = Number(await bar.getAttribute('aria-valuenow'));
  const total = Number(await bar.getAttribute('aria-valuemax'));
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

  await page.getByTestId('nav-backtests').click();
  await expect(page.getByTestId('run-row').filter({ hasText: 'e2e long run' })).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('status-idle')).toBeVisible();
});
