import path from 'node:path';
import { loadBarsCsv } from '../core/data/csv/loadBarsCsv';
import { startFakeTws, type FakeTws } from '../core/fakeTws';
import { expect, test } from './fixtures';
import { DataPage } from './pages/DataPage';
import { SCREEN_VIEWPORT, snap } from './screens';

test.use({ viewport: SCREEN_VIEWPORT });

const GOOG = path.resolve('fixtures/data/GOOG.csv');

let tws: FakeTws;
test.beforeEach(async () => {
  tws = await startFakeTws({ series: [loadBarsCsv(GOOG, { symbol: 'GOOG' })], startBar: 2147 });
});
test.afterEach(async () => {
  await tws.close();
});

test('downloading history over a stored series asks first, shows what would change, and keeps both or replaces as told', async ({ page, app }) => {
  const data = new DataPage(page, app.url);
  await data.open();
  expect(await app.api.call('trading.connect', { preset: 'custom', host: '127.0.0.1', port: tws.port })).toMatchObject({ state: 'ready' });
  const form = data.history;
  await expect(form.getByTestId('history-connection')).toHaveText('connected');
  const download = async (years: number): Promise<void> => {
    await form.getByTestId('history-symbol').fill('GOOG');
    await form.getByTestId('history-years').fill(String(years));
    await form.getByTestId('history-submit').click();
  };
  const stored = async () => (await app.api.call('data.series', {})).filter((s) => s.symbol.startsWith('GOOG')).map((s) => [s.symbol, s.bars]);

  // A first download stores the series at once: nothing to replace.
  await download(2);
  await expect(form.getByTestId('history-done')).toContainText('Downloaded GOOG');
  const first = await stored();
  expect(first).toHaveLength(1);

  // A longer one over it writes nothing yet: it shows what replacing would add, and asks.
  await download(4);
  const decision = form.getByTestId('history-decision');
  await expect(decision).toBeVisible();
  await expect(form.getByTestId('history-added')).toHaveText(/^[1-9][\d,]* bars added$/);
  await expect(form.getByTestId('history-removed')).toHaveText(/^0 stored bars removed/);
  expect(await stored()).toEqual(first);
  await snap(form, 'data-history-decision');
  await form.getByTestId('history-keep-both').click();
  await expect(form.getByTestId('history-done')).toContainText('Downloaded GOOG:IB');
  const both = await stored();
  expect(both.map(([s]) => s).sort()).toEqual(['GOOG', 'GOOG:IB']);
  expect(both.find(([s]) => s === 'GOOG')).toEqual(first[0]);

  // Again, and this time replace: the stored GOOG takes the download; cancel leaves the store alone.
  await download(4);
  await expect(decision).toBeVisible();
  await form.getByTestId('history-replace').click();
  await expect(form.getByTestId('history-done')).toContainText('Downloaded GOOG');
  await expect(form.getByTestId('history-done')).not.toContainText('GOOG:IB');
  const replaced = (await stored()).find(([s]) => s === 'GOOG');
  expect(replaced?.[1]).toBe(both.find(([s]) => s === 'GOOG:IB')?.[1]);
  await download(1);
  await expect(decision).toBeVisible();
  await form.getByTestId('history-cancel').click();
  await expect(form.getByTestId('history-cancelled')).toBeVisible();
  expect((await stored()).find(([s]) => s === 'GOOG')).toEqual(replaced);

  await app.api.call('trading.disconnect', {});
});
