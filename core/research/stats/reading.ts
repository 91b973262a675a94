/**
 * One-line plain-English readings of the overfitting statistics, for the UI and the CLI. A figure is shown
 * with two decimals and the wording follows the figure as shown, so a line never contradicts its number.
 *
 * DSR, the probability that the best Sharpe ratio is real after N trials:
 * - >= 0.95: very likely real (the 95% confidence level Bailey & López de Prado test against);
 * - >= 0.50: more likely real than not, but short of that confidence;
 * - below 0.50: more likely an artefact of the search (with one trial: not clearly above zero).
 * PBO, the probability that the in-sample best lands at or below the out-of-sample median:
 * - below 0.20: selection usually carries over out of sample;
 * - below 0.50: it carries over more often than not, but not reliably;
 * - 0.50 and above: selection is no better than a coin flip, or worse: likely overfitted.
 */

const DSR_CONFIDENT = 0.95;
const DSR_LIKELY = 0.5;
const PBO_LOW = 0.2;
const PBO_COIN_FLIP = 0.5;

/** The figure as shown, and its value after rounding. */
function shown(x: number): { text: string; value: number } {
  const text = x.toFixed(2);
  return { text, value: Number(text) };
}

/**
 * A count with its thousands separated by commas (1,000), as toLocaleString('en-US') writes a whole number, without
 * loading the locale data: the first such call of a process costs about 10 ms, and a sweep's reading is made
 * while its run is timed.
 */
function grouped(n: number): string {
  const digits = String(n);
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

function count(n: number, noun: string): string {
  return `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** E.g. "DSR 0.97: the best Sharpe is very likely real after 1,000 trials"; null reads as not computable. */
export function dsrReading(dsr: number | null, trials: number): string {
  if (dsr === null) return 'DSR n/a: too few returns, or returns that never vary, to judge the best Sharpe';
  const { text, value } = shown(dsr);
  if (value >= DSR_CONFIDENT) return `DSR ${text}: the best Sharpe is very likely real after ${count(trials, 'trial')}`;
  if (value >= DSR_LIKELY) return `DSR ${text}: the best Sharpe is probably real after ${count(trials, 'trial')}, but short of 95% confidence`;
  if (trials === 1) return `DSR ${text}: the Sharpe is likely luck: it is not clearly above zero`;
  return `DSR ${text}: the best Sharpe is likely an artefact of trying ${count(trials, 'combination')}`;
}

/** E.g. "PBO 0.12: the in-sample best usually stays above the median out of sample". */
export function pboReading(pbo: number): string {
  const { text, value } = shown(pbo);
  if (value < PBO_LOW) return `PBO ${text}: the in-sample best usually stays above the median out of sample`;
  if (value < PBO_COIN_FLIP) return `PBO ${text}: the in-sample best stays above the median out of sample more often than not, but not reliably`;
  const how = value > PBO_COIN_FLIP ? 'more often below' : 'as often below as above';
  return `PBO ${text}: the in-sample best is ${how} the median out of sample — likely overfitted`;
}
