/** Exact powers of ten: a mantissa below 2^53 divided by one of these is correctly rounded (Clinger's fast path). */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
  1e22,
];
/** 15 decimal digits always fit below 2^53, so the mantissa is exact. */
const MAX_FAST_DIGITS = 15;

/**
 * Parses the decimal in text[start, end) without allocating, giving the same value as Number().
 * Plain `[-+]digits[.digits]` takes the fast path; exponents, spaces or long mantissas fall back to Number().
 * Returns NaN for anything that is not a finite decimal (empty, "NaN", "inf", stray characters).
 */
export function parseDecimal(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  const intStart = i;
  let d = 0;
  while (i < end && (d = text.charCodeAt(i) - 48) >= 0 && d <= 9) {
    mantissa = mantissa * 10 + d;
    i++;
  }
  let digits = i - intStart;
  let fractionDigits = 0;
  if (i < end && text.charCodeAt(i) === 46) {
    const fractionStart = ++i;
    while (i < end && (d = text.charCodeAt(i) - 48) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      i++;
    }
    fractionDigits = i - fractionStart;
    digits += fractionDigits;
  }
  if (i !== end || digits > MAX_FAST_DIGITS) return slowParse(text, start, end);
  if (digits === 0) return NaN;
  const value = fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits];
  return negative ? -value : value;
}

/** Number() for the rare shapes the fast path skips, with the strictness of the fast path kept. */
function slowParse(text: string, start: number, end: number): number {
  const raw = text.slice(start, end);
  // Number() would accept these, but they are not decimals: hex/binary/octal literals and "Infinity".
  if (/[xXoObBI]/.test(raw)) return NaN;
  const trimmed = raw.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(value) ? value : NaN;
}
