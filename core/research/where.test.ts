import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Combination, compileWhere, WhereError } from './where';

const NAMES = ['fast', 'slow', 'mode'];
const COMBO: Combination = { fast: 10, slow: 20, mode: 'long_only' };
/** Whether `expr` keeps `c` (by default fast=10, slow=20, mode="long_only"). */
const holds = (expr: string, c: Combination = COMBO, names: readonly string[] = NAMES) => compileWhere(expr, names)(c);

/** The WhereError `run` throws (failing the test if it throws nothing or something else). */
function errorOf(run: () => unknown): WhereError {
  try {
    run();
  } catch (e) {
    if (e instanceof WhereError) return e;
    throw e;
  }
  throw new Error('expected a WhereError, nothing was thrown');
}
const compileError = (expr: string, names: readonly string[] = NAMES) => errorOf(() => compileWhere(expr, names));
const evalError = (expr: string, c: Combination = COMBO, names: readonly string[] = NAMES) => {
  const keep = compileWhere(expr, names); // compiles without complaint: the problem is in the values
  return errorOf(() => keep(c));
};

describe('compileWhere: values and operators', () => {
  it('compares parameters with each comparison operator', () => {
    const cases: [string, boolean][] = [
      ['fast < slow', true],
      ['slow < fast', false],
      ['fast < 10', false],
      ['fast <= 10', true],
      ['fast <= 9', false],
      ['slow > fast', true],
      ['fast > 10', false],
      ['fast >= 10', true],
      ['fast >= 11', false],
      ['fast == 10', true],
      ['fast == slow', false],
      ['fast != slow', true],
      ['fast != 10', false],
    ];
    for (const [expr, expected] of cases) expect(holds(expr), expr).toBe(expected);
  });

  it('does arithmetic with each operator and left associativity', () => {
    const cases: [string, boolean][] = [
      ['fast + slow == 30', true],
      ['slow - fast == 10', true],
      ['fast * slow == 200', true],
      ['slow / fast == 2', true],
      ['slow % 6 == 2', true],
      ['-7 % 3 == -1', true], // JavaScript's remainder: the sign follows the left side
      ['10 - 4 - 3 == 3', true],
      ['24 / 4 / 2 == 3', true],
      ['2 * 3 % 4 == 2', true],
      ['2 + 3 * 4 == 14', true],
      ['(2 + 3) * 4 == 20', true],
      ['slow / 0 > 1e300', true],
      ['fast % 0 == fast % 0', false], // NaN: no comparison accepts it
    ];
    for (const [expr, expected] of cases) expect(holds(expr), expr).toBe(expected);
  });

  it('applies unary minus to literals, parameters and groups, tighter than * and +', () => {
    const cases: [string, boolean][] = [
      ['-3 < 0', true],
      ['-fast == -10', true],
      ['-fast < -slow', false],
      ['- -3 == 3', true],
      ['--fast == 10', true],
      ['2 - -3 == 5', true],
      ['-2 * 3 + 1 == -5', true],
      ['-(fast - slow) == 10', true],
      ['-abs(fast - slow) == -10', true],
    ];
    for (const [expr, expected] of cases) expect(holds(expr), expr).toBe(expected);
  });

  it('reads float literals', () => {
    const cases: [string, boolean][] = [
      ['0.5 * 4 == 2', true],
      ['.5 + .25 == 0.75', true],
      ['1e-3 * 1000 == 1', true],
      ['2.5e2 == 250', true],
      ['1E3 == 1000', true],
      ['1e+2 == 100', true],
      ['0.1 + 0.2 == 0.3', false], // exact double equality
    ];
    for (const [expr, expected] of cases) expect(holds(expr), expr).toBe(expected);
  });

  it('compares strings for equality, in either quote, with backslash escapes', () => {
    const short: Combination = { ...COMBO, mode: 'long_short' };
    expect(holds("mode == 'long_short'", short)).toBe(true);
    expect(holds('mode == "long_short"', short)).toBe(true);
    expect(holds("mode == 'long_short'")).toBe(false);
    expect(holds("mode != 'long_short'")).toBe(true);
    expect(holds("'long_only' == mode")).toBe(true);
    expect(holds("'' == ''")).toBe(true);
    expect(holds(`'it\\'s' == "it's"`)).toBe(true);
    expect(holds(`"say \\"hi\\"" == 'say "hi"'`)).toBe(true);
  });

  it('has and/or/not and &&/||/! with true and false, and boolean parameters', () => {
    const names = ['fast', 'flag'];
    const on: Combination = { fast: 10, flag: true };
    const off: Combination = { fast: 10, flag: false };
    const cases: [string, Combination, boolean][] = [
      ['true', on, true],
      ['false', on, false],
      ['flag', on, true],
      ['flag', off, false],
      ['not flag', on, false],
      ['!flag', off, true],
      ['not not flag', on, true],
      ['flag == true', off, false],
      ['flag != false', on, true],
      ['flag and fast > 5', on, true],
      ['flag && fast > 50', on, false],
      ['flag or fast > 50', off, false],
      ['flag || fast > 5', off, true],
      ['not (fast > 5)', on, false],
      ['!(fast > 50) && !flag', off, true],
    ];
    for (const [expr, c, expected] of cases) expect(holds(expr, c, names), `${expr} on ${JSON.stringify(c)}`).toBe(expected);
  });

  it('has abs, min and max', () => {
    expect(holds('abs(fast - slow) == 10')).toBe(true);
    expect(holds('abs(-2.5) == 2.5')).toBe(true);
    expect(holds('min(fast, slow) == 10')).toBe(true);
    expect(holds('max(fast, slow, 15) == 20')).toBe(true);
    expect(holds('min(fast, slow, -1, 3) == -1')).toBe(true);
    expect(holds('max(fast) == fast')).toBe(true);
    expect(holds('max(min(fast, 3), abs(-4)) * 2 == 8')).toBe(true);
  });

  it('treats abs, min and max as functions only before "(", so they can name parameters too', () => {
    expect(holds('max > min(max, 3)', { max: 5 }, ['max'])).toBe(true);
  });

  it('keeps everything for an empty or whitespace-only expression', () => {
    for (const expr of ['', '   ', '\t\n ']) {
      const keep = compileWhere(expr, NAMES);
      expect(keep(COMBO)).toBe(true);
      expect(keep({})).toBe(true);
    }
  });

  it('ignores whitespace between tokens, and needs none', () => {
    expect(holds('fast<slow&&slow-fast>=10||mode==\'x\'')).toBe(true);
    expect(holds('  fast\t<\n slow  ')).toBe(true);
  });

  it('does not evaluate the side of and/or that cannot change the result', () => {
    // mode + 1 would be a type error, but the left side already decides.
    expect(holds('fast > 100 and mode + 1 > 0')).toBe(false);
    expect(holds('fast < 100 or mode + 1 > 0')).toBe(true);
  });
});

describe('compileWhere: precedence', () => {
  it('binds arithmetic, then comparison, then and, then or', () => {
    const keep = compileWhere("fast < slow and slow - fast >= 10 or mode == 'x'", NAMES);
    const reference = (c: { fast: number; slow: number; mode: string }) => (c.fast < c.slow && c.slow - c.fast >= 10) || c.mode === 'x';
    let kept = 0;
    for (let fast = 0; fast <= 40; fast += 5) {
      for (let slow = 0; slow <= 40; slow += 5) {
        for (const mode of ['x', 'long_only']) {
          const c = { fast, slow, mode };
          expect(keep(c), JSON.stringify(c)).toBe(reference(c));
          if (keep(c)) kept++;
        }
      }
    }
    expect(kept).toBeGreaterThan(81); // both branches of the `or` keep something
  });

  it('binds and tighter than or, whichever spelling', () => {
    expect(holds('true or false and false')).toBe(true); // true or (false and false)
    expect(holds('false and false or true')).toBe(true); // (false and false) or true
    expect(holds('true || false && false')).toBe(true);
    expect(holds('(true or false) and false')).toBe(false);
  });

  it('binds not tighter than and/or', () => {
    expect(holds('not false and false')).toBe(false); // (not false) and false
    expect(holds('not (false and false)')).toBe(true);
    expect(holds('!true || true')).toBe(true); // (!true) || true
    expect(holds('!(true || true)')).toBe(false);
  });

  it('binds not tighter than comparisons, and says so when that makes a comparison ill-typed', () => {
    // not fast < slow is (not fast) < slow: a boolean ordered against a number.
    const e = compileError('not fast < slow');
    expect(e.message).toBe('where: "<" needs numbers, but its left side is a boolean, at 9; not binds tighter than comparisons, so write not (a < b)');
    expect(e.position).toBe(9);
    expect(compileError("not mode == 'x'").message).toContain('not binds tighter than comparisons, so write not (a == b)');
    expect(holds("not (mode == 'x')")).toBe(true);
    // (not fast) == true compiles, but fast is a number, so evaluation says what happened and what to write.
    expect(evalError('not fast == true').message).toContain('"not" needs true or false, got number 10 at 0');
    expect(evalError('not fast == true').message).toContain('so write not (a < b)');
  });
});

describe('compileWhere: errors at compile time', () => {
  it('names an unknown parameter with its position and the known names', () => {
    const e = compileError('fast < slwo');
    expect(e).toBeInstanceOf(WhereError);
    expect(e.name).toBe('WhereError');
    expect(e.message).toBe('where: unknown parameter "slwo" at 7 (known: fast, slow, mode)');
    expect(e.position).toBe(7);
    expect(e.expression).toBe('fast < slwo');
    expect(compileError('x > 1', []).message).toBe('where: unknown parameter "x" at 0 (there are no parameters)');
  });

  it('draws a caret under the problem', () => {
    expect(compileError('fast < slwo').caret()).toBe('fast < slwo\n       ^');
    expect(compileError('fast < 1 and\n\tslwo > 2').caret()).toBe('\tslwo > 2\n\t^');
    expect(compileError('fast <').caret()).toBe('fast <\n      ^');
  });

  it('rejects = with a hint to use ==', () => {
    const e = compileError('fast = 10');
    expect(e.message).toBe('where: unexpected "=" at 5 (use == to compare)');
    expect(e.position).toBe(5);
    expect(compileError("mode='x'").position).toBe(4);
  });

  it('reports each malformed expression with its position and message', () => {
    const cases: [string, number, string][] = [
      ['fast # slow', 5, 'where: unexpected character "#" at 5'],
      ['fast < slow & slow > 3', 12, 'where: unexpected character "&" at 12 (use && or and)'],
      ['fast < slow | slow > 3', 12, 'where: unexpected character "|" at 12 (use || or or)'],
      ["mode == 'long", 8, "where: unterminated string at 8 (no closing ')"],
      ['mode == "long\\"', 8, 'where: unterminated string at 8 (no closing ")'],
      ['(fast < slow', 12, 'where: missing ")" at 12 to close "(" at 0 (found the end of the expression)'],
      ['(fast < slow and (slow > 3)', 27, 'where: missing ")" at 27 to close "(" at 0 (found the end of the expression)'],
      ['max(fast, slow > 3', 18, 'where: missing ")" at 18 to close "max(" at 3 (found the end of the expression)'],
      ['(fast slow) > 1', 6, 'where: missing ")" at 6 to close "(" at 0 (found "slow")'],
      ['fast < slow slow', 12, 'where: unexpected "slow" at 12 (expected and, or, or the end of the expression)'],
      ['fast < slow)', 11, 'where: unexpected ")" at 11 (no "(" to close)'],
      ["fast < slow 'x'", 12, "where: unexpected 'x' at 12 (expected and, or, or the end of the expression)"],
      ['sqrt(fast) > 2', 0, 'where: unknown function "sqrt" at 0 (known: abs, min, max)'],
      ['fast < 3 and slwo(2) > 1', 13, 'where: unknown function "slwo" at 13 (known: abs, min, max)'],
      ['abs > 1', 0, 'where: abs is a function at 0 (call it as abs(...))'],
      ['abs(fast, slow) > 1', 0, 'where: abs takes exactly one argument, got 2 at 0'],
      ['1 < min() ', 4, 'where: min takes at least one argument, got 0 at 4'],
      ['max(fast,) > 1', 9, 'where: expected a value at 9, found ")"'],
      ['fast <', 6, 'where: expected a value at 6, found the end of the expression'],
      ['fast < < slow', 7, 'where: expected a value at 7, found "<"'],
      ['() == 1', 1, 'where: expected a value at 1, found ")"'],
      ['fast < 1 and or slow > 2', 13, 'where: expected a value at 13, found "or"'],
      ['1 < fast < 3', 9, 'where: comparisons do not chain at 9 (write a < b and b < c)'],
      ['1e < fast', 0, 'where: malformed number "1e" at 0'],
      ['fast > 1.2.3', 7, 'where: malformed number "1.2.3" at 7'],
      ['2fast > 1', 0, 'where: malformed number "2fast" at 0'],
      ['fast < 1e999', 7, 'where: number "1e999" at 7 is too large'],
    ];
    for (const [expr, position, message] of cases) {
      const e = compileError(expr);
      expect({ expr, message: e.message, position: e.position }).toEqual({ expr, message, position });
    }
  });

  it('reports the leftmost problem', () => {
    expect(compileError('slwo < 1 # 2').position).toBe(0);
    expect(compileError('fast # slwo').position).toBe(5);
  });

  it('refuses nesting deep enough to threaten the stack', () => {
    expect(holds(`${'('.repeat(50)}fast < slow${')'.repeat(50)}`)).toBe(true);
    const e = compileError(`${'('.repeat(1000)}fast${')'.repeat(1000)}`);
    expect(e.message).toBe('where: expression nested too deeply at 100 (more than 100 levels)');
    expect(compileError(`${'-'.repeat(1000)}fast > 0`).message).toContain('nested too deeply');
  });

  it('rejects what is ill-typed whatever the parameters hold', () => {
    const cases: [string, number, string][] = [
      ["'a' + 1 > 0", 4, 'where: "+" needs numbers, but its left side is a string, at 4'],
      ['fast * true > 0', 5, 'where: "*" needs numbers, but its right side is a boolean, at 5'],
      ["mode < 'z'", 5, 'where: "<" needs numbers, but its right side is a string, at 5'],
      ["-'x' == 1", 0, 'where: "-" needs a number, but its operand is a string, at 0'],
      ['not 3', 0, 'where: "not" needs true or false, but its operand is a number, at 0'],
      ['3 and fast > 1', 2, 'where: "and" needs true or false, but its left side is a number, at 2'],
      ["fast > 1 || 'x'", 9, 'where: "||" needs true or false, but its right side is a string, at 9'],
      ["1 == 'x'", 2, 'where: "==" compares values of one type, but got a number and a string, at 2'],
      ['true != 0', 5, 'where: "!=" compares values of one type, but got a boolean and a number, at 5'],
      ["max(fast, 'x') > 1", 0, 'where: max needs numbers, but its argument 2 is a string, at 0'],
      ['fast + slow', 0, 'where: the expression gives a number, not true or false, at 0 (compare it with <, <=, >, >=, == or !=)'],
      ["  'long_only'", 2, 'where: the expression gives a string, not true or false, at 2 (compare it with <, <=, >, >=, == or !=)'],
    ];
    for (const [expr, position, message] of cases) {
      const e = compileError(expr);
      expect({ expr, message: e.message, position: e.position }).toEqual({ expr, message, position });
    }
  });
});

describe('compileWhere: errors at evaluation', () => {
  const LONG_ONLY = '(for fast=10, slow=20, mode="long_only")';

  it('names the operator, the values, their types and the combination', () => {
    const cases: [string, number, string][] = [
      ['mode + 1 > 2', 5, `where: "+" needs numbers, got string "long_only" and number 1 at 5 ${LONG_ONLY}`],
      ["mode < slow", 5, `where: "<" needs numbers, got string "long_only" and number 20 at 5 ${LONG_ONLY}`],
      ['fast >= mode', 5, `where: ">=" needs numbers, got number 10 and string "long_only" at 5 ${LONG_ONLY}`],
      ['-mode < 0', 0, `where: "-" needs a number, got string "long_only" at 0 ${LONG_ONLY}`],
      ['abs(mode) > 0', 0, `where: abs needs numbers, got string "long_only" at 0 ${LONG_ONLY}`],
      ['min(1, mode) > 0', 0, `where: min needs numbers, got string "long_only" at 0 ${LONG_ONLY}`],
      ["fast == 'x'", 5, `where: "==" needs values of one type, got number 10 and string "x" at 5 ${LONG_ONLY}`],
      ['fast and slow > 1', 5, `where: "and" needs true or false, got number 10 at 5 ${LONG_ONLY}`],
      ['fast > 1 && slow', 9, `where: "&&" needs true or false, got boolean true and number 20 at 9 ${LONG_ONLY}`],
      ['fast', 0, `where: the expression gives number 10, not true or false, at 0 ${LONG_ONLY}`],
    ];
    for (const [expr, position, message] of cases) {
      const e = evalError(expr);
      expect({ expr, message: e.message, position: e.position }).toEqual({ expr, message, position });
      expect(e.expression).toBe(expr);
    }
  });

  it('complains of arithmetic on a boolean parameter', () => {
    const e = evalError('flag + 1 > 0', { flag: true }, ['flag']);
    expect(e.message).toBe('where: "+" needs numbers, got boolean true and number 1 at 5 (for flag=true)');
  });

  it('says when a known parameter is missing from the combination', () => {
    const e = evalError('stop > 0.02', { fast: 10 }, ['fast', 'stop']);
    expect(e.message).toBe('where: parameter "stop" is missing from the combination at 0 (for fast=10)');
    expect(evalError('stop > 0.02', {}, ['stop']).message).toContain('(for an empty combination)');
  });

  it('fails only the combinations whose values do not fit', () => {
    const keep = compileWhere('x * 2 > 3', ['x']);
    expect(keep({ x: 2 })).toBe(true);
    expect(errorOf(() => keep({ x: 'two' })).message).toBe('where: "*" needs numbers, got string "two" and number 2 at 2 (for x="two")');
  });
});

describe('compileWhere: agrees with hand-written predicates', () => {
  const grid: { fast: number; slow: number; mode: string }[] = [];
  for (let fast = -6; fast <= 24; fast += 1) {
    for (let slow = -6; slow <= 24; slow += 2) grid.push({ fast, slow, mode: (fast + slow) % 3 === 0 ? 'long_short' : 'long_only' });
  }

  const cases: [string, (c: { fast: number; slow: number; mode: string }) => boolean][] = [
    ["fast < slow and slow - fast >= 10 or mode == 'long_short'", (c) => (c.fast < c.slow && c.slow - c.fast >= 10) || c.mode === 'long_short'],
    ['abs(fast - slow) % 3 == 0 or min(fast, slow) * 2 > max(fast, slow)', (c) => Math.abs(c.fast - c.slow) % 3 === 0 || Math.min(c.fast, c.slow) * 2 > Math.max(c.fast, c.slow)],
    ['-fast + slow * 2 != 7 && !(fast >= 3)', (c) => -c.fast + c.slow * 2 !== 7 && !(c.fast >= 3)],
    ["not (mode == 'long_only') and fast / 2 <= slow / 3", (c) => !(c.mode === 'long_only') && c.fast / 2 <= c.slow / 3],
    ['(fast + 1) * (slow - 1) > 20 || fast % 4 == -2', (c) => (c.fast + 1) * (c.slow - 1) > 20 || c.fast % 4 === -2],
    ['fast * 0.5 + 1e-1 >= slow * .25', (c) => c.fast * 0.5 + 1e-1 >= c.slow * 0.25],
  ];

  for (const [expr, reference] of cases) {
    it(expr, () => {
      const keep = compileWhere(expr, NAMES);
      for (const c of grid) expect(keep(c), JSON.stringify(c)).toBe(reference(c));
      // The grid exercises both outcomes.
      expect(new Set(grid.map(keep)).size).toBe(2);
    });
  }
});

// ---- property: random well-typed expressions, printed with only the parentheses precedence needs ----

type Param = 'a' | 'b' | 'c';
type Num =
  | { t: 'lit'; v: number }
  | { t: 'param'; name: Param }
  | { t: 'neg'; x: Num }
  | { t: 'arith'; op: '+' | '-' | '*' | '/' | '%'; l: Num; r: Num }
  | { t: 'fn'; fn: 'abs' | 'min' | 'max'; args: Num[] };
type Bool =
  | { t: 'bool'; v: boolean }
  | { t: 'cmp'; op: '<' | '<=' | '>' | '>=' | '==' | '!='; l: Num; r: Num }
  | { t: 'not'; word: 'not' | '!'; x: Bool }
  | { t: 'logic'; op: 'and' | 'or' | '&&' | '||'; l: Bool; r: Bool };

/** Binding strength of each printed form: or 1, and 2, comparison 3, sum 4, product 5, unary 6, atom 7. */
const PREC = { or: 1, and: 2, cmp: 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, unary: 6, atom: 7 } as const;

interface Printed {
  text: string;
  prec: number;
}
const wrap = (p: Printed, min: number): string => (p.prec < min ? `(${p.text})` : p.text);
/** Left-associative binary: the left operand may be as loose as the operator, the right must be tighter. */
const binary = (l: Printed, op: string, r: Printed, prec: number): Printed => ({ text: `${wrap(l, prec)} ${op} ${wrap(r, prec + 1)}`, prec });

function printNum(n: Num): Printed {
  switch (n.t) {
    case 'lit':
      return { text: String(n.v), prec: n.v < 0 ? PREC.unary : PREC.atom };
    case 'param':
      return { text: n.name, prec: PREC.atom };
    case 'neg':
      return { text: `-${wrap(printNum(n.x), PREC.unary)}`, prec: PREC.unary };
    case 'arith':
      return binary(printNum(n.l), n.op, printNum(n.r), PREC[n.op]);
    case 'fn':
      return { text: `${n.fn}(${n.args.map((a) => printNum(a).text).join(', ')})`, prec: PREC.atom };
  }
}

function printBool(b: Bool): Printed {
  switch (b.t) {
    case 'bool':
      return { text: String(b.v), prec: PREC.atom };
    case 'cmp':
      return binary(printNum(b.l), b.op, printNum(b.r), PREC.cmp);
    case 'not':
      return { text: `${b.word === 'not' ? 'not ' : '!'}${wrap(printBool(b.x), PREC.unary)}`, prec: PREC.unary };
    case 'logic':
      return binary(printBool(b.l), b.op, printBool(b.r), b.op === 'or' || b.op === '||' ? PREC.or : PREC.and);
  }
}

function evalNum(n: Num, c: Record<Param, number>): number {
  switch (n.t) {
    case 'lit':
      return n.v;
    case 'param':
      return c[n.name];
    case 'neg':
      return -evalNum(n.x, c);
    case 'arith': {
      const l = evalNum(n.l, c);
      const r = evalNum(n.r, c);
      return n.op === '+' ? l + r : n.op === '-' ? l - r : n.op === '*' ? l * r : n.op === '/' ? l / r : l % r;
    }
    case 'fn': {
      const args = n.args.map((a) => evalNum(a, c));
      return n.fn === 'abs' ? Math.abs(args[0]) : n.fn === 'min' ? Math.min(...args) : Math.max(...args);
    }
  }
}

function evalBool(b: Bool, c: Record<Param, number>): boolean {
  switch (b.t) {
    case 'bool':
      return b.v;
    case 'cmp': {
      const l = evalNum(b.l, c);
      const r = evalNum(b.r, c);
      const op = b.op;
      return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : op === '>=' ? l >= r : op === '==' ? l === r : l !== r;
    }
    case 'not':
      return !evalBool(b.x, c);
    case 'logic':
      return b.op === 'and' || b.op === '&&' ? evalBool(b.l, c) && evalBool(b.r, c) : evalBool(b.l, c) || evalBool(b.r, c);
  }
}

const trees = fc.letrec<{ num: Num; bool: Bool }>((tie) => ({
  num: fc.oneof(
    { maxDepth: 4 },
    fc.record({ t: fc.constant('lit' as const), v: fc.oneof(fc.integer({ min: -9, max: 9 }), fc.constantFrom(0.5, 2.5, 1e-3)) }),
    fc.record({ t: fc.constant('param' as const), name: fc.constantFrom<Param>('a', 'b', 'c') }),
    fc.record({ t: fc.constant('neg' as const), x: tie('num') }),
    fc.record({ t: fc.constant('arith' as const), op: fc.constantFrom('+', '-', '*', '/', '%'), l: tie('num'), r: tie('num') }),
    fc
      .record({ t: fc.constant('fn' as const), fn: fc.constantFrom('abs', 'min', 'max'), args: fc.array(tie('num'), { minLength: 1, maxLength: 3 }) })
      .map((f) => (f.fn === 'abs' ? { ...f, args: f.args.slice(0, 1) } : f)),
  ),
  bool: fc.oneof(
    { maxDepth: 4 },
    fc.record({ t: fc.constant('cmp' as const), op: fc.constantFrom('<', '<=', '>', '>=', '==', '!='), l: tie('num'), r: tie('num') }),
    fc.record({ t: fc.constant('bool' as const), v: fc.boolean() }),
    fc.record({ t: fc.constant('not' as const), word: fc.constantFrom('not', '!'), x: tie('bool') }),
    fc.record({ t: fc.constant('logic' as const), op: fc.constantFrom('and', 'or', '&&', '||'), l: tie('bool'), r: tie('bool') }),
  ),
}));

describe('compileWhere: property', () => {
  it('agrees with JavaScript on random expressions printed with minimal parentheses', () => {
    const combos = fc.array(fc.record({ a: fc.integer({ min: -20, max: 20 }), b: fc.integer({ min: -20, max: 20 }), c: fc.constantFrom(0, 1, -1, 0.5, 7) }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(trees.bool, combos, (tree, cs) => {
        const text = printBool(tree).text;
        const keep = compileWhere(text, ['a', 'b', 'c']);
        for (const c of cs) expect(keep(c), `${text} on ${JSON.stringify(c)}`).toBe(evalBool(tree, c));
      }),
      { numRuns: 500 },
    );
  });
});
