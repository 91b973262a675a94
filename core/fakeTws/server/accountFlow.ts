import { accountValues, portfolioLines } from '../market/accountValues';
import {
  accountDownloadEndMessage,
  accountSummaryEndMessage,
  accountSummaryMessage,
  accountUpdateMultiEndMessage,
  accountUpdateMultiMessage,
  accountUpdateTimeMessage,
  accountValueMessage,
  portfolioValueMessage,
  positionEndMessage,
  positionMessage,
} from '../wire/serverMessages';
import type { TwsContext } from './context';
import type { AccountUpdatesMulti, Session } from './session';

/** "All" asks for every tag the fake knows; otherwise only the named ones (unknown tags are skipped, as TWS does). */
function summaryRows(ctx: TwsContext, tags: readonly string[]) {
  const all = accountValues(ctx.exchange.portfolio, ctx.sim.account);
  return tags.includes('All') ? all : all.filter((v) => tags.includes(v.tag));
}

export function sendAccountSummary(ctx: TwsContext, s: Session, reqId: number, tags: readonly string[], withEnd: boolean): void {
  for (const v of summaryRows(ctx, tags)) s.send(accountSummaryMessage(reqId, ctx.accountId, v.tag, v.value, v.currency));
  if (withEnd) s.send(accountSummaryEndMessage(reqId));
}

const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

/** The reqAccountUpdates stream: account values, one portfolio line per traded instrument, the time. */
export function sendAccountUpdate(ctx: TwsContext, s: Session, withEnd: boolean): void {
  const p = ctx.exchange.portfolio;
  for (const v of accountValues(p, ctx.sim.account)) s.send(accountValueMessage(v.tag, v.value, v.currency, ctx.accountId));
  for (const line of portfolioLines(p, ctx.market, ctx.exchange.tradedInstruments())) {
    s.send(portfolioValueMessage(line, ctx.accountId));
  }
  s.send(accountUpdateTimeMessage(hhmm(ctx.now())));
  if (withEnd) s.send(accountDownloadEndMessage(ctx.accountId));
}

/** The cash ledger and net liquidation: what reqAccountUpdatesMulti with ledgerAndNLV=1 asks for. */
const LEDGER_AND_NLV = new Set(['NetLiquidation', 'TotalCashValue', 'CashBalance', 'SettledCash', 'AccruedCash', 'RealizedPnL', 'UnrealizedPnL']);

/** reqAccountUpdatesMulti: one accountUpdateMulti row per account value, then (first time) the end marker. */
export function sendAccountUpdatesMulti(ctx: TwsContext, s: Session, reqId: number, sub: AccountUpdatesMulti, withEnd: boolean): void {
  for (const v of accountValues(ctx.exchange.portfolio, ctx.sim.account)) {
    if (sub.ledgerAndNlv && !LEDGER_AND_NLV.has(v.tag)) continue;
    s.send(accountUpdateMultiMessage(reqId, ctx.accountId, sub.modelCode, v.tag, v.value, v.currency));
  }
  if (withEnd) s.send(accountUpdateMultiEndMessage(reqId));
}

export function sendPositions(ctx: TwsContext, s: Session, withEnd: boolean): void {
  const p = ctx.exchange.portfolio;
  for (const inst of ctx.exchange.tradedInstruments()) {
    s.send(positionMessage(ctx.accountId, inst, p.qty[inst.index], p.avgCost[inst.index]));
  }
  if (withEnd) s.send(positionEndMessage());
}

/** After fills or a market step: every subscribed session gets the changed account state. */
export function pushAccountChanges(ctx: TwsContext, positionsChanged: boolean): void {
  for (const s of ctx.sessions) {
    if (!s.ready) continue;
    if (s.accountUpdates) sendAccountUpdate(ctx, s, false);
    for (const [reqId, tags] of s.accountSummaries) sendAccountSummary(ctx, s, reqId, tags, false);
    for (const [reqId, sub] of s.accountUpdatesMulti) sendAccountUpdatesMulti(ctx, s, reqId, sub, false);
    if (positionsChanged && s.positions) sendPositions(ctx, s, false);
  }
}
