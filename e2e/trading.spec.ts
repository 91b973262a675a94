import { startFakeTws, type FakeTws } from '../core/fakeTws';
import { expect, test } from './fixtures';
import { TradingPage } from './pages/TradingPage';
import { SCREEN_VIEWPORT, snap } from './screens';

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

/** Steps the fake's market a bar at a time until `done` (at most `max` bars). */
function stepUntil(done: () => boolean, max = 500): void {
  for (let i = 0; i < max && !done(); i++) fake.step();
  expect(done(), `not reached within ${max} bars`).toBe(true);
}

test('PAPER trading against the fake TWS: connect, fill, cancel, risk, breaker, kill switch, reconnect', async ({ page, app }) => {
  const symbol = fake.symbols[0];
  const trading = new TradingPage(page, app.url);
  const ticket = trading.ticket;
  await trading.open();
  await expect(trading.mode).toHaveText('PAPER');
  await expect(trading.connState).toHaveAttribute('data-state', 'disconnected');

  // Connect through the panel to the fake's ephemeral port.
  await trading.connect({ host: '127.0.0.1', port: fake.port, clientId: 7 });
  await expect(trading.connState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(trading.connTarget).toHaveText(`127.0.0.1:${fake.port} · client 7`);
  await expect(trading.netLiquidation).toContainText('1,000,000');
  await expect(trading.logRows.first()).toBeVisible();

  // A limit order below the market works in the blotter.
  const price = fake.price(symbol);
  const quantity = Math.max(1, Math.floor(5_000 / price));
  const limit = cents(price * 0.99);
  await ticket.fill({ symbol, quantity, limit });
  await expect(ticket.quoteLast).not.toHaveText('—');
  const filledId = await ticket.send();
  const working = trading.orderRow(filledId);
  // Sent, then accepted once TWS acknowledges it.
  await expect(working).toHaveAttribute('data-status', 'ACCEPTED');
  await expect(working.getByTestId('order-status')).toHaveText('accepted');
  await expect(working).toContainText(shown(limit, 2));

  // The fake's market comes down to it: the order fills, the position and the execution show.
  stepUntil(() => fake.snapshot().executions.length > 0);
  await expect(working).toHaveCount(0);
  const position = trading.position(symbol);
  await expect(position.getByTestId('position-qty')).toHaveText(shown(quantity));
  const execution = trading.execution(filledId);
  await expect(execution).toBeVisible();
  await expect(execution.getByTestId('execution-commission')).toHaveText(/[1-9]/);
  await expect(trading.doneOrderRow(filledId)).toHaveAttribute('data-status', 'FILLED');

  // Another order far enough below the market to wait, cancelled from the blotter.
  await ticket.fill({ symbol, quantity, limit: cents(fake.price(symbol) * 0.96) });
  const cancelId = await ticket.send();
  const toCancel = trading.orderRow(cancelId);
  await expect(toCancel).toHaveAttribute('data-status', 'ACCEPTED');
  await toCancel.getByTestId('order-cancel').click();
  await expect(toCancel).toHaveCount(0);
  await expect(trading.doneOrderRow(cancelId)).toHaveAttribute('data-status', 'CANCELLED');
  await snap(page, 'trading');

  // The ticket shows the risk checks' refusal, with each failed check's reason, before anything is sent.
  await ticket.fill({ symbol, quantity: 1_000_000, type: 'MARKET' });
  await expect(ticket.checkResult).toHaveAttribute('data-ok', 'false');
  await expect(ticket.checkItem('max_quantity')).toHaveAttribute('data-status', 'fail');
  await expect(ticket.checkItem('order_notional')).toContainText('max_order_size_usd');
  await expect(ticket.submit).toBeDisabled();
  await ticket.pressEnter();
  await expect(ticket.outcome).toHaveCount(0);
  await expect(trading.orderRows).toHaveCount(0);
  await snap(ticket.root, 'trading-ticket');

  // Orders the checks refuse (sent by another client of the engine) trip the circuit breaker; the trader resets it.
  for (let i = 0; i < 5; i++) {
    const refused = await app.api.call('trading.submitOrder', { instrument: symbol, side: 'BUY', type: 'MARKET', quantity: 1_000_000 });
    expect(refused.accepted).toBe(false);
  }
  await expect(trading.breaker).toHaveAttribute('data-tripped', 'true');
  await expect(trading.breakerDetail).toContainText('5 rejections');
  await expect(ticket.checkBlockers).toContainText('circuit breaker');
  await trading.breakerReset.click();
  await expect(trading.breaker).toHaveAttribute('data-tripped', 'false');
  await expect(trading.breakerDetail).toContainText('0 of 5');

  // The kill switch cancels the working order and flattens the position, after confirmation.
  await ticket.fill({ symbol, quantity, limit: cents(fake.price(symbol) * 0.96) });
  const killedId = await ticket.send();
  await expect(trading.orderRow(killedId)).toHaveAttribute('data-status', 'ACCEPTED');
  await trading.killSwitch.click();
  const dialog = trading.dialog;
  await dialog.getByTestId('kill-flatten').check();
  await dialog.getByTestId('confirm-ok').click();
  await expect(trading.killReport).toContainText('1 open order: 1 cancel confirmed by the broker.');
  await trading.killReport.getByText('Per order (1)').click();
  await expect(trading.killReport.getByTestId('kill-order')).toHaveAttribute('data-outcome', 'confirmed');
  await expect(trading.killReport).toContainText(`Flatten: SELL ${quantity} ${symbol} at market sent`);
  await expect(trading.orderRows).toHaveCount(0);
  await expect(position).toHaveCount(0);

  // The fake drops the connection: the panel shows the reconnection, then ready again.
  await trading.recordConnectionStates();
  fake.faults.dropConnections();
  const seen = () => trading.connectionStatesSeen();
  await expect.poll(seen, { timeout: 15_000 }).toContain('reconnecting');
  await expect(trading.connState).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const states = await seen();
  expect(states.lastIndexOf('ready')).toBeGreaterThan(states.indexOf('reconnecting'));
});

test('a bracket from the ticket against the fake TWS: exits held until the entry fills, then working with their links; one cancelled', async ({ page, app }) => {
  const symbol = fake.symbols[2];
  const trading = new TradingPage(page, app.url);
  const ticket = trading.ticket;
  await trading.open();
  await trading.connect({ port: fake.port });
  await expect(trading.connState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });

  // A limit entry below the market, a take-profit above it and a stop-loss under the entry, all within the price band.
  const price = fake.price(symbol);
  const quantity = Math.max(1, Math.floor(5_000 / price));
  await ticket.fill({ symbol, quantity, limit: cents(price * 0.99) });
  await ticket.attachBracket({ takeProfit: cents(price * 1.04), stopLoss: cents(price * 0.955) });
  for (const role of ['ENTRY', 'TAKE_PROFIT', 'STOP_LOSS']) await expect(ticket.checkMember(role)).toHaveAttribute('data-passed', 'true');
  const ids = await ticket.sendBracket();

  // TWS holds the exits until the entry fills: they show as sent, waiting for it.
  await expect(trading.orderRow(ids.ENTRY)).toHaveAttribute('data-status', 'ACCEPTED');
  await expect(trading.orderLink(ids.ENTRY)).toHaveText('bracket entry');
  for (const [id, role] of [[ids.TAKE_PROFIT, 'take-profit'], [ids.STOP_LOSS, 'stop-loss']]) {
    await expect(trading.orderRow(id)).toHaveAttribute('data-status', 'SUBMITTED');
    await expect(trading.orderRow(id).getByTestId('order-status')).toHaveText('waiting for entry');
    await expect(trading.orderLink(id)).toHaveAttribute('data-parent-id', ids.ENTRY);
    await expect(trading.orderLink(id)).toContainText(`${role} of `);
  }

  // The market comes down to the entry: it fills, and both exits work for its quantity, still linked to it.
  stepUntil(() => fake.snapshot().executions.length > 0);
  await expect(trading.orderRow(ids.ENTRY)).toHaveCount(0);
  await expect(trading.doneOrderRow(ids.ENTRY)).toHaveAttribute('data-status', 'FILLED');
  await expect(trading.position(symbol).getByTestId('position-qty')).toHaveText(shown(quantity));
  for (const [id, role] of [[ids.TAKE_PROFIT, 'take-profit'], [ids.STOP_LOSS, 'stop-loss']]) {
    await expect(trading.orderRow(id)).toHaveAttribute('data-status', 'ACCEPTED');
    await expect(trading.orderRow(id).getByTestId('order-status')).toHaveText('accepted');
    await expect(trading.orderLink(id)).toHaveAttribute('data-parent-id', ids.ENTRY);
    await expect(trading.orderLink(id)).toContainText(`${role} of `);
  }

  // Cancelling the take-profit leaves the stop-loss protecting the position.
  await trading.orderRow(ids.TAKE_PROFIT).getByTestId('order-cancel').click();
  await expect(trading.orderRow(ids.TAKE_PROFIT)).toHaveCount(0);
  await expect(trading.doneOrderRow(ids.TAKE_PROFIT)).toHaveAttribute('data-status', 'CANCELLED');
  await expect(trading.orderRow(ids.STOP_LOSS)).toHaveAttribute('data-status', 'ACCEPTED');
  // At TWS: the entry filled, the take-profit cancelled, the stop-loss waiting for its trigger (as TWS shows a stop).
  const atTws = fake.snapshot().orders.filter((o) => o.symbol === symbol);
  expect(atTws.map((o) => o.status)).toEqual(['Filled', 'Cancelled', 'PreSubmitted']);
});

test('LIVE needs the arming phrase, shows a banner on every screen and confirms each order', async ({ page, app }) => {
  const symbol = fake.symbols[1];
  const trading = new TradingPage(page, app.url);
  const ticket = trading.ticket;
  await trading.open();
  await trading.armLive.click();
  const dialog = trading.dialog;
  await dialog.getByTestId('arm-phrase').fill('trade with real money');
  await expect(dialog.getByTestId('confirm-ok')).toBeDisabled();
  await dialog.getByTestId('arm-phrase').fill('TRADE WITH REAL MONEY');
  await dialog.getByTestId('confirm-ok').click();
  await expect(trading.mode).toHaveText('LIVE');
  await expect(trading.liveBanner).toBeVisible();
  await trading.nav('backtests');
  await expect(trading.liveBanner).toBeVisible();
  await trading.nav('trading');

  await trading.connect({ port: fake.port });
  await expect(trading.connState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const quantity = Math.max(1, Math.floor(2_000 / fake.price(symbol)));
  const limit = cents(fake.price(symbol) * 0.97);
  await ticket.fill({ symbol, quantity, limit });
  await expect(ticket.checkResult).toHaveAttribute('data-ok', 'true');
  await ticket.pressEnter();
  // Nothing is sent until the trader confirms this order.
  await expect(dialog.getByTestId('live-confirm-what')).toHaveText(`BUY ${quantity} ${symbol} LIMIT ${limit} GTC`);
  await expect(trading.orderRows).toHaveCount(0);
  await dialog.getByTestId('confirm-ok').click();
  await expect(ticket.outcome).toHaveAttribute('data-accepted', 'true');
  await expect(trading.orderRowOf(symbol)).toHaveAttribute('data-status', 'ACCEPTED');
  expect((await app.api.call('trading.state', {})).openOrders.map((o) => o.instrument)).toEqual([symbol]);

  await trading.disarmLive.click();
  await expect(trading.mode).toHaveText('PAPER');
  await expect(trading.liveBanner).toHaveCount(0);
  await expect(trading.connState).toHaveAttribute('data-state', 'disconnected');
});
