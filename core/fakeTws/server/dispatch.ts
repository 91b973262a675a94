import { openOrderMessage } from '../wire/orderMessages';
import type { ClientRequest, PlaceOrderRequest } from '../wire/requests';
import {
  MARKET_RULE_ID,
  MIN_TICK,
  currentTimeMessage,
  managedAccountsMessage,
  marketRuleMessage,
  nextValidIdMessage,
  noMktDepthExchangesMessage,
  noNewsProvidersMessage,
} from '../wire/serverMessages';
import { sendAccountSummary, sendAccountUpdate, sendAccountUpdatesMulti, sendPositions } from './accountFlow';
import type { TwsContext } from './context';
import { sendContractDetails, sendHistoricalData, startMarketData } from './marketDataFlow';
import { NOT_SUPPORTED_CODE, notSupportedText } from './notices';
import { sendCompletedOrders, sendExecutions, sendOpenOrders } from './orderFlow';
import { cancelRealTimeBars, startRealTimeBars } from './realTimeBarsFlow';
import type { Session } from './session';

/** A what-if order: openOrder with whatIf=1 and the margin/commission preview, nothing else; it never works or fills. */
function whatIf(ctx: TwsContext, s: Session, clientId: number, req: PlaceOrderRequest): void {
  const r = ctx.exchange.preview(clientId, req);
  if ('code' in r) {
    s.error(req.orderId, r.code, r.text);
    return;
  }
  // The id is used up, as by a real order: later nextValidIds stay above it.
  ctx.noteOrderId(clientId, req.orderId);
  ctx.log(`${s.label}: what-if order ${req.orderId} previewed (commission ${r.preview.commission.toFixed(2)})`);
  s.send(openOrderMessage(r.order, s.version, r.preview));
}

/** placeOrder, shaped by the armed one-shot faults (drop the connection, reject after the ack). */
function placeOrder(ctx: TwsContext, s: Session, clientId: number, req: PlaceOrderRequest): void {
  if (req.whatIf) return whatIf(ctx, s, clientId, req);
  const drop = ctx.faults.dropNextOrder;
  ctx.faults.dropNextOrder = null;
  if (drop === 'unseen') {
    ctx.log(`${s.label}: fault: order ${req.orderId} discarded and connection dropped`);
    s.drop();
    return;
  }
  if (drop === 'beforeAck') {
    ctx.log(`${s.label}: fault: connection dropped before acknowledging order ${req.orderId}`);
    s.drop();
  }
  ctx.noteOrderId(clientId, req.orderId);
  // An order TWS only holds (transmit=0) is not acknowledged: the rejection waits for a transmitted one.
  const reject = req.transmit ? ctx.faults.rejectNext : null;
  if (req.transmit) ctx.faults.rejectNext = null;
  ctx.exchange.place(clientId, req, reject ?? undefined);
  if (drop === 'afterAck') {
    ctx.log(`${s.label}: fault: connection dropped after acknowledging order ${req.orderId}`);
    s.drop();
  }
}

/** Handles one request of a session that completed START_API. */
export function dispatch(ctx: TwsContext, s: Session, clientId: number, req: ClientRequest): void {
  switch (req.type) {
    case 'startApi':
      s.error(-1, 321, 'Error validating request:-\'71\' : cause - the API was already started on this connection');
      return;
    case 'placeOrder':
      return placeOrder(ctx, s, clientId, req);
    case 'cancelOrder':
      return ctx.exchange.cancel(clientId, req.orderId);
    case 'reqGlobalCancel':
      return ctx.exchange.cancelAll();
    case 'reqOpenOrders':
      return sendOpenOrders(ctx, s, false);
    case 'reqAllOpenOrders':
      return sendOpenOrders(ctx, s, true);
    case 'reqAutoOpenOrders':
      if (clientId !== 0) {
        s.error(-1, 321, "Error validating request:-'bb' : cause - auto-binding of TWS orders is only possible from client id 0");
        return;
      }
      s.autoBind = req.autoBind;
      return;
    case 'reqCompletedOrders':
      return sendCompletedOrders(ctx, s);
    case 'reqExecutions':
      return sendExecutions(ctx, s, req.reqId, req.filter);
    case 'reqIds':
      return s.send(nextValidIdMessage(ctx.nextValidIdFor(clientId)));
    case 'reqManagedAccts':
      return s.send(managedAccountsMessage(ctx.accountId));
    case 'reqCurrentTime':
      return s.send(currentTimeMessage(Math.floor(ctx.now() / 1000)));
    case 'reqAccountUpdates':
      if (req.subscribe && req.account !== '' && req.account !== ctx.accountId) {
        s.error(-1, 321, `Error validating request:-'bc' : cause - unknown account ${req.account}`);
        return;
      }
      s.accountUpdates = req.subscribe;
      if (req.subscribe) sendAccountUpdate(ctx, s, true);
      return;
    case 'reqAccountSummary':
      s.accountSummaries.set(req.reqId, req.tags);
      return sendAccountSummary(ctx, s, req.reqId, req.tags, true);
    case 'cancelAccountSummary':
      s.accountSummaries.delete(req.reqId);
      return;
    case 'reqPositions':
      s.positions = true;
      return sendPositions(ctx, s, true);
    case 'cancelPositions':
      s.positions = false;
      return;
    case 'reqMarketDataType':
      if (req.marketDataType < 1 || req.marketDataType > 4) {
        s.error(-1, 321, `Error validating request:-'bd' : cause - market data type ${req.marketDataType} is not 1..4`);
        return;
      }
      s.marketDataType = req.marketDataType;
      return;
    case 'reqMktData':
      return startMarketData(ctx, s, req.reqId, req.contract, req.snapshot);
    case 'cancelMktData':
      s.marketData.delete(req.reqId);
      return;
    case 'reqRealTimeBars':
      return startRealTimeBars(ctx, s, req);
    case 'cancelRealTimeBars':
      return cancelRealTimeBars(ctx, s, req.reqId);
    case 'reqHistoricalData':
      return sendHistoricalData(ctx, s, req);
    case 'cancelHistoricalData':
      // Historical requests are answered at once; nothing is left to cancel.
      return;
    case 'reqContractDetails':
      return sendContractDetails(ctx, s, req.reqId, req.contract);
    case 'reqAccountUpdatesMulti': {
      if (req.account !== '' && req.account !== 'All' && req.account !== ctx.accountId) {
        s.error(req.reqId, 321, `Error validating request:-'REQ_ACCOUNT_UPDATES_MULTI' : cause - unknown account ${req.account}`);
        return;
      }
      const sub = { modelCode: req.modelCode, ledgerAndNlv: req.ledgerAndNlv };
      s.accountUpdatesMulti.set(req.reqId, sub);
      return sendAccountUpdatesMulti(ctx, s, req.reqId, sub, true);
    }
    case 'cancelAccountUpdatesMulti':
      s.accountUpdatesMulti.delete(req.reqId);
      return;
    case 'reqMarketRule':
      // The rule id contract details name; any other id is unknown to TWS too.
      if (req.marketRuleId !== MARKET_RULE_ID) {
        s.error(-1, 321, `Error validating request:-'REQ_MARKET_RULE' : cause - unknown market rule id ${req.marketRuleId}`);
        return;
      }
      s.send(marketRuleMessage(MARKET_RULE_ID, [[0, MIN_TICK]]));
      return;
    // These carry no request id, so an error could not end the client's wait: the truthful empty answer can.
    case 'reqNewsProviders':
      return s.send(noNewsProvidersMessage());
    case 'reqMktDepthExchanges':
      return s.send(noMktDepthExchangesMessage());
    case 'unsupported':
      // Answered, never ignored: a client waiting for a reply would otherwise hang until its timeout.
      ctx.log(`${s.label}: ${req.name} (${req.msgId}) is not supported by the fake TWS; answered with error ${NOT_SUPPORTED_CODE}`);
      s.error(req.reqId, NOT_SUPPORTED_CODE, notSupportedText(`${req.name} (message ${req.msgId})`));
      return;
  }
}
