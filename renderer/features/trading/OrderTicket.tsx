import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { QuoteDto, SubmitResultDto } from '../../../core/ipc/contract/trading';
import { ErrorNote } from '../../components/common/ErrorNote';
import { CheckResult } from './CheckResult';
import type { LiveGuard } from './liveGuard';
import { Panel } from './Panel';
import { QuoteLine } from './QuoteLine';
import { useTicketStore } from './ticketStore';
import { BRACKET_ROLE_LABELS } from './orderDetails';
import {
  describeTicket,
  isTrailing,
  needsLimit,
  needsStop,
  ORDER_TYPE_OPTIONS,
  readTicket,
  takesDisplay,
  TICKET_KEYS_HELP,
  TIF_LABELS,
  TIF_OPTIONS,
  TYPE_LABELS,
  ticketKeyAction,
  type KeyTarget,
  type OrderType,
  type Side,
  type StopLossKind,
  type TimeInForce,
  type TrailKind,
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

/**
 * Symbol, side, quantity, type, the prices (and trail, offset, display size) the type takes, time in
 * force, and an optional bracket; the risk verdict (each member's, for a bracket) shows before sending.
 */
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
        {isTrailing(draft.type) && (
          <div className="ticket__row">
            <DecimalField label="Trail" testId="ticket-trail" value={draft.trail} issue={issues.trail} onChange={(trail) => update({ trail })}>
              <KindSwitch<TrailKind> name="ticket-trail-kind" label="Trail by" value={draft.trailKind} options={TRAIL_KINDS} onChange={(trailKind) => update({ trailKind })} />
            </DecimalField>
            <DecimalField label="Initial stop (optional)" testId="ticket-stop" value={draft.stopPrice} issue={issues.stopPrice} onChange={(stopPrice) => update({ stopPrice })} />
          </div>
        )}
        {takesDisplay(draft.type) && (
          <div className="ticket__row">
            {draft.type === 'TRAILING_STOP_LIMIT' && (
              <DecimalField label="Limit offset" testId="ticket-limit-offset" value={draft.limitOffset} issue={issues.limitOffset} onChange={(limitOffset) => update({ limitOffset })} />
            )}
            <DecimalField
              label="Display size (optional)"
              testId="ticket-display"
              value={draft.displayQuantity}
              issue={issues.displayQuantity}
              onChange={(displayQuantity) => update({ displayQuantity })}
            />
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
        <label className="ticket__attach">
          <input type="checkbox" data-testid="ticket-bracket" checked={draft.bracket} onChange={(e) => update({ bracket: e.target.checked })} />
          Attach bracket
          <span className="muted">exits for the same quantity, GTC, working once this fills</span>
        </label>
        {draft.bracket && (
          <div className="ticket__bracket" data-testid="ticket-bracket-fields">
            <div className="ticket__label">
              <span className="field__label">Stop-loss as</span>
              <KindSwitch<StopLossKind>
                name="ticket-stop-loss-kind"
                label="Stop-loss as"
                value={draft.stopLossKind}
                options={STOP_LOSS_KINDS}
                onChange={(stopLossKind) => update({ stopLossKind })}
              />
            </div>
            <div className="ticket__row">
              <DecimalField label="Take-profit limit" testId="ticket-take-profit" value={draft.takeProfit} issue={issues.takeProfit} onChange={(takeProfit) => update({ takeProfit })} />
              <DecimalField label={STOP_LOSS_LABELS[draft.stopLossKind]} testId="ticket-stop-loss" value={draft.stopLoss} issue={issues.stopLoss} onChange={(stopLoss) => update({ stopLoss })} />
            </div>
          </div>
        )}
        <CheckResult check={check} incomplete={ticket === null} />
        <button
          type="submit"
          className={`btn btn--launch ticket__send ticket__send--${draft.side.toLowerCase()}`}
          data-testid="ticket-submit"
          disabled={!sendable}
          title={sendable ? 'Enter' : 'Sends once the ticket passes the checks'}
        >
          {submit.isPending
            ? 'Sending…'
            : ticket
              ? `${draft.side === 'BUY' ? 'Buy' : 'Sell'} ${fmtQty(ticket.quantity)} ${ticket.instrument}${ticket.bracket ? ' with bracket' : ''}`
              : 'Send order'}
        </button>
      </form>
      {showSent && submit.data && <SubmitOutcome outcome={submit.data} />}
      {showSent && <ErrorNote error={submit.error} what="Not sent" />}
    </Panel>
  );
}

const TRAIL_KINDS: readonly { value: TrailKind; label: string }[] = [
  { value: 'amount', label: 'Amount' },
  { value: 'percent', label: '%' },
];
const STOP_LOSS_KINDS: readonly { value: StopLossKind; label: string }[] = [
  { value: 'stop', label: 'Stop price' },
  { value: 'amount', label: 'Trail amount' },
  { value: 'percent', label: 'Trail %' },
];
const STOP_LOSS_LABELS: Record<StopLossKind, string> = { stop: 'Stop-loss stop', amount: 'Stop-loss trail', percent: 'Stop-loss trail %' };

interface KindSwitchProps<K extends string> {
  name: string;
  label: string;
  value: K;
  options: readonly { value: K; label: string }[];
  onChange: (value: K) => void;
}

/** How a number is meant: a trail by amount or percent, a stop-loss at a price or trailing. */
function KindSwitch<K extends string>({ name, label, value, options, onChange }: KindSwitchProps<K>) {
  return (
    <span className="segmented ticket__kind" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={o.value} className="segmented__item" data-checked={value === o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} data-testid={`${name}-${o.value}`} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </span>
  );
}

function SubmitOutcome({ outcome }: { outcome: SubmitResultDto }) {
  if (outcome.accepted && outcome.list) {
    return (
      <div className="notice ticket__outcome" data-testid="submit-outcome" data-accepted="true" data-list-id={outcome.list.listId}>
        Sent: bracket{' '}
        {outcome.list.orders.map((o, i) => (
          <span key={o.role} data-testid="sent-order" data-role={o.role} data-order-id={o.orderId}>
            {i > 0 ? ', ' : ''}
            {BRACKET_ROLE_LABELS[o.role].toLowerCase()} {o.orderId}
          </span>
        ))}
      </div>
    );
  }
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
  /** Beside the label: how the number is meant (see KindSwitch). */
  children?: ReactNode;
}

function DecimalField({ label, testId, value, issue, onChange, children }: DecimalFieldProps) {
  const shown = value === '' ? null : (issue ?? null);
  // A label element wraps one control: beside a switch the input is named by aria-label instead.
  const Wrap = children ? 'div' : 'label';
  return (
    <Wrap className="field">
      <span className={children ? 'field__label ticket__label' : 'field__label'}>
        {label}
        {children}
      </span>
      <input
        className="input"
        inputMode="decimal"
        data-testid={testId}
        aria-label={children ? label : undefined}
        value={value}
        aria-invalid={shown !== null}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldIssue issue={shown} testId={`${testId}-issue`} />
    </Wrap>
  );
}
