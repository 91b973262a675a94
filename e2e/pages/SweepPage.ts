import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** One sweep's results: overfitting, line chart, heatmap, the results table. */
export class SweepPage extends AppShell {
  readonly root: Locator;
  readonly heatmap: Locator;
  /** Cells that ran a combination (inside the sweep's heatmap: run detail has heatmap cells of its own). */
  readonly filledCells: Locator;
  readonly emptyCells: Locator;
  readonly bestCells: Locator;
  readonly lineChart: Locator;
  readonly results: Locator;
  readonly resultRows: Locator;
  readonly job: Locator;
  readonly cancel: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.root = page.getByTestId('sweep-screen');
    this.heatmap = page.getByTestId('sweep-heatmap');
    this.filledCells = this.heatmap.locator('[data-testid=heatmap-cell]:not([data-empty])');
    this.emptyCells = this.heatmap.locator('[data-testid=heatmap-cell][data-empty=true]');
    this.bestCells = this.heatmap.locator('[data-testid=heatmap-cell][data-best=true]');
    this.lineChart = page.getByTestId('line-chart');
    this.results = page.getByTestId('sweep-results');
    this.resultRows = page.getByTestId('sweep-result-row');
    this.job = page.getByTestId('research-job');
    this.cancel = page.getByTestId('research-cancel');
  }

  cell(x: number, y: number): Locator {
    return this.heatmap.locator(`[data-testid=heatmap-cell][data-x="${x}"][data-y="${y}"]`);
  }

  figure(name: 'dsr' | 'pbo', part: 'value' | 'reading'): Locator {
    return this.page.getByTestId(`${name}-${part}`);
  }
}
