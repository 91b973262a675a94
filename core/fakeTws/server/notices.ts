import { ymd } from '../wire/values';

/**
 * The fake's own notice (id -1) that its replay reached the end of its data. A 2100-range code, so
 * clients treat it as informational (stoqey: `info` event and non-fatal; ib_insync: a warning); IB
 * itself does not use 2199.
 */
export const END_OF_DATA_CODE = 2199;

export function endOfDataText(marketTime: number): string {
  return `Fake TWS: the replay reached the end of its data (last bar ${ymd(marketTime)}); prices no longer move and working orders no longer fill`;
}

/**
 * The answer to a request the fake does not serve (a message type, keepUpToDate, a bar size it does not
 * replay): IB's code for a server that lacks a feature ("The TWS is out of date and must be upgraded").
 * Not 321: ib_async counts 321 as a warning and leaves the request waiting for its timeout (by default
 * forever); 503 ends it in every client.
 */
export const NOT_SUPPORTED_CODE = 503;

export function notSupportedText(what: string, detail?: string): string {
  return `${what} is not supported by the fake TWS${detail === undefined ? '' : ` (${detail})`}`;
}
