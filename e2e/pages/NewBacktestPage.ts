import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The New backtest form: inputs by their spec path, each with the engine's issue below it. */
export class NewBacktestPage extends AppShell {
  readonly validationStatus: Locator;
  readonly launchButton: Locator;
  readonly syntheticSize: Locator;
  readonly marketModelToggle: Locator;
  readonly marketModelSummary: Locator;
  readonly dataKindStore: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.validationStatus = page.getByTestId('validation-status');
    this.launchButton = page.getByTestId('launch');
    this.syntheticSize = page.getByTestId('synthetic-size');
    this.marketModelToggle = page.getByTestId('market-model-toggle');
    this.marketModelSummary = page.getByTestId('market-model-summary');
    this.dataKindStore = page.getByTestId('data-kind-store');
  }

  /** The empty form, or the form duplicating a recorded run. */
  async open(fromRunId?: string): Promise<void> {
    await this.goto(fromRunId === undefined ? '#/new' : `#/new?from=${fromRunId}`);
  }

  /** The input of a spec key, e.g. `strategy.params.fast`. */
  field(path: string): Locator {
    return this.page.getByTestId(`field-${path}`);
  }

  /** The engine's message under a spec key's input. */
  issue(path: string): Locator {
    return this.page.getByTestId(`issue-${path}`);
  }

  storeSymbol(symbol: string): Locator {
    return this.page.getByTestId(`store-symbol-${symbol}`);
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [path, value] of Object.entries(values)) await this.field(path).fill(value);
  }

  /** Switches the data source by its segment's label (the radio inside it is hidden). */
  async chooseDataKind(kind: 'synthetic' | 'csv' | 'store'): Promise<void> {
    await this.page.locator('label', { has: this.page.getByTestId(`data-kind-${kind}`) }).click();
  }

  /** Picks "Strategy module…" and types the module's path (on the engine's machine). */
  async chooseStrategyModule(modulePath: string): Promise<void> {
    await this.field('strategy.name').selectOption({ label: 'Strategy module…' });
    await this.field('strategy.module').fill(modulePath);
  }

  async launch(): Promise<void> {
    await this.launchButton.click();
  }
}
