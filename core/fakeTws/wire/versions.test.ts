import { describe, expect, it } from 'vitest';
import { hasRfqFields, negotiateVersion } from './versions';

describe('negotiateVersion', () => {
  it('answers the highest version both sides speak', () => {
    expect(negotiateVersion(100, 193)).toBe(193);
    expect(negotiateVersion(157, 178)).toBe(178); // ib_insync / ib_async
    expect(negotiateVersion(100, 176)).toBe(176); // IB's client 10.19
    expect(negotiateVersion(100, 213)).toBe(193); // newer IB clients
    expect(negotiateVersion(193, 193)).toBe(193);
  });

  it('says why a client outside 176..193 cannot be served', () => {
    expect(negotiateVersion(100, 175)).toBe("the client's highest version 175 is below 176, the oldest the fake TWS speaks");
    expect(negotiateVersion(194, 213)).toBe("the client's lowest version 194 is above 193, the newest the fake TWS speaks");
  });
});

describe('hasRfqFields', () => {
  it('holds for 187..189 only', () => {
    expect([186, 187, 188, 189, 190, 193].map(hasRfqFields)).toEqual([false, true, true, true, false, false]);
  });
});
