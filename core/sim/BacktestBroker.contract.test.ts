import { brokerContractSuite } from '../broker/contractSuite';
import { simulatorSchema } from '../config/simulatorSchema';
import { dailySeries } from '../data/seriesFromBars';
import { BacktestBroker } from './BacktestBroker';
import { TimeMachine } from './timeMachine';

brokerContractSuite('BacktestBroker', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => [100 + i, 101 + i, 99 + i, 100.5 + i, 1_000_000]);
  const series = dailySeries('AAA', rows);
  const tm = new TimeMachine([series], series.ts);
  const broker = new BacktestBroker({ tm, sim: simulatorSchema.parse({}), initialCash: 100_000, seed: 1 });
  tm.advanceTo(0);
  broker.endOfSession();
  return {
    broker,
    instrument: 'AAA',
    lastPrice: () => series.close[Math.max(0, tm.sessionIndex)],
    async advance() {
      tm.advanceTo(tm.sessionIndex + 1);
      broker.processBar();
      broker.endOfSession();
    },
    async close() {},
  };
});
