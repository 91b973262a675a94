import type { FarmStatus, IbLogLevel } from '../types';

/**
 * What an IB message code means to the adapter. Codes, never texts, decide (texts are localised);
 * the one exception is the farm name, which TWS gives only after the colon of 2103..2158 texts.
 */
export type CodeMeaning =
  | { kind: 'connectivityLost' }
  | { kind: 'connectivityRestored'; dataLost: boolean }
  | { kind: 'socketReset' }
  | { kind: 'farm'; farm: string; status: FarmStatus }
  | { kind: 'clientIdInUse' }
  | { kind: 'orderRejected' }
  | { kind: 'orderCancelled' }
  | { kind: 'cancelRefused' }
  | { kind: 'modifyRefused' }
  | { kind: 'marketDataNotPermitted' }
  | { kind: 'delayedDataNotice' }
  | { kind: 'historicalDataError' }
  | { kind: 'connectFailed' }
  | { kind: 'clientSideError' }
  | { kind: 'warning' }
  | { kind: 'other' };

/** Refusals of an order by TWS or IB: no security definition, rejected, not allowed, validation, tick, duplicate id. */
const ORDER_REJECTED = new Set([103, 110, 200, 201, 203, 321, 322, 382, 383, 387, 388]);
/** Cancel refused: can't find order, not cancellable, not found, state Filled. */
const CANCEL_REFUSED = new Set([135, 161, 10147, 10148]);
const MODIFY_REFUSED = new Set([104, 105, 2102]);
/** No (live) market data permission, or a competing session: fall back to delayed data. */
const NO_MARKET_DATA = new Set([354, 10089, 10090, 10186, 10197]);
/** HMDS errors (pacing, no data), HMDS info, no query for the id. */
const HISTORICAL = new Set([162, 165, 366]);
/** Decode error, unsupported version, TWS too old, not connected: the client library speaking. */
const CLIENT_SIDE = new Set([503, 504, 505, 506]);
/** Warnings IB itself classes as non-fatal (ib_insync and stoqey agree on these). */
const WARNINGS = new Set([399, 404, 434, 492]);

const FARMS: Record<number, { kind: string; status: FarmStatus }> = {
  2103: { kind: 'market data', status: 'broken' },
  2104: { kind: 'market data', status: 'ok' },
  2105: { kind: 'HMDS', status: 'broken' },
  2106: { kind: 'HMDS', status: 'ok' },
  2107: { kind: 'HMDS', status: 'inactive' },
  2108: { kind: 'market data', status: 'inactive' },
  2157: { kind: 'sec-def', status: 'broken' },
  2158: { kind: 'sec-def', status: 'ok' },
};

/** "Market data farm connection is OK:usfarm" names the farm after the last colon. */
function farmName(kind: string, text: string): string {
  const at = text.lastIndexOf(':');
  const name = at >= 0 ? text.slice(at + 1).trim() : '';
  return name === '' ? kind : name;
}

export function codeMeaning(code: number, text: string): CodeMeaning {
  if (code === 1100 || code === 2110) return { kind: 'connectivityLost' };
  if (code === 1101) return { kind: 'connectivityRestored', dataLost: true };
  if (code === 1102) return { kind: 'connectivityRestored', dataLost: false };
  if (code === 1300) return { kind: 'socketReset' };
  if (code === 326) return { kind: 'clientIdInUse' };
  if (code === 202) return { kind: 'orderCancelled' };
  if (code === 502) return { kind: 'connectFailed' };
  const farm = FARMS[code];
  if (farm) return { kind: 'farm', farm: farmName(farm.kind, text), status: farm.status };
  if (ORDER_REJECTED.has(code)) return { kind: 'orderRejected' };
  if (CANCEL_REFUSED.has(code)) return { kind: 'cancelRefused' };
  if (MODIFY_REFUSED.has(code)) return { kind: 'modifyRefused' };
  if (NO_MARKET_DATA.has(code)) return { kind: 'marketDataNotPermitted' };
  if (code === 10167) return { kind: 'delayedDataNotice' };
  if (HISTORICAL.has(code)) return { kind: 'historicalDataError' };
  if (CLIENT_SIDE.has(code)) return { kind: 'clientSideError' };
  if (WARNINGS.has(code) || (code >= 2100 && code <= 2999)) return { kind: 'warning' };
  return { kind: 'other' };
}

/** How loudly the message log shows a code. */
export function logLevelOf(meaning: CodeMeaning): IbLogLevel {
  switch (meaning.kind) {
    case 'farm':
      return meaning.status === 'broken' ? 'warning' : 'info';
    case 'connectivityRestored':
    case 'orderCancelled':
    case 'delayedDataNotice':
      return 'info';
    case 'warning':
    case 'connectFailed':
    case 'connectivityLost':
    case 'socketReset':
    case 'marketDataNotPermitted':
    case 'cancelRefused':
    case 'modifyRefused':
      return 'warning';
    default:
      return 'error';
  }
}
