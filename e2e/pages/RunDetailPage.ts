import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** One of the run's virtualized, engine-paged tables (trades, orders, fills, positions). */
export class RunTable {
  readonly count: Locator;
  readonly rows: Locator;
  readonly scroller: Locator;

  constructor(
    readonly root: Locator,
    testId: string,
  ) {
    this.count = root.getByTestId(`${testId}-count`);
    this.rows = root.getByTestId('vtable-row');
    this.scroller = root.locator('.vtable__scroll');
  }

  /** The row drawn at this position of the whole table. */
  rowAt(index: number): Locator {
    return this.root.locator(`[data-testid=vtable-row][data-index="${index}"]`);
  }

  header(column: string): Locator {
    return this.root.locator(`[role=columnheader][data-col=${column}]`);
  }

  static cell(row: Locator, column: string): Locator {
    return row.locator(`[data-col=${column}]`);
  }

  async scrollToEnd(): Promise<void> {
    await this.scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
  }
}

/** A run's figures, charts, tables, as-of panel, assumptions and exports. */
export class RunDetailPage extends AppShell {
  readonly root: Locator;
  readonly name: Locator;
  readonly equityChart: Locator;
  readonly equityPoints: Locator;
  readonly heatmapYears: Locator;
  readonly heatmapCells: Locator;
  readonly yearlyChart: Locator;
  readonly priceChart: Locator;
  readonly asOf: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.root = page.getByTestId('run-detail');
    this.name = page.getByTestId('run-name');
    this.equityChart = page.getByTestId('equity-chart');
    this.equityPoints = page.getByTestId('equity-points');
    this.heatmapYears = page.getByTestId('heatmap-year');
    this.heatmapCells = page.getByTestId('heatmap-cell');
    this.yearlyChart = page.getByTestId('yearly-chart');
    this.priceChart = page.getByTestId('price-chart');
    this.asOf = page.getByTestId('asof-panel');
  }

  async open(runId: string): Promise<void> {
    await this.goto(`#/runs/${runId}`);
  }

  /** The value of one of the run's metrics (the first figure of its card). */
  metric(key: string): Locator {
    return this.page.getByTestId(`metric-${key}`).locator('dd').first();
  }

  assumption(key: string): Locator {
    return this.page.getByTestId(`assumption-${key}`).locator('dd');
  }

  table(name: 'trades' | 'orders' | 'fills' | 'positions'): RunTable {
    const testId = `${name}-table`;
    return new RunTable(this.page.getByTestId(testId), testId);
  }

  async showTab(name: string): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }

  async exportButton(what: string): Promise<void> {
    await this.page.getByTestId(`export-${what}`).click();
  }

  /** Picks a session on the equity chart by clicking at a fraction of its width. */
  async clickEquityAt(fraction: number): Promise<void> {
    const surface = this.equityChart.locator('.lw-chart__plot');
    const box = await surface.boundingBox();
    if (!box) throw new Error('the equity chart has no size');
    // The price axis takes the right 64 px or more; click inside the plot.
    await surface.click({ position: { x: (box.width - 80) * fraction, y: box.height / 3 } });
  }
}
