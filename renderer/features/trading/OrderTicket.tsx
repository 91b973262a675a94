import { useState, type KeyboardEvent } from 'react';
import type { QuoteDto, SubmitResultDto } from '../../../core/ipc/contract/trading';
import { ErrorNote } from '../../components/common/ErrorNote';
import { CheckResult } from './CheckResult';
import type { LiveGuard } from './liveGuard';
import { Panel } from './Panel';
import { QuoteLine } from './QuoteLine';
import { useTicketStore } from './ticketStore';
import {
  describeTicket,
  needsLimit,
  needsStop,
  ORDER_TYPE_OPTIONS,
  readTicket,
  TICKET_KEYS_HELP,
  TIF_LABELS,
  TIF_OPTIONS,
  TYPE_LABELS,
  ticketKeyAction,
  type KeyTarget,
  type OrderType,
  type Side,
  type TimeInForce,
} from './ticketModel';
import { fmtQty } from './tradingFormat';
import { useOrderCheck, useSubmitOrder } from './tradingQueries';

interface Props {
  quotes: readonly QuoteDto[];
  /** What the check depends on besides the ticket (see checkContext). */
  checkContext: string;
  guard: LiveGuard;
}

function keyTarget(el: EventTarget): KeyTarget {
  if (el instanceof HTMLButtonElement) return 'button';
  return el instanceof HTMLElement && el.dataset.kind === 'text' ? 'text' : 'field';
}

/** Symbol, side, quantity, type, the prices the type needs, time in force; the risk verdict shows before sending. */
export function OrderTicket({ quotes, checkContext, guard }: Props) {
  const { draft, update, clear } = useTicketStore();
  const submit = useSubmitOrder();
  // The last send's answer belongs to the ticket it sent: editing the ticket hides it.
  const [sentTicket, setSentTicket] = useState<string | null>(null);
  const { ticket, issues } = readTicket(draft);
  const check = useOrderCheck(ticket, checkContext);
  const symbol = issues.symbol ? null : draft.symbol.trim().toUpperCase();
  const quote = quotes.find((q) => q.symbol === symbol);
  const sendable = ticket !== null && check.result?.ok === true && !submit.isPending;
  const showSent = sentTicket !== null && sentTicket === JSON.stringify(ticket);

  const send = (): void => {
    if (!sendable || !ticket) return;
    guard(describeTicket(ticket), (confirm) => {
      setSentTicket(JSON.stringify(ticket));
      submit.mutate({ ...ticket, confirm });
    });
  };
  const onKey = (e: KeyboardEvent<HTMLFormElement>): void => {
    const action = ticketKeyAction(e.key, keyTarget(e.target), e.ctrlKey || e.metaKey || e.altKey);
    if (!action) return;
    e.preventDefault();
    if (action === 'submit') send();
    else if (action === 'clear') {
      clear();
      setSentTicket(null);
      submit.reset();
    } else update({ side: action === 'buy' ? 'BUY' : 'SELL' });
  };
  const pickPrice = (price: number): void => update(needsLimit(draft.type) ? { limitPrice: String(price) } : { stopPrice: String(price) });
  // An empty field is not an error yet: the check area says what is missing.
  const symbolIssue = draft.symbol === '' ? null : (issues.symbol ?? null);

  return (
    <Panel
      title="Order ticket"
      testId="ticket"
      actions={
        <span className="ticket__keys" title={TICKET_KEYS_HELP} aria-label={`Keyboard: ${TICKET_KEYS_HELP}`} data-testid="ticket-keys">
          ⌨ keys
        </span>
      }
    >
      <form
        className="ticket__form"
        data-side={draft.side}
        onKeyDown={onKey}
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <div className="ticket__sides" role="group" aria-label="Side">
          {(['BUY', 'SELL'] as Side[]).map((side) => (
            <button
              key={side}
              type="button"
              className={`btn ticket__side ticket__side--${side.toLowerCase()}`}
              aria-pressed={draft.side === side}
              data-testid={`ticket-side-${side.toLowerCase()}`}
              onClick={() => update({ side })}
            >
              {side === 'BUY' ? 'Buy (B)' : 'Sell (S)'}
            </button>
          ))}
        </div>
        <label className="field">
          <span className="field__label">Symbol</span>
          {/* data-kind="text": B and S type letters here instead of picking the side. */}
          <input
            className="input ticket__symbol"
            data-kind="text"
            data-testid="ticket-symbol"
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. SYN001"
            value={draft.symbol}
            aria-invalid={symbolIssue !== null}
            onChange={(e) => update({ symbol: e.target.value.toUpperCase() })}
          />
          <FieldIssue issue={symbolIssue} testId="ticket-issue-symbol" />
        </label>
        <QuoteLine symbol={symbol} quote={quote} onPick={draft.type === 'MARKET' ? null : pickPrice} />
        <div className="ticket__row">
          <DecimalField label="Quantity" testId="ticket-quantity" value={draft.quantity} issue={issues.quantity} onChange={(quantity) => update({ quantity })} />
          <label className="field">
            <span className="field__label">Type</span>
            <select className="select" data-testid="ticket-type" value={draft.type} onChange={(e) => update({ type: e.target.value as OrderType })}>
              {ORDER_TYPE_OPTIONS.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {(needsStop(draft.type) || needsLimit(draft.type)) && (
          <div className="ticket__row">
            {needsStop(draft.type) && (
              <DecimalField label="Stop price" testId="ticket-stop" value={draft.stopPrice} issue={issues.stopPrice} onChange={(stopPrice) => update({ stopPrice })} />
            )}
            {needsLimit(draft.type) && (
              <DecimalField label="Limit price" testId="ticket-limit" value={draft.limitPrice} issue={issues.limitPrice} onChange={(limitPrice) => update({ limitPrice })} />
            )}
          </div>
        )}
        <label className="field">
          <span className="field__label">Time in force</span>
          <select className="select" data-testid="ticket-tif" value={draft.timeInForce} onChange={(e) => update({ timeInForce: e.target.value as TimeInForce })}>
            {TIF_OPTIONS.map((t) => (
              <option key={t} value={t}>
                {TIF_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <CheckResult check={check} incomplete={ticket === null} />
        <button
          type="submit"
          className={`btn btn--launch ticket__send ticket__send--${draft.side.toLowerCase()}`}
          data-testid="ticket-submit"
          disabled={!sendable}
          title={sendable ? 'Enter' : 'Sends once the ticket passes the checks'}
        >
          {submit.isPending ? 'Sending…' : ticket ? `${draft.side === 'BUY' ? 'Buy' : 'Sell'} ${fmtQty(ticket.quantity)} ${ticket.instrument}` : 'Send order'}
        </button>
      </form>
      {showSent && submit.data && <SubmitOutcome outcome={submit.data} />}
      {showSent && <ErrorNote error={submit.error} what="Not sent" />}
    </Panel>
  );
}

function SubmitOutcome({ outcome }: { outcome: SubmitResultDto }) {
  return outcome.accepted ? (
    <div className="notice ticket__outcome" data-testid="submit-outcome" data-accepted="true">
      Sent: order {outcome.orderId}
    </div>
  ) : (
    <div className="notice notice--error ticket__outcome" role="alert" data-testid="submit-outcome" data-accepted="false">
      Refused: {outcome.reason ?? 'no reason given'}
    </div>
  );
}

function FieldIssue({ issue, testId }: { issue: string | null; testId: string }) {
  if (issue === null) return null;
  return (
    <span className="field__issue" data-testid={testId}>
      {issue}
    </span>
  );
}

interface DecimalFieldProps {
  label: string;
  testId: string;
  value: string;
  /** Shown once something is typed. */
  issue: string | undefined;
  onChange: (value: string) => void;
}

function DecimalField({ label, testId, value, issue, onChange }: DecimalFieldProps) {
  const shown = value === '' ? null : (issue ?? null);
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="input" inputMode="decimal" data-testid={testId} value={value} aria-invalid={shown !== null} onChange={(e) => onChange(e.target.value)} />
      <FieldIssue issue={shown} testId={`${testId}-issue`} />
    </label>
  );
}
