/**
 * Where an Alpaca session connects and with which keys. The keys live in memory only: never stored,
 * logged or put in an error message.
 */
export interface AlpacaTarget {
  /** Trading REST root, e.g. https://paper-api.alpaca.markets (or the fake's http://127.0.0.1:N). */
  tradingBaseUrl: string;
  /** Market-data REST root, e.g. https://data.alpaca.markets. */
  dataBaseUrl: string;
  /** The trade_updates WebSocket, e.g. wss://paper-api.alpaca.markets/stream. */
  tradingStreamUrl: string;
  /** The market-data WebSocket root, e.g. wss://stream.data.alpaca.markets. */
  dataStreamUrl: string;
  keyId: string;
  secretKey: string;
}
