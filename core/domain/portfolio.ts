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
