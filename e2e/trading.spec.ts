import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeTws, type FakeTws } from '../core/fakeTws';
import { expect, test } from './fixtures';
import { at, SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

let fake: FakeTws;
test.beforeEach(async () => {
  // A market that moves only when the test steps it.
  fake = await startFakeTws({ port: 0, barsPerSecond: 0 });
});
test.afterEach(async () => {
  await fake.close();
});

const cents = (v: number): number => Math.round(v * 100) / 100;
const shown = (v: number, digits = 0): string => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Fills the ticket; the risk check runs once typing pauses. */
async function fillTicket(page: Page, t: { symbol: string; side?: 'buy' | 'sell'; quantity: number; type?: string; limit?: number; tif?: string }) {
  await page.getByTestId('ticket-symbol').fill(t.symbol);
  await page.getByTestId(`ticket-side-${t.side ?? 'buy'}`).click();
  await page.getByTestId('ticket-quantity').fill(String(t.quantity));
  await page.getByTestId('ticket-type').selectOption(t.type ?? 'LIMIT');
  if (t.limit !== undefined) await page.getByTestId('ticket-limit').fill(String(t.limit));
  await page.getByTestId('ticket-tif').selectOption(t.tif ?? 'GTC');
}

/** Sends the ticket with Enter once the engine's check says it passes; returns the order id the engine gave it. */
async function sendTicket(page: Page): Promise<string> {
  await expect(page.getByTestId('check-result')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('ticket-quantity').press('Enter');
  const outcome = page.getByTestId('submit-outcome');
  await expect(outcome).toHaveAttribute('data-accepted', 'true');
  return ((await outcome.textContent()) ?? '').replace(/^Sent: order /, '').trim();
}

/** Steps the fake's market a bar at a time until `done` (at most `max` bars). */
function stepUntil(done: () => boolean, max = 500): void {
  for (let i = 0; i < max && !done(); i++) fake.step();
  expect(done(), `not reached within ${max} bars`).toBe(true);
}

/** Records every state the connection indicator shows, so a brief one is not missed between polls. */
async function recordConnectionStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="conn-state"]');
    const seen: string[] = [el?.getAttribute('data-state') ?? ''];
    (window as unknown as { connStates: string[] }).connStates = seen;
    if (el) new MutationObserver(() => seen.push(el.getAttribute('data-state') ?? '')).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
}

test('PAPER trading against the fake TWS: connect, fill, cancel, risk, breaker, kill switch, reconnect', async ({ page, app }) => {
  const symbol = fake.symbols[0];
  await page.goto(at(app.url, '#/trading'));
  await expect(page.getByTestId('trading-mode')).toHaveText('PAPER');
  await expect(page.getByTestId('conn-state')).toHaveAttribute('data-state', 'disconnected');

  // Connect through the panel to the fake's ephemeral port.
  await page.getByTestId('conn-preset').selectOption('custom');
  await page.getByTestId('conn-host').fill('127.0.0.1');
  await page.getByTestId('conn-port').fill(String(fake.port));
  await page.getByTestId('conn-client-id').fill('7');
  await page.getByTestId('conn-connect').click();
  await expect(page.getByTestId('conn-state')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(page.getByTestId('conn-target')).toHaveText(`127.0.0.1:${fake.port} · client 7`);
  await expect(page.getByTestId('acct-netliq')).toContainText('1,000,000');
  await expect(page.getByTestId('log-row').first()).toBeVisible();

  // A limit order below the market works in the blotter.
  const price = fake.price(symbol);
  const quantity = Math.max(1, Math.floor(5_000 / price));
  const limit = cents(price * 0.99);
  await fillTicket(page, { symbol, quantity, limit });
  await expect(page.getByTestId('quote-last')).not.toHaveText('—');
  const filledId = await sendTicket(page);
  const working = page.locator(`[data-testid="order-row"][data-order-id="${filledId}"]`);
  await expect(working).toHaveAttribute('data-status', 'SUBMITTED');
  await expect(working).toContainText(shown(limit, 2));

  // The fake's market comes down to it: the order fills, the position and the execution show.
  stepUntil(() => fake.snapshot().executions.length > 0);
  await expect(working).toHaveCount(0);
  const position = page.locator(`[data-testid="position-row"][data-symbol="${symbol}"]`);
  await expect(position.getByTestId('position-qty')).toHaveText(shown(quantity));
  const execution = page.locator(`[data-testid="execution-row"][data-order-id="${filledId}"]`).first();
  await expect(execution).toBeVisible();
  await expect(execution.getByTestId('execution-commission')).toHaveText(/[1-9]/);
  await expect(page.locator(`[data-testid="done-order-row"][data-order-id="${filledId}"]`)).toHaveAttribute('data-status', 'FILLED');

  // Another order far enough below the market to wait, cancelled from the blotter.
  await fillTicket(page, { symbol, quantity, limit: cents(fake.price(symbol) * 0.96) });
  const cancelId = await sendTicket(page);
  const toCancel = page.locator(`[data-testid="order-row"][data-order-id="${cancelId}"]`);
  await expect(toCancel).toHaveAttribute('data-status', 'SUBMITTED');
  await toCancel.getByTestId('order-cancel').click();
  await expect(toCancel).toHaveCount(0);
  await expect(page.locator(`[data-testid="done-order-row"][data-order-id="${cancelId}"]`)).toHaveAttribute('data-status', 'CANCELLED');
  await snap(page, 'trading');

  // The ticket shows the risk checks' refusal, with each failed check's reason, before anything is sent.
  await fillTicket(page, { symbol, quantity: 1_000_000, type: 'MARKET' });
  await expect(page.getByTestId('check-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.locator('[data-testid="check-item"][data-check="max_quantity"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('[data-testid="check-item"][data-check="order_notional"]')).toContainText('max_order_size_usd');
  await expect(page.getByTestId('ticket-submit')).toBeDisabled();
  await page.getByTestId('ticket-quantity').press('Enter');
  await expect(page.getByTestId('submit-outcome')).toHaveCount(0);
  await expect(page.getByTestId('order-row')).toHaveCount(0);
  await snapElement(page, 'ticket', 'trading-ticket');

  // Orders the checks refuse (sent by another client of the engine) trip the circuit breaker; the trader resets it.
  for (let i = 0; i < 5; i++) {
    const refused = await app.api.call('trading.submitOrder', { instrument: symbol, side: 'BUY', type: 'MARKET', quantity: 1_000_000 });
    expect(refused.accepted).toBe(false);
  }
  await expect(page.getByTestId('breaker')).toHaveAttribute('data-tripped', 'true');
  await expect(page.getByTestId('breaker-detail')).toContainText('5 rejections');
  await expect(page.getByTestId('check-blockers')).toContainText('circuit breaker');
  await page.getByTestId('breaker-reset').click();
  await expect(page.getByTestId('breaker')).toHaveAttribute('data-tripped', 'false');
  await expect(page.getByTestId('breaker-detail')).toContainText('0 of 5');

  // The kill switch cancels the working order and flattens the position, after confirmation.
  await fillTicket(page, { symbol, quantity, limit: cents(fake.price(symbol) * 0.96) });
  const killedId = await sendTicket(page);
  await expect(page.locator(`[data-testid="order-row"][data-order-id="${killedId}"]`)).toBeVisible();
  await page.getByTestId('kill-switch').click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByTestId('kill-flatten').check();
  await dialog.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('kill-report')).toContainText('Cancel sent for 1 of 1 open order.');
  await expect(page.getByTestId('kill-report')).toContainText(`Flatten: SELL ${quantity} ${symbol} at market sent`);
  await expect(page.getByTestId('order-row')).toHaveCount(0);
  await expect(position).toHaveCount(0);

  // The fake drops the connection: the panel shows the reconnection, then ready again.
  await recordConnectionStates(page);
  fake.faults.dropConnections();
  const seen = () => page.evaluate(() => (window as unknown as { connStates: string[] }).connStates);
  await expect.poll(seen, { timeout: 15_000 }).toContain('reconnecting');
  await expect(page.getByTestId('conn-state')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const states = await seen();
  expect(states.lastIndexOf('ready')).toBeGreaterThan(states.indexOf('reconnecting'));
});

test('LIVE needs the arming phrase, shows a banner on every screen and confirms each order', async ({ page, app }) => {
  const symbol = fake.symbols[1];
  await page.goto(at(app.url, '#/trading'));
  await page.getByTestId('arm-live').click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByTestId('arm-phrase').fill('trade with real money');
  await expect(dialog.getByTestId('confirm-ok')).toBeDisabled();
  await dialog.getByTestId('arm-phrase').fill('TRADE WITH REAL MONEY');
  await dialog.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('trading-mode')).toHaveText('LIVE');
  await expect(page.getByTestId('live-banner')).toBeVisible();
  await page.getByTestId('nav-backtests').click();
  await expect(page.getByTestId('live-banner')).toBeVisible();
  await page.getByTestId('nav-trading').click();

  await page.getByTestId('conn-preset').selectOption('custom');
  await page.getByTestId('conn-port').fill(String(fake.port));
  await page.getByTestId('conn-connect').click();
  await expect(page.getByTestId('conn-state')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const quantity = Math.max(1, Math.floor(2_000 / fake.price(symbol)));
  const limit = cents(fake.price(symbol) * 0.97);
  await fillTicket(page, { symbol, quantity, limit });
  await expect(page.getByTestId('check-result')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('ticket-quantity').press('Enter');
  // Nothing is sent until the trader confirms this order.
  await expect(dialog.getByTestId('live-confirm-what')).toHaveText(`BUY ${quantity} ${symbol} LIMIT ${limit} GTC`);
  await expect(page.getByTestId('order-row')).toHaveCount(0);
  await dialog.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('submit-outcome')).toHaveAttribute('data-accepted', 'true');
  await expect(page.locator(`[data-testid="order-row"][data-symbol="${symbol}"]`)).toHaveAttribute('data-status', 'SUBMITTED');
  expect((await app.api.call('trading.state', {})).openOrders.map((o) => o.instrument)).toEqual([symbol]);

  await page.getByTestId('disarm-live').click();
  await expect(page.getByTestId('trading-mode')).toHaveText('PAPER');
  await expect(page.getByTestId('live-banner')).toHaveCount(0);
  await expect(page.getByTestId('conn-state')).toHaveAttribute('data-state', 'disconnected');
});

/** A screenshot of one part of the screen, as a test artifact and as the README's picture of it. */
async function snapElement(page: Page, testId: string, name: string): Promise<void> {
  const png = await page.getByTestId(testId).screenshot({ path: test.info().outputPath(`${name}.png`) });
  const dir = path.resolve('docs/screenshots');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.png`), png);
}
