import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** One walk-forward's results: efficiency, stitched equity, windows, stability. */
export class WalkForwardPage extends AppShell {
  readonly root: Locator;
  readonly efficiency: Locator;
  readonly chart: Locator;
  readonly windows: Locator;
  readonly stabilityRows: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.root = page.getByTestId('walkforward-screen');
    this.efficiency = page.getByTestId('wf-efficiency-value');
    this.chart = page.getByTestId('wf-stitched-chart');
    this.windows = page.getByTestId('wf-window');
    this.stabilityRows = page.getByTestId('wf-stability-row');
  }
}
