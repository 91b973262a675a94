import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { TradingStateDto } from '../../../core/ipc/contract/trading';
import { useApi } from '../../api/ApiProvider';
import { useConnectionStore } from '../../stores/connectionStore';
import { subscriptionChanges } from './quoteSubscriptions';
import { applyTradingEvent } from './tradingCache';
import { tradingKeys } from './tradingQueries';

/**
 * Subscribes the engine to the quotes of `symbols` while the trading screen shows them, and drops
 * those no longer shown. The engine keeps subscriptions across broker reconnects; after the engine
 * itself was unreachable they are made again.
 */
export function useQuoteSubscriptions(symbols: readonly string[]): void {
  const api = useApi();
  const qc = useQueryClient();
  const engineOpen = useConnectionStore((s) => s.state === 'open');
  const watched = useRef(new Set<string>());
  const key = symbols.join('\n');

  useEffect(() => {
    if (!engineOpen) {
      watched.current.clear();
      return;
    }
    const { add, drop } = subscriptionChanges(watched.current, key === '' ? [] : key.split('\n'));
    for (const symbol of drop) {
      watched.current.delete(symbol);
      api.call('trading.quote', { symbol, action: 'unsubscribe' }).catch(() => undefined);
    }
    for (const symbol of add) {
      watched.current.add(symbol);
      api
        .call('trading.quote', { symbol, action: 'subscribe' })
        .then((quote) => {
          if (quote) qc.setQueryData<TradingStateDto>(tradingKeys.state, (s) => (s ? applyTradingEvent(s, 'trading.quote', quote).state : s));
        })
        // A symbol the engine refuses is shown refused by the ticket's own check; forget it so a retry may subscribe.
        .catch(() => watched.current.delete(symbol));
    }
  }, [api, qc, key, engineOpen]);

  useEffect(() => {
    const set = watched.current;
    return () => {
      for (const symbol of set) api.call('trading.quote', { symbol, action: 'unsubscribe' }).catch(() => undefined);
      set.clear();
    };
  }, [api]);
}
