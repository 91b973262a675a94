import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export interface TicketValues {
  symbol: string;
  side?: 'buy' | 'sell';
  quantity: number;
  type?: string;
  limit?: number;
  tif?: string;
}

/** "Attach bracket": the take-profit's limit and the stop-loss (a stop price, or a trail by amount or percent). */
export interface BracketValues {
  takeProfit: number;
  stopLoss: number;
  stopLossBy?: 'stop' | 'amount' | 'percent';
}

export type BracketIds = Record<'ENTRY' | 'TAKE_PROFIT' | 'STOP_LOSS', string>;

/** The order ticket with its pre-trade check. */
export class Ticket {
  readonly root: Locator;
  readonly symbol: Locator;
  readonly quantity: Locator;
  readonly type: Locator;
  readonly limit: Locator;
  readonly tif: Locator;
  readonly submit: Locator;
  readonly checkResult: Locator;
  readonly checkBlockers: Locator;
  readonly outcome: Locator;
  readonly quoteLast: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ticket');
    this.symbol = page.getByTestId('ticket-symbol');
    this.quantity = page.getByTestId('ticket-quantity');
    this.type = page.getByTestId('ticket-type');
    this.limit = page.getByTestId('ticket-limit');
    this.tif = page.getByTestId('ticket-tif');
    this.submit = page.getByTestId('ticket-submit');
    this.checkResult = page.getByTestId('check-result');
    this.checkBlockers = page.getByTestId('check-blockers');
    this.outcome = page.getByTestId('submit-outcome');
    this.quoteLast = page.getByTestId('quote-last');
  }

  checkItem(check: string): Locator {
    return this.page.locator(`[data-testid="check-item"][data-check="${check}"]`);
  }

  /** A bracket member's verdict (ENTRY, TAKE_PROFIT, STOP_LOSS). */
  checkMember(role: string): Locator {
    return this.page.locator(`[data-testid="check-member"][data-role="${role}"]`);
  }

  /** Ticks "Attach bracket" and fills its exits. */
  async attachBracket(b: BracketValues): Promise<void> {
    await this.page.getByTestId('ticket-bracket').check();
    await this.page.getByTestId('ticket-take-profit').fill(String(b.takeProfit));
    await this.page.getByTestId(`ticket-stop-loss-kind-${b.stopLossBy ?? 'stop'}`).check();
    await this.page.getByTestId('ticket-stop-loss').fill(String(b.stopLoss));
  }

  /** Fills the ticket; the risk check runs once typing pauses. */
  async fill(t: TicketValues): Promise<void> {
    await this.symbol.fill(t.symbol);
    await this.page.getByTestId(`ticket-side-${t.side ?? 'buy'}`).click();
    await this.quantity.fill(String(t.quantity));
    await this.type.selectOption(t.type ?? 'LIMIT');
    if (t.limit !== undefined) await this.limit.fill(String(t.limit));
    await this.tif.selectOption(t.tif ?? 'GTC');
  }

  /** Enter in the quantity field: sends the ticket if it passes the checks. */
  async pressEnter(): Promise<void> {
    await this.quantity.press('Enter');
  }

  /** Sends the ticket with Enter once the engine's check says it passes; returns the order id the engine gave it. */
  async send(): Promise<string> {
    await expect(this.checkResult).toHaveAttribute('data-ok', 'true');
    await this.pressEnter();
    await expect(this.outcome).toHaveAttribute('data-accepted', 'true');
    return ((await this.outcome.textContent()) ?? '').replace(/^Sent: order /, '').trim();
  }

  /** Sends a ticket with a bracket as send() does; returns each member's order id by role. */
  async sendBracket(): Promise<BracketIds> {
    await expect(this.checkResult).toHaveAttribute('data-ok', 'true');
    await this.pressEnter();
    await expect(this.outcome).toHaveAttribute('data-accepted', 'true');
    const sent = this.outcome.getByTestId('sent-order');
    await expect(sent).toHaveCount(3);
    const ids = await sent.evaluateAll((els) => els.map((el) => [el.getAttribute('data-role'), el.getAttribute('data-order-id')]));
    return Object.fromEntries(ids) as BracketIds;
  }
}

export interface ConnectTarget {
  host?: string;
  port: number;
  clientId?: number;
}

/** Connection, account, blotter, positions, executions, risk and the ticket. */
export class TradingPage extends AppShell {
  readonly mode: Locator;
  readonly connState: Locator;
  readonly connTarget: Locator;
  readonly netLiquidation: Locator;
  readonly logRows: Locator;
  readonly orderRows: Locator;
  readonly ticket: Ticket;
  readonly breaker: Locator;
  readonly breakerDetail: Locator;
  readonly breakerReset: Locator;
  readonly killSwitch: Locator;
  readonly killReport: Locator;
  /** Whichever modal dialog is open (kill switch, arming, LIVE order confirmation). */
  readonly dialog: Locator;
  readonly armLive: Locator;
  readonly disarmLive: Locator;

  constructor(page: Page, appUrl: string) {
    super(page, appUrl);
    this.mode = page.getByTestId('trading-mode');
    this.connState = page.getByTestId('conn-state');
    this.connTarget = page.getByTestId('conn-target');
    this.netLiquidation = page.getByTestId('acct-netliq');
    this.logRows = page.getByTestId('log-row');
    this.orderRows = page.getByTestId('order-row');
    this.ticket = new Ticket(page);
    this.breaker = page.getByTestId('breaker');
    this.breakerDetail = page.getByTestId('breaker-detail');
    this.breakerReset = page.getByTestId('breaker-reset');
    this.killSwitch = page.getByTestId('kill-switch');
    this.killReport = page.getByTestId('kill-report');
    this.dialog = page.locator('dialog[open]');
    this.armLive = page.getByTestId('arm-live');
    this.disarmLive = page.getByTestId('disarm-live');
  }

  async open(): Promise<void> {
    await this.goto('#/trading');
  }

  /** Connects through the panel's custom preset; fields left out keep what the panel shows. */
  async connect(target: ConnectTarget): Promise<void> {
    await this.page.getByTestId('conn-preset').selectOption('custom');
    if (target.host !== undefined) await this.page.getByTestId('conn-host').fill(target.host);
    await this.page.getByTestId('conn-port').fill(String(target.port));
    if (target.clientId !== undefined) await this.page.getByTestId('conn-client-id').fill(String(target.clientId));
    await this.page.getByTestId('conn-connect').click();
  }

  /** Connects through the panel's Alpaca paper preset to the URLs given (the fake's); keys come from the engine's environment. */
  async connectAlpaca(urls: { tradingUrl: string; dataUrl: string }): Promise<void> {
    await this.page.getByTestId('conn-preset').selectOption('alpaca_paper');
    await this.page.getByTestId('conn-trading-url').fill(urls.tradingUrl);
    await this.page.getByTestId('conn-data-url').fill(urls.dataUrl);
    await this.page.getByTestId('conn-connect').click();
  }

  orderRow(orderId: string): Locator {
    return this.page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  }

  /** A working order's list link ("take-profit of O12"), its trail and its stop now. */
  orderLink(orderId: string): Locator {
    return this.orderRow(orderId).getByTestId('order-link');
  }

  orderRowOf(symbol: string): Locator {
    return this.page.locator(`[data-testid="order-row"][data-symbol="${symbol}"]`);
  }

  doneOrderRow(orderId: string): Locator {
    return this.page.locator(`[data-testid="done-order-row"][data-order-id="${orderId}"]`);
  }

  position(symbol: string): Locator {
    return this.page.locator(`[data-testid="position-row"][data-symbol="${symbol}"]`);
  }

  execution(orderId: string): Locator {
    return this.page.locator(`[data-testid="execution-row"][data-order-id="${orderId}"]`).first();
  }

  /** Records every state the connection indicator shows, so a brief one is not missed between polls. */
  async recordConnectionStates(): Promise<void> {
    await this.page.evaluate(() => {
      const el = document.querySelector('[data-testid="conn-state"]');
      const seen: string[] = [el?.getAttribute('data-state') ?? ''];
      (window as unknown as { connStates: string[] }).connStates = seen;
      if (el) new MutationObserver(() => seen.push(el.getAttribute('data-state') ?? '')).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    });
  }

  connectionStatesSeen(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { connStates: string[] }).connStates);
  }
}
