import { afterEach, describe, expect, it } from 'vitest';
import { DIP_BAR, settled, START_BAR, startRig, type IbRig } from '../../broker/ib/testing/ibRig';
import { dailySeries } from '../../data/seriesFromBars';
import { TimeMachine } from '../../sim/timeMachine';
import { Kernel } from '../kernel/kernel';
import { AlgoEngine } from './algoEngine';

let rig: IbRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('an execution algorithm through IB', () => {
  it('slices a TWAP parent into IOC children that the IB adapter sends over the socket, and reports its execution', async () => {
    rig = await startRig();
    // The rig's AAA bars as the engine knows them: the same stamps, one a day from 2020-01-01.
    const series = dailySeries('AAA', Array.from({ length: 60 }, (_, i) => (i === DIP_BAR ? [100, 100, 90, 100] : [100, 101, 99, 100])));
    const tm = new TimeMachine([series], series.ts);
    tm.advanceTo(START_BAR);
    const kernel = new Kernel({ broker: rig.broker, venue: null, clock: () => tm.asOf, risk: null });
    const algos = new AlgoEngine(kernel, tm.view, () => tm.asOf);
    const ack = algos.submit({ kind: 'TWAP', instrument: 'AAA', side: 'BUY', quantity: 40, start: series.ts[START_BAR + 1], end: series.ts[START_BAR + 5] });
    expect(ack.accepted).toBe(true);
    for (let k = 1; k <= 4; k++) {
      rig.tws.step(1);
      tm.advanceTo(START_BAR + k);
      algos.onBarOpen();
      await settled(rig);
      algos.onBarClose();
    }
    expect(algos.report(ack.algoId)).toMatchObject({
      status: 'COMPLETED',
      filledQuantity: 40,
      avgFillPrice: 100,
      arrivalPrice: 100,
      shortfallBps: 0,
      completionPct: 100,
      childOrders: 4,
    });
    const fills = rig.broker.getFills();
    expect(fills.map((f) => f.quantity)).toEqual([10, 10, 10, 10]);
    expect(rig.broker.getPositions().find((p) => p.instrument === 'AAA')?.quantity).toBe(40);
  });
});
