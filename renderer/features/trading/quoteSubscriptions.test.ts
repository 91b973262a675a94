import { describe, expect, it } from 'vitest';
import { subscriptionChanges, wantedQuotes } from './quoteSubscriptions';

describe('quote subscriptions', () => {
  it('wants the ticket symbol and every position, once each', () => {
    expect(wantedQuotes('MSFT', [{ instrument: 'AAPL' }, { instrument: 'MSFT' }])).toEqual(['AAPL', 'MSFT']);
    expect(wantedQuotes(null, [])).toEqual([]);
  });

  it('subscribes what is new and drops what is no longer wanted', () => {
    expect(subscriptionChanges(new Set(['AAPL', 'GOOG']), ['AAPL', 'MSFT'])).toEqual({ add: ['MSFT'], drop: ['GOOG'] });
    expect(subscriptionChanges(new Set(), [])).toEqual({ add: [], drop: [] });
  });
});
