import { DEMO_KEY_ID, DEMO_SECRET_KEY, startFakeAlpaca, type FakeAlpaca } from '../core/fakeAlpaca';
import { expect, test } from './fixtures';
import { TradingPage } from './pages/TradingPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

let fake: FakeAlpaca;
const saved = { id: process.env.APCA_API_KEY_ID, secret: process.env.APCA_API_SECRET_KEY };

test.beforeAll(() => {
  // Web mode takes Alpaca keys from its environment only: the engine the fixture starts inherits these.
  process.env.APCA_API_KEY_ID = DEMO_KEY_ID;
  process.env.APCA_API_SECRET_KEY = DEMO_SECRET_KEY;
});
test.afterAll(() => {
  for (const [name, value] of [
    ['APCA_API_KEY_ID', saved.id],
    ['APCA_API_SECRET_KEY', saved.secret],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
test.beforeEach(async () => {
  // The seeded synthetic market, moving only when the test steps it.
  fake = await startFakeAlpaca({});
});
test.afterEach(async () => {
  await fake.close();
});

const cents = (v: number): number => Math.round(v * 100) / 100;
const shown = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 0 });

test('Alpaca paper against the fake Alpaca: connect, place and cancel by hand, see the position and the fill', async ({ page, app }) => {
  const symbol = fake.symbols[0];
  const trading = new TradingPage(page, app.url);
  const ticket = trading.ticket;
  await trading.open();
  await page.getByTestId('conn-preset').selectOption('alpaca_paper');
  await expect(page.getByTestId('conn-keys')).toContainText('from the environment');

  await trading.connectAlpaca({ tradingUrl: fake.tradingBaseUrl, dataUrl: fake.dataBaseUrl });
  await expect(trading.connState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(trading.connTarget).toHaveText(`Alpaca ${new URL(fake.tradingBaseUrl).host} · keys from the environment`);
  await expect(trading.netLiquidation).toContainText('100,000');

  // A limit order below the market is accepted by Alpaca and works in the blotter; the trader cancels it.
  const price = fake.price(symbol);
  const quantity = Math.max(1, Math.floor(2_000 / price));
  await ticket.fill({ symbol, quantity, limit: cents(price * 0.97) });
  await expect(ticket.quoteLast).not.toHaveText('—');
  const restingId = await ticket.send();
  const resting = trading.orderRow(restingId);
  await expect(resting).toHaveAttribute('data-status', 'ACCEPTED');
  await resting.getByTestId('order-cancel').click();
  await expect(resting).toHaveCount(0);
  await expect(trading.doneOrderRow(restingId)).toHaveAttribute('data-status', 'CANCELLED');
  expect(fake.state().orders.map((o) => o.status)).toEqual(['canceled']);

  // A market order fills at the next bar: the position and the execution show.
  await ticket.fill({ symbol, quantity, type: 'MARKET', tif: 'DAY' });
  const boughtId = await ticket.send();
  fake.step();
  await expect(trading.doneOrderRow(boughtId)).toHaveAttribute('data-status', 'FILLED');
  await expect(trading.position(symbol).getByTestId('position-qty')).toHaveText(shown(quantity));
  await expect(trading.execution(boughtId)).toBeVisible();
  expect(fake.state().positions).toEqual([expect.objectContaining({ symbol, qty: quantity })]);
  await snap(page, 'trading-alpaca');

  await page.getByTestId('conn-disconnect').click();
  await expect(trading.connState).toHaveAttribute('data-state', 'disconnected');
});
