import { expect, quickSpec, seedRun, test } from './fixtures';
import { PriceChartView } from './pages/PriceChartView';
import { RunDetailPage } from './pages/RunDetailPage';
import { SCREEN_VIEWPORT } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

/** A run that trades often, so marks sit on many sessions of the first symbol. */
const busySpec = (name: string) => quickSpec(name, { strategy: { name: 'sma-cross', params: { fast: 5, slow: 20, mode: 'long_short' } } });

test('the run’s price chart zooms with the wheel, shows and selects a trade’s mark, leads the equity chart’s crosshair and switches to a log scale', async ({ page, app }) => {
  const runId = await seedRun(app, busySpec('chart run'));
  const detail = new RunDetailPage(page, app.url);
  await detail.open(runId);
  const chart = new PriceChartView(page, detail.priceChart);
  await expect(chart.plot.locator('canvas').first()).toBeVisible();

  // Zoom: the wheel narrows the visible range the chart reports.
  const before = await chart.visibleRange();
  expect(before.to).toBeGreaterThan(before.from);
  await chart.wheel(-600);
  await expect.poll(async () => {
    const r = await chart.visibleRange();
    return r.to - r.from;
  }).toBeLessThan(before.to - before.from);

  // Hover: a mark's tooltip names the side, quantity and price of its trade's entry or exit.
  await chart.wheel(600);
  expect(await chart.hoverFirstMark()).toBe(true);
  await expect(chart.tooltip).toContainText(/(Buy|Sell) (entry|exit)/);
  await expect(chart.tooltip).toContainText('@');

  // Click: the mark's trade (its symbol and entry time) is selected, a second click lets it go.
  await expect(chart.root).toHaveAttribute('data-selected-trade', '');
  await page.mouse.down();
  await page.mouse.up();
  await expect(chart.root).toHaveAttribute('data-selected-trade', /^SYN\d+@\d+$/);
  // Two clicks in quick succession are a double-click to the chart, not two clicks.
  await page.waitForTimeout(600);
  await page.mouse.down();
  await page.mouse.up();
  await expect(chart.root).toHaveAttribute('data-selected-trade', '');

  // The equity chart's crosshair follows the price chart's to the same session.
  await expect(chart.root).toHaveAttribute('data-crosshair', /^\d+$/);
  const session = await chart.root.getAttribute('data-crosshair');
  await expect(detail.equityChart).toHaveAttribute('data-crosshair', session ?? 'none');

  // Log scale: the toggle switches the price scale and says so.
  await expect(chart.root).toHaveAttribute('data-scale', 'linear');
  await chart.logToggle.click();
  await expect(chart.root).toHaveAttribute('data-scale', 'log');
  await expect(chart.logToggle).toHaveAttribute('aria-pressed', 'true');
  await chart.logToggle.click();
  await expect(chart.root).toHaveAttribute('data-scale', 'linear');
});

test('the equity chart switches to a log scale and its range brush zooms it to the dragged period', async ({ page, app }) => {
  const runId = await seedRun(app, busySpec('equity chart run'));
  const detail = new RunDetailPage(page, app.url);
  await detail.open(runId);
  const chart = new PriceChartView(page, detail.equityChart);
  await expect(chart.plot.locator('canvas').first()).toBeVisible();

  await chart.logToggle.click();
  await expect(chart.root).toHaveAttribute('data-scale', 'log');

  const whole = await chart.visibleRange();
  const brush = detail.equityChart.getByTestId('range-brush');
  await brush.scrollIntoViewIfNeeded();
  const box = await brush.boundingBox();
  if (!box) throw new Error('the range brush has no size');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => {
    const r = await chart.visibleRange();
    return (r.to - r.from) / (whole.to - whole.from);
  }).toBeLessThan(0.4);

  // A double-click shows the whole run again.
  await brush.dblclick();
  await expect.poll(async () => (await chart.visibleRange()).from).toBe(whole.from);
});

test('selecting a trade in the trades table zooms the price chart to it and marks it', async ({ page, app }) => {
  const runId = await seedRun(app, busySpec('trade zoom run'));
  const detail = new RunDetailPage(page, app.url);
  await detail.open(runId);
  const chart = new PriceChartView(page, detail.priceChart);
  await expect(chart.plot.locator('canvas').first()).toBeVisible();
  const whole = await chart.visibleRange();

  const row = detail.table('trades').rows.first();
  const select = row.getByTestId('select-trade');
  const symbol = await select.innerText();
  await select.click();
  await expect(select).toHaveAttribute('aria-pressed', 'true');
  // The chart shows the trade's symbol with the trade (symbol@entry) selected, zoomed to it.
  await expect(chart.root).toHaveAttribute('data-selected-trade', new RegExp(`^${symbol}@\\d+$`));
  await expect(page.getByTestId('symbol-picker')).toHaveValue(symbol);
  const entryTs = Number((await chart.root.getAttribute('data-selected-trade'))?.split('@')[1]);
  await expect.poll(async () => {
    const r = await chart.visibleRange();
    return r.to - r.from;
  }).toBeLessThan((whole.to - whole.from) / 2);
  const zoomed = await chart.visibleRange();
  expect(zoomed.from).toBeLessThanOrEqual(entryTs);
  expect(zoomed.to).toBeGreaterThanOrEqual(entryTs);
});
