/**
 * The `--where` filter of a parameter sweep (and the UI's text field beside it): a small condition over
 * the sweep's parameter names that says which combinations to keep, e.g. `fast < slow and slow - fast >= 10`.
 * A hand-written recursive-descent parser compiles it once into a tree of closures, so a sweep can test
 * every combination of a large grid in milliseconds. No `eval`, no `Function`, no dependency.
 *
 * Grammar, loosest binding first (`or` binds loosest, the unary operators tightest):
 *
 *     expression  := or | (nothing but whitespace: keeps every combination)
 *     or          := and { ("or" | "||") and }
 *     and         := comparison { ("and" | "&&") comparison }
 *     comparison  := sum [ ("<" | "<=" | ">" | ">=" | "==" | "!=") sum ]    (at most one: they do not chain)
 *     sum         := product { ("+" | "-") product }
 *     product     := unary { ("*" | "/" | "%") unary }
 *     unary       := ("-" | "not" | "!") unary | primary
 *     primary     := number | string | "true" | "false" | name | function "(" or { "," or } ")" | "(" or ")"
 *     function    := "abs" (one argument) | "min" | "max" (one or more arguments)
 *
 * - A number is `12`, `0.5`, `.5` or `1e-3` (a leading minus is the unary minus: `-3`).
 * - A string is in single or double quotes (`'long_short'`, `"long_short"`); a backslash takes the next
 *   character literally (`'it\'s'`).
 * - A name is ASCII letters, digits and `_`, not starting with a digit, and must be one of the sweep's parameters.
 *   `and`, `or`, `not`, `true` and `false` are words of the language, so a parameter with one of those names
 *   cannot be referred to; `abs`, `min` and `max` are functions only when a `(` follows.
 * - `not`/`!` bind tighter than comparisons, like `!` in C: `not a < b` means `(not a) < b`, which is a type
 *   error, so write `not (a < b)`. Both spellings of each logical operator mean the same.
 * - `=` is not an operator: it is rejected with "use == to compare".
 *
 * Types are number, string and boolean, and nothing converts: arithmetic, `min`/`max`/`abs` and the ordering
 * comparisons `< <= > >=` take numbers; `and`/`or`/`not` take booleans; `==`/`!=` compare two values of the
 * same type (`mode == 'long_short'`); and the whole expression must be a boolean. What can be checked from the
 * text alone (literals, operators' results) is checked when compiling; what depends on a parameter's value is
 * checked as each combination is evaluated. Either way the error is a {@link WhereError}; at evaluation its
 * message names the operator, the values and their types, and the combination.
 *
 * Arithmetic is JavaScript's double arithmetic: `%` is the remainder (its sign follows the left side),
 * `x / 0` is ±Infinity and `0 / 0` or `x % 0` is NaN, which is neither less than, greater than nor equal to
 * anything (only `!=` holds). `==` is exact, so `0.1 + 0.2 == 0.3` is false. `and` and `or` stop at the first side that decides the result, so the right
 * side is not evaluated (or type-checked) when the left one decides.
 */

export type ParamValue = number | string | boolean;
export type Combination = Readonly<Record<string, ParamValue>>;

/** Thrown for a malformed or ill-typed expression; `position` is the 0-based character offset of the problem. */
export class WhereError extends Error {
  readonly position: number;
  readonly expression: string;

  constructor(message: string, position: number, expression: string) {
    super(message);
    this.name = 'WhereError';
    this.position = position;
    this.expression = expression;
  }

  /** The expression's line holding the problem, and under it a caret at the problem: for a terminal or a monospace field. */
  caret(): string {
    const start = this.expression.lastIndexOf('\n', this.position - 1) + 1;
    const newline = this.expression.indexOf('\n', this.position);
    const line = this.expression.slice(start, newline < 0 ? undefined : newline);
    // Tabs stay tabs so the caret lines up whatever the tab width.
    const pad = this.expression.slice(start, this.position).replace(/[^\t]/g, ' ');
    return `${line}\n${pad}^`;
  }
}

/** How deep parentheses, function calls and unary operators may nest before the expression is refused. */
const MAX_NESTING = 100;

type Type = 'number' | 'string' | 'boolean';
/** A node's type as far as the text tells: a parameter's is known only once a combination gives it a value. */
type StaticType = Type | 'unknown';
type Eval = (c: Combination) => ParamValue;

interface Node {
  readonly type: StaticType;
  readonly ev: Eval;
  /** Where the node's operator (or, for a leaf, the node) starts: the position its errors report. */
  readonly pos: number;
  /** `not` nodes are marked so that a comparison of one can explain the precedence; literals so `-3` folds. */
  readonly shape: 'not' | 'literal' | 'other';
}

type Token =
  | { readonly kind: 'number'; readonly pos: number; readonly text: string; readonly value: number }
  | { readonly kind: 'string'; readonly pos: number; readonly text: string; readonly value: string }
  | { readonly kind: 'name' | 'op' | 'end'; readonly pos: number; readonly text: string };

const TWO_CHAR_OPS = new Set(['<=', '>=', '==', '!=', '&&', '||']);
const ONE_CHAR_OPS = new Set(['<', '>', '!', '+', '-', '*', '/', '%', '(', ')', ',']);
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const WORD_CHAR = /[A-Za-z0-9_.]/;
const SPACE = /\s/;

const ORDERING = new Set(['<', '<=', '>', '>=']);
const EQUALITY = new Set(['==', '!=']);

/** Reports a binary operator's operands that do not fit it, at evaluation. */
type BadOperands = (c: Combination, a: ParamValue, b: ParamValue | undefined) => never;

/**
 * One closure per operator rather than one calling an operator from a table: each closure's code then does
 * a single operation, which the JIT compiles inline instead of as a call through a shared, polymorphic site.
 */
function arithmeticEval(op: string, l: Eval, r: Eval, bad: BadOperands): Eval {
  switch (op) {
    case '+':
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a + b : bad(c, a, b);
      };
    case '-':
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a - b : bad(c, a, b);
      };
    case '*':
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a * b : bad(c, a, b);
      };
    case '/':
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a / b : bad(c, a, b);
      };
    default: // '%', the parser's only other arithmetic operator
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a % b : bad(c, a, b);
      };
  }
}

/** As {@link arithmeticEval}, for the ordering comparisons. */
function orderingEval(op: string, l: Eval, r: Eval, bad: BadOperands): Eval {
  switch (op) {
    case '<':
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a < b : bad(c, a, b);
      };
    case '<=':
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a <= b : bad(c, a, b);
      };
    case '>':
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a > b : bad(c, a, b);
      };
    default: // '>=', the parser's only other ordering operator
      return (c) => {
        const a = l(c);
        const b = r(c);
        return typeof a === 'number' && typeof b === 'number' ? a >= b : bad(c, a, b);
      };
  }
}

const FUNCTIONS = ['abs', 'min', 'max'] as const;
type FunctionName = (typeof FUNCTIONS)[number];
const isFunction = (name: string): name is FunctionName => (FUNCTIONS as readonly string[]).includes(name);

const NOT_HINT = 'not binds tighter than comparisons, so write not (a < b)';

/**
 * Compiles `expr` over the parameter names `names` (others are an error naming the unknown name and the known
 * ones) into a predicate over combinations. Throws a {@link WhereError} for a malformed expression or one whose
 * types are wrong whatever the parameters' values; the predicate throws one when a combination's values do not
 * fit the operators (or a parameter is missing). An empty or whitespace-only expression keeps everything.
 */
export function compileWhere(expr: string, names: readonly string[]): (c: Combination) => boolean {
  if (expr.trim() === '') return () => true;
  return new Parser(expr, names).parse();
}

/** Reads the expression's next token on demand, so the leftmost problem is the one reported. */
class Lexer {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly fail: (message: string, pos: number) => never,
  ) {}

  next(): Token {
    const s = this.src;
    while (this.i < s.length && SPACE.test(s[this.i])) this.i++;
    const pos = this.i;
    if (pos >= s.length) return { kind: 'end', pos, text: '' };
    const ch = s[pos];

    NUMBER.lastIndex = pos;
    if (NUMBER.test(s)) {
      let end = NUMBER.lastIndex;
      if (end < s.length && WORD_CHAR.test(s[end])) {
        while (end < s.length && WORD_CHAR.test(s[end])) end++;
        this.fail(`malformed number "${s.slice(pos, end)}" at ${pos}`, pos);
      }
      const text = s.slice(pos, end);
      const value = Number(text);
      if (!Number.isFinite(value)) this.fail(`number "${text}" at ${pos} is too large`, pos);
      this.i = end;
      return { kind: 'number', pos, text, value };
    }

    NAME.lastIndex = pos;
    if (NAME.test(s)) {
      this.i = NAME.lastIndex;
      return { kind: 'name', pos, text: s.slice(pos, this.i) };
    }

    if (ch === '"' || ch === "'") return this.string(pos, ch);

    const two = s.slice(pos, pos + 2);
    if (TWO_CHAR_OPS.has(two)) {
      this.i = pos + 2;
      return { kind: 'op', pos, text: two };
    }
    if (ONE_CHAR_OPS.has(ch)) {
      this.i = pos + 1;
      return { kind: 'op', pos, text: ch };
    }
    if (ch === '=') this.fail(`unexpected "=" at ${pos} (use == to compare)`, pos);
    if (ch === '&') this.fail(`unexpected character "&" at ${pos} (use && or and)`, pos);
    if (ch === '|') this.fail(`unexpected character "|" at ${pos} (use || or or)`, pos);
    this.fail(`unexpected character ${JSON.stringify(String.fromCodePoint(s.codePointAt(pos) ?? 0))} at ${pos}`, pos);
  }

  private string(pos: number, quote: string): Token {
    const s = this.src;
    let value = '';
    let i = pos + 1;
    while (i < s.length && s[i] !== quote) {
      if (s[i] === '\\' && i + 1 < s.length) i++;
      value += s[i];
      i++;
    }
    if (i >= s.length) this.fail(`unterminated string at ${pos} (no closing ${quote})`, pos);
    this.i = i + 1;
    return { kind: 'string', pos, text: s.slice(pos, this.i), value };
  }
}

class Parser {
  private readonly lexer: Lexer;
  private readonly known: ReadonlySet<string>;
  private tok: Token;
  private depth = 0;

  constructor(
    private readonly expr: string,
    private readonly names: readonly string[],
  ) {
    this.known = new Set(names);
    this.lexer = new Lexer(expr, (message, pos) => this.fail(message, pos));
    this.tok = this.lexer.next();
  }

  parse(): (c: Combination) => boolean {
    const start = this.tok.pos;
    const root = this.parseOr();
    if (this.tok.kind !== 'end') {
      const extra = this.tok;
      if (extra.kind === 'op' && extra.text === ')') this.fail(`unexpected ")" at ${extra.pos} (no "(" to close)`, extra.pos);
      this.fail(`unexpected ${describeToken(extra)} at ${extra.pos} (expected and, or, or the end of the expression)`, extra.pos);
    }
    if (root.type === 'boolean') return root.ev as (c: Combination) => boolean;
    if (root.type !== 'unknown') {
      this.fail(`the expression gives a ${root.type}, not true or false, at ${start} (compare it with <, <=, >, >=, == or !=)`, start);
    }
    const { ev } = root;
    const expr = this.expr;
    return (c) => {
      const v = ev(c);
      if (typeof v !== 'boolean') {
        throw new WhereError(
          `where: the expression gives ${describeValue(v)}, not true or false, at ${start} (for ${describeCombination(c)})`,
          start,
          expr,
        );
      }
      return v;
    };
  }

  // ---- grammar ----

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.isOp('||') || this.isWord('or')) {
      const op = this.advance();
      left = this.logic(op, left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseComparison();
    while (this.isOp('&&') || this.isWord('and')) {
      const op = this.advance();
      left = this.logic(op, left, this.parseComparison());
    }
    return left;
  }

  private parseComparison(): Node {
    const left = this.parseSum();
    if (!this.isComparison()) return left;
    const op = this.advance();
    const right = this.parseSum();
    if (this.isComparison()) {
      this.fail(`comparisons do not chain at ${this.tok.pos} (write a < b and b < c)`, this.tok.pos);
    }
    return EQUALITY.has(op.text) ? this.equality(op, left, right) : this.ordering(op, left, right);
  }

  private parseSum(): Node {
    let left = this.parseProduct();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.advance();
      left = this.arithmetic(op, left, this.parseProduct());
    }
    return left;
  }

  private parseProduct(): Node {
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.advance();
      left = this.arithmetic(op, left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): Node {
    if (this.isOp('-')) {
      const op = this.advance();
      return this.negate(op, this.nested(op.pos, () => this.parseUnary()));
    }
    if (this.isOp('!') || this.isWord('not')) {
      const op = this.advance();
      return this.not(op, this.nested(op.pos, () => this.parseUnary()));
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const t = this.tok;
    if (t.kind === 'number' || t.kind === 'string') {
      this.advance();
      return literal(t.value, t.pos);
    }
    if (t.kind === 'name') {
      if (t.text === 'true' || t.text === 'false') {
        this.advance();
        return literal(t.text === 'true', t.pos);
      }
      if (t.text !== 'and' && t.text !== 'or') {
        this.advance();
        return this.isOp('(') ? this.call(t) : this.param(t);
      }
    }
    if (t.kind === 'op' && t.text === '(') {
      this.advance();
      const inner = this.nested(t.pos, () => this.parseOr());
      this.expectClose(t.pos, '(');
      return { ...inner, shape: inner.shape === 'literal' ? 'literal' : 'other' };
    }
    this.fail(`expected a value at ${t.pos}, found ${describeToken(t)}`, t.pos);
  }

  private call(name: Token): Node {
    const open = this.advance();
    if (!isFunction(name.text)) {
      this.fail(`unknown function "${name.text}" at ${name.pos} (known: ${FUNCTIONS.join(', ')})`, name.pos);
    }
    const fn = name.text;
    const args: Node[] = [];
    if (!this.isOp(')')) {
      this.nested(open.pos, () => {
        args.push(this.parseOr());
        while (this.isOp(',')) {
          this.advance();
          args.push(this.parseOr());
        }
      });
    }
    this.expectClose(open.pos, `${fn}(`);
    if (fn === 'abs' ? args.length !== 1 : args.length === 0) {
      const wanted = fn === 'abs' ? 'exactly one argument' : 'at least one argument';
      this.fail(`${fn} takes ${wanted}, got ${args.length} at ${name.pos}`, name.pos);
    }
    args.forEach((a, i) => {
      if (a.type !== 'number' && a.type !== 'unknown') {
        this.fail(`${fn} needs numbers, but its argument ${i + 1} is a ${a.type}, at ${name.pos}`, name.pos);
      }
    });

    const pos = name.pos;
    const expr = this.expr;
    const evs = args.map((a) => a.ev);
    const bad = (c: Combination, v: ParamValue): never => {
      throw new WhereError(`where: ${fn} needs numbers, got ${describeValue(v)} at ${pos} (for ${describeCombination(c)})`, pos, expr);
    };
    let ev: Eval;
    if (fn === 'abs') {
      const [arg] = evs;
      ev = (c) => {
        const v = arg(c);
        return typeof v === 'number' ? Math.abs(v) : bad(c, v);
      };
    } else {
      const pick = fn === 'min' ? Math.min : Math.max;
      ev = (c) => {
        let out = NaN;
        for (let i = 0; i < evs.length; i++) {
          const v = evs[i](c);
          if (typeof v !== 'number') return bad(c, v);
          out = i === 0 ? v : pick(out, v);
        }
        return out;
      };
    }
    return { type: 'number', ev, pos, shape: 'other' };
  }

  private param(t: Token): Node {
    const name = t.text;
    if (!this.known.has(name)) {
      if (isFunction(name)) this.fail(`${name} is a function at ${t.pos} (call it as ${name}(...))`, t.pos);
      const known = this.names.length ? `known: ${this.names.join(', ')}` : 'there are no parameters';
      this.fail(`unknown parameter "${name}" at ${t.pos} (${known})`, t.pos);
    }
    const pos = t.pos;
    const expr = this.expr;
    const ev: Eval = (c) => {
      const v = c[name];
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
      const what = v === undefined ? 'is missing from the combination' : `has ${typeof v} value ${String(v)}, not a number, string or boolean`;
      throw new WhereError(`where: parameter "${name}" ${what} at ${pos} (for ${describeCombination(c)})`, pos, expr);
    };
    return { type: 'unknown', ev, pos, shape: 'other' };
  }

  // ---- operators: the type checks the text allows now, and closures that check the rest ----

  private logic(op: Token, left: Node, right: Node): Node {
    const word = op.text === '||' || op.text === 'or' ? 'or' : 'and';
    this.expectStatic(op, left, right, 'boolean', 'true or false');
    const l = left.ev;
    const r = right.ev;
    const bad = this.runtimeBinary(op, 'true or false');
    // `or` returns at the first true, `and` at the first false.
    const decides = word === 'or';
    const ev: Eval = (c) => {
      const a = l(c);
      if (a === decides) return a;
      if (typeof a !== 'boolean') return bad(c, a, undefined);
      const b = r(c);
      return typeof b === 'boolean' ? b : bad(c, a, b);
    };
    return { type: 'boolean', ev, pos: op.pos, shape: 'other' };
  }

  private ordering(op: Token, left: Node, right: Node): Node {
    this.expectStatic(op, left, right, 'number', 'numbers');
    const ev = orderingEval(op.text, left.ev, right.ev, this.runtimeBinary(op, 'numbers'));
    return { type: 'boolean', ev, pos: op.pos, shape: 'other' };
  }

  private equality(op: Token, left: Node, right: Node): Node {
    if (left.type !== 'unknown' && right.type !== 'unknown' && left.type !== right.type) {
      const hint = left.shape === 'not' ? `; ${NOT_HINT.replace('<', op.text)}` : '';
      this.fail(`"${op.text}" compares values of one type, but got a ${left.type} and a ${right.type}, at ${op.pos}${hint}`, op.pos);
    }
    const equal = op.text === '==';
    const l = left.ev;
    const r = right.ev;
    const bad = this.runtimeBinary(op, 'values of one type');
    const ev: Eval = (c) => {
      const a = l(c);
      const b = r(c);
      return typeof a === typeof b ? (a === b) === equal : bad(c, a, b);
    };
    return { type: 'boolean', ev, pos: op.pos, shape: 'other' };
  }

  private arithmetic(op: Token, left: Node, right: Node): Node {
    this.expectStatic(op, left, right, 'number', 'numbers');
    const ev = arithmeticEval(op.text, left.ev, right.ev, this.runtimeBinary(op, 'numbers'));
    return { type: 'number', ev, pos: op.pos, shape: 'other' };
  }

  private negate(op: Token, arg: Node): Node {
    if (arg.type !== 'number' && arg.type !== 'unknown') {
      this.fail(`"-" needs a number, but its operand is a ${arg.type}, at ${op.pos}`, op.pos);
    }
    if (arg.shape === 'literal') return literal(-(arg.ev({}) as number), op.pos);
    const a = arg.ev;
    const pos = op.pos;
    const expr = this.expr;
    const ev: Eval = (c) => {
      const v = a(c);
      if (typeof v === 'number') return -v;
      throw new WhereError(`where: "-" needs a number, got ${describeValue(v)} at ${pos} (for ${describeCombination(c)})`, pos, expr);
    };
    return { type: 'number', ev, pos, shape: 'other' };
  }

  private not(op: Token, arg: Node): Node {
    if (arg.type !== 'boolean' && arg.type !== 'unknown') {
      this.fail(`"${op.text}" needs true or false, but its operand is a ${arg.type}, at ${op.pos}`, op.pos);
    }
    const a = arg.ev;
    const pos = op.pos;
    const expr = this.expr;
    const text = op.text;
    const ev: Eval = (c) => {
      const v = a(c);
      if (typeof v === 'boolean') return !v;
      throw new WhereError(
        `where: "${text}" needs true or false, got ${describeValue(v)} at ${pos} (for ${describeCombination(c)}); ${NOT_HINT}`,
        pos,
        expr,
      );
    };
    return { type: 'boolean', ev, pos, shape: 'not' };
  }

  /** Fails now if either side's type is already known to be wrong for `op`. */
  private expectStatic(op: Token, left: Node, right: Node, want: Type, wanted: string): void {
    for (const [side, node] of [['left', left], ['right', right]] as const) {
      if (node.type === want || node.type === 'unknown') continue;
      const hint = side === 'left' && node.shape === 'not' && ORDERING.has(op.text) ? `; ${NOT_HINT.replace('<', op.text)}` : '';
      this.fail(`"${op.text}" needs ${wanted}, but its ${side} side is a ${node.type}, at ${op.pos}${hint}`, op.pos);
    }
  }

  /** The evaluation-time error of a binary operator whose operands' values do not fit it. */
  private runtimeBinary(op: Token, wanted: string): BadOperands {
    const { pos, text } = op;
    const expr = this.expr;
    return (c, a, b) => {
      const got = b === undefined ? describeValue(a) : `${describeValue(a)} and ${describeValue(b)}`;
      throw new WhereError(`where: "${text}" needs ${wanted}, got ${got} at ${pos} (for ${describeCombination(c)})`, pos, expr);
    };
  }

  // ---- tokens ----

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  private isOp(text: string): boolean {
    return this.tok.kind === 'op' && this.tok.text === text;
  }

  private isWord(word: string): boolean {
    return this.tok.kind === 'name' && this.tok.text === word;
  }

  private isComparison(): boolean {
    return this.tok.kind === 'op' && (ORDERING.has(this.tok.text) || EQUALITY.has(this.tok.text));
  }

  private expectClose(openPos: number, opener: string): void {
    if (this.isOp(')')) {
      this.advance();
      return;
    }
    const t = this.tok;
    this.fail(`missing ")" at ${t.pos} to close "${opener}" at ${openPos} (found ${describeToken(t)})`, t.pos);
  }

  private nested<T>(pos: number, parse: () => T): T {
    if (++this.depth > MAX_NESTING) this.fail(`expression nested too deeply at ${pos} (more than ${MAX_NESTING} levels)`, pos);
    const out = parse();
    this.depth--;
    return out;
  }

  private fail(message: string, pos: number): never {
    throw new WhereError(`where: ${message}`, pos, this.expr);
  }
}

function literal(value: ParamValue, pos: number): Node {
  return { type: typeof value as Type, ev: () => value, pos, shape: 'literal' };
}

function describeToken(t: Token): string {
  return t.kind === 'end' ? 'the end of the expression' : t.kind === 'string' ? t.text : `"${t.text}"`;
}

function describeValue(v: unknown): string {
  return `${typeof v} ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`;
}

/** `fast=10, slow=20, mode="long_only"`: the combination as the sweep would show it. */
function describeCombination(c: Combination): string {
  const parts = Object.entries(c).map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  return parts.length ? parts.join(', ') : 'an empty combination';
}
