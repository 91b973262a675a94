import type { Locator, Page } from '@playwright/test';

/** The run detail's risk report: its opener, VaR table, exposures and scenario rows. */
export class RiskPanel {
  readonly root: Locator;
  readonly opener: Locator;
  readonly report: Locator;
  readonly varTable: Locator;
  readonly bySymbol: Locator;
  readonly scenarioRows: Locator;
  readonly scenarioValue: Locator;
  readonly addScenario: Locator;
  readonly rolling: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('risk-section');
    this.opener = page.getByTestId('tab-risk');
    this.report = page.getByTestId('risk-report');
    this.varTable = page.getByTestId('risk-var-table');
    this.bySymbol = page.getByTestId('risk-by-symbol');
    this.scenarioRows = page.getByTestId('risk-scenario-row');
    this.scenarioValue = page.getByTestId('risk-scenario-value');
    this.addScenario = page.getByTestId('risk-scenario-add');
    this.rolling = page.getByTestId('risk-rolling');
  }

  /** The VaR (or ES) cell of a method at a confidence and horizon, e.g. ('historical', 0.95, 1, 'var'). */
  cell(method: 'historical' | 'parametric', confidence: number, horizonDays: 1 | 10, what: 'var' | 'es'): Locator {
    return this.root.getByTestId(`${method}-${confidence}-${horizonDays}d-${what}`);
  }

  async open(): Promise<void> {
    await this.opener.scrollIntoViewIfNeeded();
    await this.opener.click();
  }

  async add(value: string): Promise<void> {
    await this.scenarioValue.fill(value);
    await this.addScenario.click();
  }
}
