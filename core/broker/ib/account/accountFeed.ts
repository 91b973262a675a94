import type { EventHub, IbEvents } from '../connection/eventHub';
import type { AccountBook } from './accountBook';

/**
 * Feeds the account book from TWS's account values, positions and portfolio lines of the account in
 * use, and calls `changed` once per burst of changes (TWS sends dozens of values at a time).
 */
export function feedAccount(hub: EventHub<IbEvents>, book: AccountBook, account: () => string | null, changed: () => void): () => void {
  let queued = false;
  const touched = (): void => {
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      changed();
    });
  };
  const mine = (a: string | undefined) => a === undefined || a === '' || a === account();
  hub.on('accountValue', (v) => {
    if (mine(v.account) && book.setValue(v)) touched();
  });
  hub.on('position', (p) => {
    if (mine(p.account) && book.setPosition(p)) touched();
  });
  hub.on('portfolio', (p) => {
    if (mine(p.accountName) && book.setPortfolio(p)) touched();
  });
  return touched;
}
