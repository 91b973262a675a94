import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** One queued, running or finished job on the Jobs screen. */
export class JobCard {
  readonly progress: Locator;
  readonly eta: Locator;
  readonly sessions: Locator;
  readonly liveEquityChart: Locator;
  readonly cancelButton: Locator;
  readonly openRunButton: Locator;
  readonly error: Locator;

  constructor(readonly root: Locator) {
    this.progress = root.getByTestId('job-progress');
    this.eta = root.getByTestId('job-eta');
    this.sessions = root.getByTestId('job-sessions');
    this.liveEquityChart = root.getByTestId('live-equity-chart');
    this.cancelButton = root.getByTestId('job-cancel');
    this.openRunButton = root.getByTestId('job-open-run');
    this.error = root.getByTestId('job-error');
  }

  async progressValue(): Promise<number> {
    return Number(await this.progress.getAttribute('aria-valuenow'));
  }

  async progressMax(): Promise<number> {
    return Number(await this.progress.getAttribute('aria-valuemax'));
  }
}

export class JobsPage extends AppShell {
  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
  }

  /** The card of the job with this run name. */
  card(name: string): JobCard {
    return new JobCard(this.page.getByTestId('job-card').filter({ hasText: name }));
  }
}
