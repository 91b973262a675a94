import type { Locator, Page } from '@playwright/test';
import { at } from '../screens';

export type Screen = 'backtests' | 'new' | 'jobs' | 'data' | 'trading' | 'compare' | 'sessions';

/** What every screen shares: the top bar's navigation, the status bar and the LIVE banner. */
export class AppShell {
  readonly connectionState: Locator;
  readonly statusIdle: Locator;
  readonly statusJobs: Locator;
  readonly statusFailed: Locator;
  /** Sessions running or paused and their P&L today (shown while any runs). */
  readonly statusSessions: Locator;
  readonly liveBanner: Locator;
  readonly refused: Locator;

  constructor(
    readonly page: Page,
    readonly appUrl: string,
  ) {
    this.connectionState = page.getByTestId('connection-state');
    this.statusIdle = page.getByTestId('status-idle');
    this.statusJobs = page.getByTestId('status-jobs');
    this.statusFailed = page.getByTestId('status-failed');
    this.statusSessions = page.getByTestId('status-sessions');
    this.liveBanner = page.getByTestId('live-banner');
    this.refused = page.getByTestId('refused');
  }

  /** Loads the app at a hash route (`#/backtests`, `#/runs/<id>`, …). */
  async goto(hash: string): Promise<void> {
    await this.page.goto(at(this.appUrl, hash));
  }

  async nav(screen: Screen): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
  }
}
