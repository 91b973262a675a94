import { fmtPct } from '../renderer/components/common/format';
import { expect, quickSpec, seedRun, test } from './fixtures';
import { RiskPanel } from './pages/RiskPanel';
import { RunDetailPage } from './pages/RunDetailPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

test('the risk tab of a completed run shows the engine’s VaR figures, exposures and scenarios', async ({ page, app }) => {
  const runId = await seedRun(app, quickSpec('risk run'));
  const detail = new RunDetailPage(page, app.url);
  await detail.open(runId);
  await expect(detail.root).toHaveAttribute('data-run-id', runId);

  const risk = new RiskPanel(page);
  await risk.open();
  await expect(risk.report).toBeVisible();
  // The same report the engine gives (each call stores one; the figures do not depend on when).
  const report = await app.api.call('risk.report', { runId });
  for (const f of report.figures) {
    const h = f.horizonDays === 1 ? 1 : 10;
    await expect(risk.cell(f.method, f.confidence, h, 'var')).toContainText(fmtPct(f.var === null ? null : f.var * 100));
  }
  expect(report.figures.every((f) => f.var !== null && f.var > 0)).toBe(true);
  await expect(risk.scenarioRows).toHaveCount(3);
  await expect(risk.rolling.locator('path.recharts-line-curve')).toHaveCount(3);

  await risk.add('-5');
  await expect(risk.scenarioRows).toHaveCount(4);
  await expect(risk.scenarioRows.last()).toContainText('Market −5 %');
  await snap(risk.root, 'risk-tab');
});
