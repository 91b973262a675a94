import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The research form: base, strategy, parameter rows, search, constraint, objective, run-as tabs, plan and start. */
export class ResearchPage extends AppShell {
  readonly form: Locator;
  readonly basePick: Locator;
  readonly baseSummary: Locator;
  readonly strategy: Locator;
  readonly where: Locator;
  readonly objective: Locator;
  readonly planCount: Locator;
  readonly planIssues: Locator;
  readonly startSweep: Locator;
  readonly startWalkForward: Locator;
  readonly sweepRows: Locator;
  readonly walkForwardRows: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.form = page.getByTestId('sweep-form');
    this.basePick = page.getByTestId('base-pick');
    this.baseSummary = page.getByTestId('base-summary');
    this.strategy = page.getByTestId('sweep-strategy');
    this.where = page.getByTestId('sweep-where');
    this.objective = page.getByTestId('sweep-objective');
    this.planCount = page.getByTestId('plan-count');
    this.planIssues = page.getByTestId('plan-issue');
    this.startSweep = page.getByTestId('start-sweep');
    this.startWalkForward = page.getByTestId('start-walkforward');
    this.sweepRows = page.getByTestId('sweep-list-row');
    this.walkForwardRows = page.getByTestId('walkforward-list-row');
  }

  param(name: string): Locator {
    return this.page.locator(`[data-testid=param-row][data-param="${name}"]`);
  }

  /** Varies an integer parameter over a range (from, to, step). */
  async vary(name: string, from: number, to: number, step: number): Promise<void> {
    await this.page.getByTestId(`vary-${name}`).check();
    await expect(this.param(name)).toHaveAttribute('data-vary', 'true');
    await this.page.getByTestId(`from-${name}`).fill(String(from));
    await this.page.getByTestId(`to-${name}`).fill(String(to));
    await this.page.getByTestId(`step-${name}`).fill(String(step));
  }

  /** Holds a parameter at one value (the strategy's default when none is given). */
  async hold(name: string): Promise<void> {
    await this.page.getByTestId(`vary-${name}`).uncheck();
    await expect(this.param(name)).toHaveAttribute('data-vary', 'false');
  }

  tab(name: 'sweep' | 'walkforward'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  wf(field: 'mode' | 'unit' | 'inSample' | 'outOfSample' | 'step'): Locator {
    return this.page.getByTestId(`wf-${field}`);
  }
}
