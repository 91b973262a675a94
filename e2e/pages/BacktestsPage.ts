import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';
import { ConfirmDialog } from './ConfirmDialog';

/** The list of recorded runs: sort, filter, select for compare, duplicate, delete. */
export class BacktestsPage extends AppShell {
  readonly rows: Locator;
  readonly search: Locator;
  readonly statusFilter: Locator;
  readonly empty: Locator;
  readonly compareSelected: Locator;
  /** Launches that failed before recording a run, listed above the runs. */
  readonly failedLaunches: Locator;
  readonly confirm: ConfirmDialog;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.rows = page.getByTestId('run-row');
    this.search = page.getByTestId('runs-search');
    this.statusFilter = page.getByTestId('runs-status-filter');
    this.empty = page.getByTestId('runs-empty');
    this.compareSelected = page.getByTestId('compare-selected');
    this.failedLaunches = page.getByTestId('failed-launches');
    this.confirm = new ConfirmDialog(page);
  }

  async open(): Promise<void> {
    await this.goto('#/backtests');
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  /** The run names in the order the list shows them. */
  names(): Promise<string[]> {
    return this.rows.locator('.cell-name').allInnerTexts();
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByTestId(`sort-${column}`).click();
  }

  async select(name: string): Promise<void> {
    await this.row(name).getByTestId('run-select').check();
  }

  async duplicate(name: string): Promise<void> {
    await this.row(name).getByTestId('run-duplicate').click();
  }

  /** Asks to delete the run; the confirmation dialog opens. */
  async askDelete(name: string): Promise<void> {
    await this.row(name).getByTestId('run-delete').click();
  }
}
