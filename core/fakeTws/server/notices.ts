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
