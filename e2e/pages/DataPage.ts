import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';
import { ConfirmDialog } from './ConfirmDialog';

/** The import dialog: a file, its preview and validation, then the import. */
export class ImportDialog {
  readonly file: Locator;
  readonly preview: Locator;
  readonly submit: Locator;
  readonly replace: Locator;
  readonly close: Locator;

  constructor(readonly root: Locator) {
    this.file = root.getByTestId('import-file');
    this.preview = root.getByTestId('import-preview');
    this.submit = root.getByTestId('import-submit');
    this.replace = root.getByTestId('import-replace');
    this.close = root.getByRole('button', { name: 'Close' });
  }

  /** A field of the preview (`symbol`, `bars`, `first`, …). */
  previewField(name: string): Locator {
    return this.preview.getByTestId(`preview-${name}`);
  }
}

/** The candlestick chart of the selected series with its controls. */
export class DataChart {
  readonly candles: Locator;
  /** The lightweight-charts price chart inside the candle panel. */
  readonly plot: Locator;
  readonly legend: Locator;
  readonly foot: Locator;
  /** What one candle holds: "1 candle = 4 days". */
  readonly candleSize: Locator;
  readonly barSize: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly wholeSeries: Locator;

  constructor(readonly root: Locator) {
    this.candles = root.getByTestId('candle-chart');
    this.plot = root.getByTestId('candle-plot');
    this.legend = root.getByTestId('candle-legend');
    this.foot = root.getByTestId('chart-foot');
    this.candleSize = root.getByTestId('candle-size');
    this.barSize = root.getByTestId('chart-bar-size');
    this.from = root.getByTestId('chart-from');
    this.to = root.getByTestId('chart-to');
    this.wholeSeries = root.getByRole('button', { name: 'Whole series' });
  }
}

/** The bar store: series with coverage, the chart, imports and history downloads. */
export class DataPage extends AppShell {
  readonly importButton: Locator;
  readonly importDialog: ImportDialog;
  readonly importDone: Locator;
  readonly chart: DataChart;
  readonly history: Locator;
  readonly confirm: ConfirmDialog;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.importButton = page.getByTestId('data-import');
    this.importDialog = new ImportDialog(page.getByTestId('import-dialog'));
    this.importDone = page.getByTestId('import-done');
    this.chart = new DataChart(page.getByTestId('data-chart'));
    this.history = page.getByTestId('history-download');
    this.confirm = new ConfirmDialog(page);
  }

  async open(): Promise<void> {
    await this.goto('#/data');
  }

  seriesRow(symbol: string): Locator {
    return this.page.locator(`[data-testid="series-row"][data-symbol="${symbol}"]`);
  }

  /** Opens the import dialog on a file; its preview follows. */
  async previewImport(file: string): Promise<void> {
    await this.importButton.click();
    await this.importDialog.file.setInputFiles(file);
  }
}
