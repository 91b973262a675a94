import { brokerContractSuite } from '../broker/contractSuite';
import { dailySeries } from '../data/seriesFromBars';
import { testMarket } from './testMarket';

brokerContractSuite('BacktestBroker', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => [100 + i, 101 + i, 99 + i, 100.5 + i, 1_000_000]);
  const series = dailySeries('AAA', rows);
  const { tm, broker, step } = testMarket([series]);
  return {
    broker,
    instrument: 'AAA',
    lastPrice: () => series.close[Math.max(0, tm.sessionIndex)],
    async advance() {
      step();
    },
    async close() {},
  };
});
