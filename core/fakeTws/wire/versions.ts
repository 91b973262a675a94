/**
 * Protocol versions the fake TWS speaks, and the version boundaries inside that range that change a
 * message it reads or writes (IB's MIN_SERVER_VER_* constants; see the protocol notes §3).
 */
export const MIN_VERSION = 176;
/** @stoqey/ib 1.6.10's maximum; from 201 on IB switches to protobuf, which the fake does not speak. */
export const MAX_VERSION = 193;

export const V = {
  /** OPEN_ORDER and PLACE_ORDER drop faProfile. */
  FA_PROFILE_DESUPPORT: 177,
  /** EXECUTION_DATA adds pendingPriceRevision. */
  PENDING_PRICE_REVISION: 178,
  /** CONTRACT_DATA adds lastTradeDate. */
  LAST_TRADE_DATE: 182,
  CUSTOMER_ACCOUNT: 183,
  PROFESSIONAL_CUSTOMER: 184,
  /** OPEN_ORDER adds bondAccruedInterest. */
  BOND_ACCRUED_INTEREST: 185,
  /** CONTRACT_DATA adds the ineligibility reasons list. */
  INELIGIBILITY_REASONS: 186,
  /** PLACE_ORDER and CANCEL_ORDER carry placeholder RFQ fields from here up to UNDO_RFQ_FIELDS. */
  RFQ_FIELDS: 187,
  INCLUDE_OVERNIGHT: 189,
  UNDO_RFQ_FIELDS: 190,
  /** CANCEL_ORDER and REQ_GLOBAL_CANCEL drop their version field and add extOperator + manualOrderIndicator. */
  CME_TAGGING_FIELDS: 192,
  /** OPEN_ORDER adds extOperator + manualOrderIndicator. */
  CME_TAGGING_FIELDS_IN_OPEN_ORDER: 193,
} as const;

/** Inside [RFQ_FIELDS, UNDO_RFQ_FIELDS): the interim RFQ placeholders are on the wire. */
export function hasRfqFields(version: number): boolean {
  return version >= V.RFQ_FIELDS && version < V.UNDO_RFQ_FIELDS;
}

/**
 * The version answered to a client offering `min..max`, as a real TWS does: the highest both sides
 * speak. A string says why the client cannot be served.
 */
export function negotiateVersion(min: number, max: number): number | string {
  if (max < MIN_VERSION) return `the client's highest version ${max} is below ${MIN_VERSION}, the oldest the fake TWS speaks`;
  if (min > MAX_VERSION) return `the client's lowest version ${min} is above ${MAX_VERSION}, the newest the fake TWS speaks`;
  return Math.min(max, MAX_VERSION);
}
