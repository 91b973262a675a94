import { describe, expect, it } from 'vitest';
import { OrphanUpdates } from './orphanUpdates';
import { tradeUpdateSchema } from './schemas';

const frame = (id: string, event = 'new') =>
  tradeUpdateSchema.parse({ event, order: { id, client_order_id: `c-${id}`, symbol: 'AAA', side: 'sell', type: 'limit', time_in_force: 'gtc', status: 'new', qty: '1', filled_qty: '0' } });

describe('OrphanUpdates', () => {
  it('gives back the frames of orders now known, oldest first, once', () => {
    const o = new OrphanUpdates();
    o.keep(frame('L1'));
    o.keep(frame('X'));
    o.keep(frame('L1', 'canceled'));
    const known = (u: { order: { id: string } }) => u.order.id === 'L1';
    expect(o.takeKnown(known).map((u) => u.event)).toEqual(['new', 'canceled']);
    expect(o.takeKnown(known)).toEqual([]);
    expect(o.takeKnown(() => true).map((u) => u.order.id)).toEqual(['X']);
  });

  it('keeps only the latest frames', () => {
    const o = new OrphanUpdates(2);
    for (const id of ['a', 'b', 'c']) o.keep(frame(id));
    expect(o.takeKnown(() => true).map((u) => u.order.id)).toEqual(['b', 'c']);
  });
});
