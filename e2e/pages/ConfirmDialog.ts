import type { Locator, Page } from '@playwright/test';

/** The app's confirmation dialog (delete a run or a series). */
export class ConfirmDialog {
  readonly root: Locator;
  readonly ok: Locator;
  readonly cancel: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('confirm-dialog');
    this.ok = page.getByTestId('confirm-ok');
    this.cancel = this.root.getByRole('button', { name: 'Cancel' });
  }
}
