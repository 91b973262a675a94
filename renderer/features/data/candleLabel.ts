import { fmtInt } from '../../components/common/format';

const UNIT_WORDS: Readonly<Record<string, [string, string]>> = {
  s: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  mo: ['month', 'months'],
};

/**
 * What one candle on the chart holds, in words: "1 candle = 1 day" for bars shown as they are, "1 candle
 * = 5 days" when runs of five daily bars were merged to fit the chart. Counts of the bar size's own unit,
 * so 3 × '5m' is "15 minutes"; a bar size it cannot read (ticks) is counted in bars.
 */
export function candleLabel(barSize: string, barsPerCandle: number): string {
  const m = /^(\d+)(s|m|h|d|w|mo)$/.exec(barSize);
  if (!m) return barsPerCandle === 1 ? `1 candle = 1 ${barSize} bar` : `1 candle = ${fmtInt(barsPerCandle)} ${barSize} bars`;
  const count = Number(m[1]) * barsPerCandle;
  const [one, many] = UNIT_WORDS[m[2]];
  return `1 candle = ${fmtInt(count)} ${count === 1 ? one : many}`;
}
