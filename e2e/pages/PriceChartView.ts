import { expect, type Locator, type Page } from '@playwright/test';

/** A lightweight-charts price chart: its canvas, log toggle, mark tooltip and the visible range it reports. */
export class PriceChartView {
  readonly plot: Locator;
  readonly logToggle: Locator;
  readonly tooltip: Locator;

  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {
    this.plot = root.locator('.lw-chart__plot');
    this.logToggle = root.getByTestId('log-toggle');
    this.tooltip = root.getByTestId('mark-tooltip');
  }

  /** The visible time range (epoch ms) the chart reports on its element. */
  async visibleRange(): Promise<{ from: number; to: number }> {
    await expect(this.root).toHaveAttribute('data-visible-from', /^\d+$/);
    const from = Number(await this.root.getAttribute('data-visible-from'));
    const to = Number(await this.root.getAttribute('data-visible-to'));
    return { from, to };
  }

  private async box(): Promise<{ x: number; y: number; width: number; height: number }> {
    await this.plot.scrollIntoViewIfNeeded();
    const box = await this.plot.boundingBox();
    if (!box) throw new Error('the price chart has no size');
    return box;
  }

  /** Turns the mouse wheel over the middle of the plot; a negative delta zooms in. */
  async wheel(deltaY: number): Promise<void> {
    const b = await this.box();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await this.page.mouse.wheel(0, deltaY);
  }

  /** Sweeps the pointer across the plot until a mark's tooltip shows; false if none did. */
  async hoverFirstMark(): Promise<boolean> {
    const b = await this.box();
    // Stop short of the price axis on the right.
    for (let x = b.x + 4; x < b.x + b.width - 70; x += 2) {
      await this.page.mouse.move(x, b.y + b.height / 2);
      if (await this.tooltip.isVisible()) return true;
    }
    return false;
  }
}
