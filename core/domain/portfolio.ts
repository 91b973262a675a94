export interface Position {
  instrument: string;
  /** Signed: negative is short. */
  quantity: number;
  avgCost: number;
  marketPrice: number;
  marketValue: number;
  unrealizedPnl: number;
  realizedPnl: number;
}

export interface AccountState {
  cash: number;
  equity: number;
  /** Sum of |position value|. */
  grossExposure: number;
  /** Sum of signed position values. */
  netExposure: number;
  /** grossExposure / equity. */
  leverage: number;
  buyingPower: number;
  realizedPnl: number;
  unrealizedPnl: number;
  commissions: number;
}

/**
 * The positions held at a session's close as columns: entry k < count is one position. Whoever fills
 * them may reuse them for the next session, so a reader copies what it keeps.
 */
export interface HeldPositions {
  count: number;
  readonly instruments: string[];
  readonly quantity: Float64Array;
  readonly avgCost: Float64Array;
  readonly marketPrice: Float64Array;
  readonly realizedPnl: Float64Array;
}

/** Room for `capacity` held positions. */
export function emptyHeldPositions(capacity: number): HeldPositions {
  return {
    count: 0,
    instruments: new Array<string>(capacity).fill(''),
    quantity: new Float64Array(capacity),
    avgCost: new Float64Array(capacity),
    marketPrice: new Float64Array(capacity),
    realizedPnl: new Float64Array(capacity),
  };
}

/** A position with its market value and unrealized P&L, computed the one way every reader and the engine share. */
export function positionOf(instrument: string, quantity: number, avgCost: number, marketPrice: number, realizedPnl: number): Position {
  return {
    instrument,
    quantity,
    avgCost,
    marketPrice,
    marketValue: quantity === 0 ? 0 : quantity * marketPrice,
    unrealizedPnl: quantity === 0 ? 0 : quantity * (marketPrice - avgCost),
    realizedPnl,
  };
}
