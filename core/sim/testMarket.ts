import { simulatorSchema, type SimulatorConfig } from '../config/simulatorSchema';
import type { BarSeries } from '../data/BarSeries';
import { BacktestBroker } from './BacktestBroker';
import { TimeMachine } from './timeMachine';

export interface TestMarketOptions {
  /** Simulator settings as a spec writes them; defaults for the rest. */
  sim?: Partial<Record<keyof SimulatorConfig, unknown>>;
  initialCash?: number;
  seed?: number;
}

export interface TestMarket {
  tm: TimeMachine;
  broker: BacktestBroker;
  /** Moves to the next session: working orders meet its bars, then it closes, as the runner does. */
  step(): void;
}

/** For tests: the simulator on `series` (the first one's sessions), at the close of its first session. */
export function testMarket(series: readonly BarSeries[], opts: TestMarketOptions = {}): TestMarket {
  const tm = new TimeMachine(series, series[0].ts);
  const broker = new BacktestBroker({ tm, sim: simulatorSchema.parse(opts.sim ?? {}), initialCash: opts.initialCash ?? 100_000, seed: opts.seed ?? 1 });
  tm.advanceTo(0);
  broker.endOfSession();
  return {
    tm,
    broker,
    step() {
      tm.advanceTo(tm.sessionIndex + 1);
      broker.processBar();
      broker.endOfSession();
    },
  };
}
