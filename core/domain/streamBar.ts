/** One completed bar of a broker's real-time stream: IB's 5-second bars, Alpaca's minute bars. */
export interface StreamBar {
  /** Epoch ms (UTC) of the bar's start. */
  time: number;
  /** The bar's length in seconds. */
  seconds: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}
