import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** Two to four runs side by side. */
export class ComparePage extends AppShell {
  readonly runs: Locator;
  readonly chart: Locator;
  readonly changeSelection: Locator;
  readonly picker: Locator;
  readonly pickRows: Locator;
  readonly go: Locator;
  readonly warning: Locator;
  readonly assumptions: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.runs = page.getByTestId('compare-run');
    this.chart = page.getByTestId('compare-chart');
    this.changeSelection = page.getByRole('button', { name: 'Change selection' });
    this.picker = page.getByTestId('compare-picker');
    this.pickRows = page.getByTestId('pick-row');
    this.go = page.getByTestId('compare-go');
    this.warning = page.getByTestId('compare-warning');
    this.assumptions = page.getByTestId('compare-assumptions');
  }

  /** The assumption line with this label: its label cell, then one cell per run. */
  assumption(label: string): Locator {
    return this.assumptions.getByTestId('compare-assumption').filter({ has: this.page.locator('td:first-child', { hasText: new RegExp(`^${label}$`) }) });
  }

  /** The cells of one metric's row, a run per column. */
  metricCells(metric: string): Locator {
    return this.page.getByTestId(`metric-${metric}`).locator('td.num');
  }
}
