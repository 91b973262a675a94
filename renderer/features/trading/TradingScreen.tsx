import { useCallback, useMemo, useState } from 'react';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useDebounced } from '../../components/common/useDebounced';
import { AccountStrip } from './AccountStrip';
import { ConnectionPanel } from './ConnectionPanel';
import { ExecutionPanel } from './ExecutionPanel';
import { ExecutionsTable } from './ExecutionsTable';
import type { LiveGuard } from './liveGuard';
import { LiveOrderConfirm, type PendingLiveOrder } from './LiveOrderConfirm';
import { MessageLog } from './MessageLog';
import { ModeControl } from './ModeControl';
import { OrdersBlotter } from './OrdersBlotter';
import { OrderTicket } from './OrderTicket';
import { PositionsTable } from './PositionsTable';
import { wantedQuotes } from './quoteSubscriptions';
import { ReconciliationPanel } from './ReconciliationPanel';
import { RiskPanel } from './RiskPanel';
import { readTicket } from './ticketModel';
import { useTicketStore } from './ticketStore';
import { checkContext, useTradingState } from './tradingQueries';
import { useQuoteSubscriptions } from './useQuoteSubscriptions';
import './trading.css';

/** Quotes follow the ticket's symbol once typing pauses this long. */
const QUOTE_DEBOUNCE_MS = 400;

/** Manual trading through the broker: connection, account, positions, orders, executions, ticket, risk and mode. */
export function TradingScreen() {
  const q = useTradingState();
  const s = q.data;
  const draft = useTicketStore((t) => t.draft);
  const update = useTicketStore((t) => t.update);
  const ticketSymbol = readTicket(draft).issues.symbol ? null : draft.symbol.trim().toUpperCase();
  const quoteSymbol = useDebounced(ticketSymbol, QUOTE_DEBOUNCE_MS);
  const positions = s?.positions;
  const wanted = useMemo(() => wantedQuotes(quoteSymbol, positions ?? []), [quoteSymbol, positions]);
  useQuoteSubscriptions(wanted);

  const [pending, setPending] = useState<PendingLiveOrder | null>(null);
  const liveArmed = s?.liveArmed ?? false;
  const guard = useCallback<LiveGuard>((what, send) => (liveArmed ? setPending({ what, send }) : send(false)), [liveArmed]);

  if (!s) {
    return (
      <div>
        <div className="screen-head">
          <h1>Trading</h1>
        </div>
        <ErrorNote error={q.error} what="The trading state could not be loaded" />
        {!q.error && <p className="muted">Loading…</p>}
      </div>
    );
  }
  const connected = s.connection.state !== 'disconnected';
  return (
    <div className="trading" data-testid="trading">
      <div className="screen-head">
        <h1>Trading</h1>
        <ModeControl mode={s} connected={connected} />
      </div>
      <AccountStrip account={s.account} />
      <div className="trading__grid">
        <div className="trading__side">
          <ConnectionPanel connection={s.connection} alpacaKeys={s.alpacaKeys} />
          <OrderTicket quotes={s.quotes} checkContext={checkContext(s, ticketSymbol)} guard={guard} />
          <RiskPanel risk={s.risk} lastKillSwitch={s.lastKillSwitch} connected={connected} />
        </div>
        <div className="trading__main">
          <ReconciliationPanel unknownOrders={s.unknownOrders} differences={s.reconciliation} />
          <PositionsTable positions={s.positions} onPick={(symbol) => update({ symbol })} />
          <OrdersBlotter orders={s.openOrders} guard={guard} />
          <ExecutionsTable executions={s.executions} />
          <ExecutionPanel mode={s.mode} />
          <MessageLog entries={s.log} />
        </div>
      </div>
      <LiveOrderConfirm pending={pending} onClose={() => setPending(null)} />
    </div>
  );
}
