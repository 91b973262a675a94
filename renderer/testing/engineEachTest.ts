import { cleanup } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import type { Handlers } from '../../core/ipc/contract';
import { createFakeEngine, type FakeEngine } from './fakeEngine';

/**
 * For a describe block whose tests each start a fake engine: returns the starter, and after each test
 * unmounts what it rendered and checks that every call kept the contract and had a handler.
 */
export function fakeEngineEachTest(): (handlers: Partial<Handlers>) => FakeEngine {
  let engine: FakeEngine | undefined;
  afterEach(() => {
    cleanup();
    expect(engine?.contractErrors).toEqual([]);
    expect(engine?.unserved).toEqual([]);
    engine = undefined;
  });
  return (handlers) => (engine = createFakeEngine(handlers));
}
