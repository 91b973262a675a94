import { afterEach, describe, expect, it } from 'vitest';
import { setLogSink, type LogFields, type LogLevel } from '../../log/log';
import { logIbActivity } from './ibActivityLog';
import { settled, startRig, type IbRig } from './testing/ibRig';

let rig: IbRig | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await rig?.close();
  rig = undefined;
});

interface Line {
  level: LogLevel;
  component: string;
  msg: string;
  fields: LogFields | undefined;
}

describe('logIbActivity', () => {
  it('writes connection states, TWS messages with their codes and order events into the engine log', async () => {
    const lines: Line[] = [];
    restore = setLogSink((level, component, msg, fields) => lines.push({ level, component, msg, fields }));
    rig = await startRig({ connect: false });
    logIbActivity(rig.broker);
    await rig.broker.connect({ host: '127.0.0.1', port: rig.tws.port, clientId: rig.clientId });
    await rig.broker.qualifyInstrument('AAA');
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    await settled(rig);
    const msgs = lines.map((l) => l.msg);
    expect(lines.every((l) => l.component === 'ib')).toBe(true);
    // Each state change once, with its reason; farm notices that repeat the state add no line.
    expect(msgs.filter((m) => m.startsWith('connection '))).toEqual([
      `connection connecting: connecting to 127.0.0.1:${rig.tws.port} as client ${rig.clientId}`,
      'connection connecting: waiting for nextValidId and managedAccounts',
      'connection connecting: reconciling orders, positions and executions',
      'connection ready',
    ]);
    // The farm notice TWS sends at every connect, with its code as a field.
    expect(lines.find((l) => l.fields?.code === 2104)?.level).toBe('info');
    expect(msgs).toContain('order accepted: BUY 10 AAA MARKET');
    expect(lines.find((l) => l.msg === 'order filled: 10 AAA at 100')?.fields).toMatchObject({ orderId: ack.orderId, commission: 1 });
  });
});
