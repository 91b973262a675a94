import type { HandlersFor } from '../../ipc/contract';
import type { tradingMethods } from '../../ipc/contract/trading';
import type { TradingService } from '../../service/trading/tradingService';

export function tradingHandlers(service: TradingService): HandlersFor<typeof tradingMethods> {
  return {
    'trading.state': () => service.state(),
    'trading.connect': (input) => service.connect(input),
    'trading.disconnect': () => service.disconnect(),
    'trading.forgetAlpacaKeys': () => service.forgetAlpacaKeys(),
    'trading.checkOrder': (ticket) => service.checkOrder(ticket),
    'trading.submitOrder': (ticket) => service.submitOrder(ticket),
    'trading.cancelOrder': ({ orderId }) => service.cancelOrder(orderId),
    'trading.modifyOrder': (input) => service.modifyOrder(input),
    'trading.dismissUnknownOrder': ({ orderId }) => service.dismissUnknownOrder(orderId),
    'trading.acknowledgeDifference': ({ id }) => service.acknowledgeDifference(id),
    'trading.killSwitch': (input) => service.killSwitch(input),
    'trading.resetBreaker': () => service.resetBreaker(),
    'trading.armLive': ({ phrase }) => service.armLive(phrase),
    'trading.disarmLive': () => service.disarmLive(),
    'trading.quote': ({ symbol, action }) => service.quote(symbol, action),
    'trading.downloadHistory': ({ symbol, years }) => service.downloadHistory(symbol, years),
    'trading.resolveHistory': ({ symbol, choice }) => service.resolveHistory(symbol, choice),
    'trading.execution': () => service.execution(),
  };
}
