export { startFakeAlpaca } from './server/fakeAlpacaServer';
export { DEMO_KEY_ID, DEMO_SECRET_KEY } from './types';
export type {
  FakeAlpaca,
  FakeAlpacaFaults,
  FakeAlpacaFillState,
  FakeAlpacaOptions,
  FakeAlpacaOrderState,
  FakeAlpacaPositionState,
  FakeAlpacaState,
} from './types';
