import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fmtRatio } from '../renderer/components/common/format';
import { expect, quickSpec, seedRun, test, type App } from './fixtures';
import { ResearchPage } from './pages/ResearchPage';
import { RunDetailPage } from './pages/RunDetailPage';
import { SweepPage } from './pages/SweepPage';
import { WalkForwardPage } from './pages/WalkForwardPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

/** A sweep runs every combination as a full backtest: the runs get the time, the clicks don't. */
const RUN_TIMEOUT = 120_000;

/** A small base: three synthetic symbols over two years (504 daily sessions), so each combination runs in a blink. */
async function smallBase(app: App): Promise<string> {
  return seedRun(app, quickSpec('small base', { data: { synthetic: { symbols: 3, years: 2, seed: 11 } } }));
}

/** The research form over a recorded run, reached from the top bar, with sma-cross and the objective set. */
async function openForm(page: Page, app: App, baseRunId: string): Promise<ResearchPage> {
  const research = new ResearchPage(page, app.url);
  await research.goto('#/backtests');
  await page.getByTestId('nav-research').click();
  await expect(page).toHaveURL(/#\/research$/);
  await expect(research.form).toBeVisible();
  // The base is picked from the finished runs: the small one keeps every combination quick.
  await expect(research.basePick.locator(`option[value="${baseRunId}"]`)).toHaveText('small base · sma-cross');
  await research.basePick.selectOption(baseRunId);
  await expect(page).toHaveURL(new RegExp(`#/research\\?from=${baseRunId}$`));
  await expect(research.basePick).toHaveValue(baseRunId);
  await expect(research.baseSummary).toContainText('synthetic: 3 symbols × 2 years');
  await research.strategy.selectOption('sma-cross');
  await research.objective.selectOption('sharpe');
  await research.page.getByTestId('search-grid').check();
  return research;
}

/** fast 10, 20, 30 × slow 20, 30, 40 where fast < slow: six of the nine pairs run, three are left out. */
const FAST = [10, 20, 30];
const SLOW = [20, 30, 40];
const PAIRS = FAST.flatMap((fast) => SLOW.filter((slow) => fast < slow).map((slow) => ({ fast, slow })));

async function setGrid(research: ResearchPage): Promise<void> {
  await research.vary('fast', 10, 30, 10);
  await research.vary('slow', 20, 40, 10);
  await research.hold('mode');
  await research.where.fill('fast < slow');
  await expect(research.planIssues).toHaveCount(0);
  await expect(research.planCount).toHaveAttribute('data-count', String(PAIRS.length));
}

/** A figure as the screen prints it (3 decimals, a real minus sign) back to a number. */
const shown = (text: string): number => Number(text.replace('\u2212', '-').replace(/,/g, ''));

test('a small sweep from the form: heatmap, overfitting and line chart; a cell opens its full run with the same Sharpe', async ({ page, app }) => {
  test.setTimeout(4 * RUN_TIMEOUT);
  const baseRunId = await smallBase(app);
  const research = await openForm(page, app, baseRunId);
  await page.getByTestId('sweep-name').fill('e2e small sweep');
  await setGrid(research);
  await expect(research.planCount).toContainText(`${PAIRS.length} combinations`);

  await research.startSweep.click();
  await expect(page).toHaveURL(/#\/research\/sweeps\/[^/?]+$/);
  const sweepId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() as string);
  const sweep = new SweepPage(page, app.url);
  await expect(sweep.root).toHaveAttribute('data-state', 'completed', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('sweep-name')).toHaveText('e2e small sweep');

  // What the engine recorded: one result per allowed pair, the best the highest Sharpe.
  const detail = await app.api.call('research.sweep', { id: sweepId });
  expect(detail.state).toBe('completed');
  expect(detail.paramNames).toEqual(['fast', 'slow']);
  const ran = detail.results.map((r) => ({ fast: Number(r.params.fast), slow: Number(r.params.slow) }));
  expect(ran.sort((a, b) => a.fast - b.fast || a.slow - b.slow)).toEqual(PAIRS);
  const objectives = detail.results.map((r) => r.objective);
  expect(objectives.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);

  // The heatmap: fast across, slow up; a coloured cell per pair that ran, empty where fast ≥ slow.
  await expect(page.getByTestId('heatmap-x')).toHaveValue('fast');
  await expect(page.getByTestId('heatmap-y')).toHaveValue('slow');
  await expect(sweep.filledCells).toHaveCount(PAIRS.length);
  await expect(sweep.emptyCells).toHaveCount(FAST.length * SLOW.length - PAIRS.length);
  for (const { fast, slow } of PAIRS) {
    const result = detail.results.find((r) => r.params.fast === fast && r.params.slow === slow);
    const cell = sweep.cell(fast, slow);
    await expect(cell).toHaveAttribute('data-index', String(result?.index));
    expect(Number(await cell.getAttribute('data-value'))).toBe(result?.objective);
  }
  for (const fast of FAST) for (const slow of SLOW.filter((s) => fast >= s)) await expect(sweep.cell(fast, slow)).toHaveAttribute('data-empty', 'true');

  // Exactly one best cell, and it holds the highest Sharpe of them all.
  const values = (await sweep.filledCells.evaluateAll((els) => els.map((el) => el.getAttribute('data-value')))).map(Number);
  expect(values.every(Number.isFinite)).toBe(true);
  await expect(sweep.bestCells).toHaveCount(1);
  const bestValue = Number(await sweep.bestCells.getAttribute('data-value'));
  expect(bestValue).toBe(Math.max(...values));
  expect(detail.best).not.toBeNull();
  expect(bestValue).toBe(detail.results[detail.best as number].objective);

  // How far to trust the best: the deflated Sharpe and the probability of overfitting, each with its reading.
  for (const name of ['dsr', 'pbo'] as const) {
    await expect(sweep.figure(name, 'value')).toHaveText(/^\d+ %$/);
    await expect(sweep.figure(name, 'reading')).not.toBeEmpty();
    await expect(sweep.figure(name, 'reading')).not.toHaveText('Not available for this sweep.');
  }

  // The objective along one parameter, and every combination in the table with the best marked.
  await expect(page.getByTestId('line-param')).toHaveValue('fast');
  await expect(sweep.lineChart).toBeVisible();
  await expect(sweep.lineChart.locator('svg.recharts-surface').first()).toBeVisible();
  // Along fast, slow held at the best's value: a point per fast value that ran with it.
  const bestSlow = detail.results[detail.best as number].params.slow;
  await expect(sweep.lineChart).toHaveAttribute('data-points', String(detail.results.filter((r) => r.params.slow === bestSlow).length));
  await expect(sweep.results).toHaveAttribute('data-total', String(PAIRS.length));
  await expect(sweep.resultRows).toHaveCount(PAIRS.length);
  await expect(sweep.resultRows.and(page.locator('[data-best=true]'))).toHaveCount(1);
  await expect(sweep.resultRows.and(page.locator('[data-best=true]'))).toHaveAttribute('data-index', String(detail.results[detail.best as number].index));

  // A cell that is not the best opens its combination's full run (recorded now as a backtest).
  const target = sweep.filledCells.and(page.locator(':not([data-best])')).first();
  const cellValue = Number(await target.getAttribute('data-value'));
  const cellIndex = Number(await target.getAttribute('data-index'));
  const cellParams = { fast: Number(await target.getAttribute('data-x')), slow: Number(await target.getAttribute('data-y')) };
  await target.click();
  await expect(page).toHaveURL(/#\/runs\/[^/?]+$/, { timeout: RUN_TIMEOUT });
  const runId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() as string);
  const run = new RunDetailPage(page, app.url);
  await expect(run.root).toHaveAttribute('data-run-id', runId);
  await expect(run.root.getByTestId('status-badge').first()).toHaveAttribute('data-status', 'completed', { timeout: RUN_TIMEOUT });
  await expect(run.name).toHaveText(`e2e small sweep (fast=${cellParams.fast} slow=${cellParams.slow})`);

  // The sweep's metrics are the full run's: the Sharpe headline shows the cell's value.
  await expect(run.metric('sharpe')).toHaveText(fmtRatio(cellValue));
  expect(shown(await run.metric('sharpe').innerText())).toBe(Number(cellValue.toFixed(3)));
  const recorded = await app.api.call('backtests.get', { runId });
  expect(recorded.config).toMatchObject({ strategy: { name: 'sma-cross', params: cellParams } });
  expect(recorded.metrics?.sharpe).toBeCloseTo(cellValue, 9);

  // The combination now knows its run: opening it again goes straight there, without recording another.
  const linked = await app.api.call('research.sweep', { id: sweepId });
  expect(linked.results.find((r) => r.index === cellIndex)?.runId).toBe(runId);
  await page.goBack();
  await expect(sweep.root).toHaveAttribute('data-state', 'completed');
  await sweep.resultRows.and(page.locator(`[data-index="${cellIndex}"]`)).click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${runId}$`));
  expect((await app.api.call('backtests.jobs', {})).filter((j) => j.runId !== baseRunId)).toHaveLength(1);
});

test('a walk-forward in sessions from the form: stitched out-of-sample curve, its windows and the efficiency', async ({ page, app }) => {
  test.setTimeout(3 * RUN_TIMEOUT);
  const baseRunId = await smallBase(app);
  const research = await openForm(page, app, baseRunId);
  await page.getByTestId('sweep-name').fill('e2e walk-forward');
  await setGrid(research);

  // Rolling windows of 120 in-sample and 60 out-of-sample sessions over 504 sessions.
  await research.tab('walkforward').click();
  await expect(research.tab('walkforward')).toHaveAttribute('aria-selected', 'true');
  await research.wf('mode').selectOption('rolling');
  await research.wf('unit').selectOption('sessions');
  await research.wf('inSample').fill('120');
  await research.wf('outOfSample').fill('60');
  await research.wf('step').fill('');
  await expect(research.planIssues).toHaveCount(0);
  await expect(research.planCount).toHaveAttribute('data-count', String(PAIRS.length));
  await expect(research.planCount).toContainText('per window');
  await expect(research.startSweep).toHaveCount(0);

  await research.startWalkForward.click();
  await expect(page).toHaveURL(/#\/research\/walkforward\/[^/?]+$/);
  const wfId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() as string);
  const wf = new WalkForwardPage(page, app.url);
  await expect(wf.root).toHaveAttribute('data-state', 'completed', { timeout: RUN_TIMEOUT });

  const detail = await app.api.call('research.walkForward', { id: wfId });
  expect(detail.state).toBe('completed');
  expect(detail.request.windows).toMatchObject({ mode: 'rolling', unit: 'sessions', inSample: 120, outOfSample: 60 });
  expect(detail.windows.length).toBeGreaterThanOrEqual(2);

  // The stitched curve, one window row per window the engine cut, each choosing an allowed pair.
  await expect(wf.chart).toBeVisible();
  await expect(wf.chart.locator('path.recharts-line-curve').first()).toBeVisible();
  await expect(wf.chart).toHaveAttribute('data-windows', String(detail.windows.length));
  const windows = Number(await wf.chart.getAttribute('data-windows'));
  expect(windows).toBeGreaterThanOrEqual(2);
  await expect(wf.chart).toHaveAttribute('data-points', String(detail.stitched.ts.length));
  await expect(wf.windows).toHaveCount(windows);
  for (let i = 0; i < windows; i++) {
    const row = wf.windows.nth(i);
    await expect(row).toHaveAttribute('data-index', String(i));
    const fast = Number(await row.locator('[data-col=param-fast]').innerText());
    const slow = Number(await row.locator('[data-col=param-slow]').innerText());
    expect(PAIRS).toContainEqual({ fast, slow });
    expect(detail.windows[i].params).toMatchObject({ fast, slow });
  }
  // Out-of-sample windows follow one another, 60 sessions apart.
  for (let i = 1; i < windows; i++) expect(detail.windows[i].outOfSampleStart).toBeGreaterThan(detail.windows[i - 1].outOfSampleEnd);

  // The efficiency shows, as the engine computed it; how stable each chosen parameter was.
  await expect(wf.efficiency).toBeVisible();
  if (detail.efficiency === null) {
    await expect(wf.efficiency).toHaveText('—');
  } else {
    await expect(wf.efficiency).toHaveAttribute('data-value', String(detail.efficiency));
    await expect(wf.efficiency).toHaveText(/^−?[\d,]+ %$/);
  }
  await expect(page.getByTestId('wf-efficiency-reading')).not.toBeEmpty();
  // Beside it, the mean over windows of each in-sample sweep's overfitting figures, with the engine's reading.
  const overfit = page.getByTestId('wf-overfitting-reading');
  await expect(overfit).toHaveAttribute('data-pbo', String(detail.overfitting.meanPbo ?? ''));
  await expect(overfit).toContainText(detail.overfitting.reading);
  await expect(wf.stabilityRows).toHaveCount(2);
  await expect(page.locator('[data-testid=wf-stability-row][data-param=fast]')).toBeVisible();
  await expect(page.locator('[data-testid=wf-stability-row][data-param=slow]')).toBeVisible();

  // It is listed on the research screen.
  await research.goto('#/research');
  await expect(research.walkForwardRows.and(page.locator(`[data-id="${wfId}"]`))).toBeVisible();
});

test('a large sweep cancelled mid-way ends cancelled, with what it ran so far', async ({ page, app }) => {
  test.setTimeout(2 * RUN_TIMEOUT);
  const research = new ResearchPage(page, app.url);
  await research.goto('#/research');
  // The engine's defaults: twenty symbols over ten years, and a grid of well over a thousand combinations.
  await expect(research.basePick).toHaveValue('');
  await research.strategy.selectOption('sma-cross');
  await page.getByTestId('sweep-name').fill('e2e big sweep');
  await research.vary('fast', 5, 50, 1);
  await research.vary('slow', 10, 200, 5);
  await research.hold('mode');
  await research.where.fill('fast < slow');
  await expect(research.planIssues).toHaveCount(0);
  await expect(research.planCount).toHaveAttribute('data-count', /^\d{4,}$/);
  const total = Number(await research.planCount.getAttribute('data-count'));

  await research.startSweep.click();
  await expect(page).toHaveURL(/#\/research\/sweeps\/[^/?]+$/);
  const sweepId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() as string);
  const sweep = new SweepPage(page, app.url);
  const job = sweep.job.and(page.locator(`[data-job-id="${sweepId}"]`));
  await expect(job).toHaveAttribute('data-state', 'running', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('research-progress')).toBeVisible();
  // Some combinations are done, far from all.
  await expect.poll(async () => (await app.api.call('research.jobs', {})).find((j) => j.id === sweepId)?.done ?? 0, { timeout: RUN_TIMEOUT }).toBeGreaterThan(0);

  await sweep.cancel.click();
  await expect(sweep.root).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
  await expect(sweep.cancel).toHaveCount(0);
  const ended = (await app.api.call('research.jobs', {})).find((j) => j.id === sweepId);
  expect(ended?.state).toBe('cancelled');
  expect(ended?.done).toBeLessThan(total);
  const detail = await app.api.call('research.sweep', { id: sweepId });
  expect(detail.state).toBe('cancelled');
  expect(detail.results.length).toBeLessThan(total);

  // The research screen lists it as cancelled, with nothing running.
  await research.goto('#/research');
  const row = research.sweepRows.and(page.locator(`[data-id="${sweepId}"]`));
  await expect(row.getByTestId('status-badge')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('research-idle')).toBeVisible();
});

/** One real symbol: GOOG's daily bars, 2004 to 2013, imported into the app's bar store. */
async function importGoog(app: App): Promise<void> {
  const text = readFileSync(path.resolve('fixtures/data/GOOG.csv'), 'utf8');
  const imported = await app.api.call('data.import', { name: 'GOOG.csv', text, symbol: 'GOOG' });
  expect(imported.series.symbol).toBe('GOOG');
}

/** Grows the window to the screen's full height (its scrolling main area unrolled), so one picture holds all of it. */
async function fitHeight(page: Page): Promise<void> {
  const extra = await page.locator('main.screen').evaluate((el) => el.scrollHeight - el.clientHeight);
  await page.setViewportSize({ width: SCREEN_VIEWPORT.width, height: Math.min(SCREEN_VIEWPORT.height + Math.max(0, extra), 3000) });
}

test('a richer sweep and a walk-forward on GOOG’s daily bars (the README’s research pictures)', async ({ page, app }) => {
  test.setTimeout(4 * RUN_TIMEOUT);
  // The base reads the bar store, so every worker of the sweep opens the app's database.
  await importGoog(app);
  const baseRunId = await seedRun(app, quickSpec('GOOG base', { data: { store: { symbols: ['GOOG'] } } }));
  const research = new ResearchPage(page, app.url);
  await research.goto(`#/research?from=${baseRunId}`);
  await expect(research.basePick).toHaveValue(baseRunId);
  await expect(research.baseSummary).toContainText('bar store (1d');
  await research.strategy.selectOption('sma-cross');
  await page.getByTestId('sweep-name').fill('GOOG sma-cross');
  await research.vary('fast', 5, 50, 5);
  await research.vary('slow', 10, 200, 10);
  await research.hold('mode');
  await research.where.fill('fast < slow');
  await research.objective.selectOption('sharpe');
  // fast 5…50 × slow 10…200 is 10 × 20 pairs; 25 of them have fast ≥ slow.
  await expect(research.planCount).toHaveAttribute('data-count', '175');

  await research.startSweep.click();
  await expect(page).toHaveURL(/#\/research\/sweeps\/[^/?]+$/);
  const sweep = new SweepPage(page, app.url);
  await expect(sweep.root).toHaveAttribute('data-state', 'completed', { timeout: 2 * RUN_TIMEOUT });
  await expect(sweep.filledCells).toHaveCount(175);
  await expect(sweep.emptyCells).toHaveCount(25);
  await expect(sweep.bestCells).toHaveCount(1);
  await expect(sweep.figure('pbo', 'reading')).not.toHaveText('Not available for this sweep.');
  await expect(sweep.results).toHaveAttribute('data-total', '175');
  // Along slow, fast held at the best's value: the longer of the two lines.
  await page.getByTestId('line-param').selectOption('slow');
  await expect(sweep.lineChart).toHaveAttribute('data-points', /^1\d$/);
  await page.mouse.move(0, 0);
  await fitHeight(page);
  await snap(page, 'research-sweep');
  await page.setViewportSize(SCREEN_VIEWPORT);

  // "Edit and run again": the form comes back as the sweep had it, the sweep listed beside it.
  await page.getByTestId('sweep-rerun').click();
  await expect(page).toHaveURL(/#\/research$/);
  await expect(research.tab('sweep')).toHaveAttribute('aria-selected', 'true');
  await expect(research.planCount).toHaveAttribute('data-count', '175');
  await expect(research.sweepRows).toHaveCount(1);
  await fitHeight(page);
  await snap(page, 'research-form');
  await page.setViewportSize(SCREEN_VIEWPORT);

  // The same grid walked forward: two years to choose, six months to trade, rolling.
  await research.tab('walkforward').click();
  await research.wf('mode').selectOption('rolling');
  await research.wf('unit').selectOption('months');
  await research.wf('inSample').fill('24');
  await research.wf('outOfSample').fill('6');
  await research.wf('step').fill('');
  await expect(research.planCount).toHaveAttribute('data-count', '175');
  await research.startWalkForward.click();
  await expect(page).toHaveURL(/#\/research\/walkforward\/[^/?]+$/);
  const wf = new WalkForwardPage(page, app.url);
  await expect(wf.root).toHaveAttribute('data-state', 'completed', { timeout: 2 * RUN_TIMEOUT });
  const windows = Number(await wf.chart.getAttribute('data-windows'));
  expect(windows).toBeGreaterThanOrEqual(10);
  await expect(wf.windows).toHaveCount(windows);
  await page.mouse.move(0, 0);
  await fitHeight(page);
  await snap(page, 'research-walkforward');
  await page.setViewportSize(SCREEN_VIEWPORT);
});
