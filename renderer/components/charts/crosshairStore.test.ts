import type { MouseEventParams } from 'lightweight-charts';
import { beforeEach, describe, expect, it } from 'vitest';
import { publishCrosshair, useCrosshairStore } from './crosshairStore';

const pointer = { clientX: 1, clientY: 1, pageX: 1, pageY: 1, screenX: 1, screenY: 1, localX: 1, localY: 1, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false };

describe('crosshair store', () => {
  beforeEach(() => useCrosshairStore.setState({ group: null, source: null, time: null }));

  it('publishes the time under the user’s pointer for the chart’s group', () => {
    const param = { time: 1_577_923_200, sourceEvent: pointer } as MouseEventParams;
    publishCrosshair(param, 'price-1', 'run-a');
    expect(useCrosshairStore.getState()).toMatchObject({ group: 'run-a', source: 'price-1', time: 1_577_923_200 });
  });

  it('publishes a pointer leaving the chart as no time', () => {
    publishCrosshair({ time: 5, sourceEvent: pointer } as MouseEventParams, 'price-1', 'run-a');
    publishCrosshair({ sourceEvent: pointer } as MouseEventParams, 'price-1', 'run-a');
    expect(useCrosshairStore.getState().time).toBeNull();
  });

  it('ignores a crosshair another chart set (no source event) and a chart outside any group', () => {
    publishCrosshair({ time: 5 } as MouseEventParams, 'equity-1', 'run-a');
    publishCrosshair({ time: 6, sourceEvent: pointer } as MouseEventParams, 'data-1', undefined);
    expect(useCrosshairStore.getState()).toMatchObject({ group: null, source: null, time: null });
  });
});
