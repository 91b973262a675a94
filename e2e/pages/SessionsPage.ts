import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The Start session form: a spec file or a completed run, the broker, optional limits. */
export class StartSessionForm {
  readonly root: Locator;
  readonly specPath: Locator;
  readonly run: Locator;
  readonly brokerConnected: Locator;
  readonly brokerSim: Locator;
  readonly brokerStatus: Locator;
  readonly speed: Locator;
  readonly maxDailyLoss: Locator;
  readonly maxPositionValue: Locator;
  readonly start: Locator;
  readonly started: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('start-session-form');
    this.specPath = this.root.getByTestId('start-spec-path');
    this.run = this.root.getByTestId('start-run');
    this.brokerConnected = this.root.getByTestId('broker-connected');
    this.brokerSim = this.root.getByTestId('broker-sim');
    this.brokerStatus = this.root.getByTestId('broker-connected-status');
    this.speed = this.root.getByTestId('broker-speed');
    this.maxDailyLoss = this.root.getByTestId('start-max-daily-loss');
    this.maxPositionValue = this.root.getByTestId('start-max-position-value');
    this.start = this.root.getByTestId('start-session');
    this.started = this.root.getByTestId('start-started');
    this.error = this.root.getByTestId('start-error').getByTestId('error');
  }

  /** Picks "Spec file" and types its path. */
  async spec(path: string): Promise<void> {
    await this.root.getByTestId('start-source-spec').check();
    await this.specPath.fill(path);
  }
}

/** One session's row in the list, with its figures and commands. */
export class SessionRow {
  constructor(readonly root: Locator) {}

  cell(col: 'decisions' | 'last-decided' | 'equity' | 'pnl-today' | 'pnl-total'): Locator {
    return this.root.locator(`[data-col="${col}"]`);
  }

  get state(): Locator {
    return this.root.getByTestId('session-state');
  }

  get link(): Locator {
    return this.root.getByTestId('session-link');
  }

  command(action: 'pause' | 'resume' | 'stop' | 'flatten'): Locator {
    return this.root.getByTestId(`session-${action}`);
  }
}

/** Every session, with its commands, and the form that starts one. */
export class SessionsPage extends AppShell {
  readonly rows: Locator;
  readonly form: StartSessionForm;
  readonly dialog: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.rows = page.getByTestId('session-row');
    this.form = new StartSessionForm(page);
    this.dialog = page.locator('dialog[open]');
  }

  async open(): Promise<void> {
    await this.goto('#/sessions');
  }

  row(id: string): SessionRow {
    return new SessionRow(this.page.locator(`[data-testid="session-row"][data-id="${id}"]`));
  }
}

/** One session against its shadow backtest. */
export class SessionDetailPage extends AppShell {
  readonly root: Locator;
  readonly decisions: Locator;
  readonly chart: Locator;
  readonly fills: Locator;
  readonly orders: Locator;
  readonly actions: Locator;
  readonly calibration: Locator;
  readonly shadowError: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.root = page.getByTestId('session-detail');
    this.decisions = page.getByTestId('session-decisions');
    this.chart = page.getByTestId('session-equity-chart');
    this.fills = page.getByTestId('session-fill');
    this.orders = page.getByTestId('session-order');
    this.actions = page.getByTestId('session-action');
    this.calibration = page.getByTestId('session-calibration');
    this.shadowError = page.getByTestId('session-shadow-error');
  }

  async open(id: string): Promise<void> {
    await this.goto(`#/sessions/${encodeURIComponent(id)}`);
  }

  tile(id: string): Locator {
    return this.page.getByTestId(`tile-${id}`);
  }

  /** The chart's drawn lines (recharts: one path per series). */
  get lines(): Locator {
    return this.chart.locator('.recharts-line');
  }
}
