import { z } from 'zod';
import type { ConfigIssue } from './ConfigError';

/**
 * Turns zod's issues into messages a user can act on: the key path, what was expected (with the
 * schema's bounds) and the value actually given. Unknown keys get one issue each, with their own path.
 */
export function toConfigIssues(error: z.ZodError, input: unknown, schema: z.ZodType): ConfigIssue[] {
  return collect(error.issues, [], input, schema);
}

function collect(
  zodIssues: readonly z.core.$ZodIssue[],
  prefix: string[],
  input: unknown,
  schema: z.ZodType,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const issue of zodIssues) {
    const base = [...prefix, ...issue.path.map(String)];
    const branch = issue.code === 'invalid_union' ? matchingBranch(issue.errors) : undefined;
    if (branch) {
      issues.push(...collect(branch, base, input, schema));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: [...base, key].join('.'), message: 'unknown key' + allowedKeys(schema, base, input) });
      }
      continue;
    }
    issues.push({ path: base.join('.'), message: describe(issue, valueAt(input, base), schema, base, input) });
  }
  return issues;
}

/**
 * A union fails as a whole, but when the value had the right shape for exactly one option, that
 * option's own issues (a bad list element, say) are the useful ones.
 */
function matchingBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  const candidates = branches.filter((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return candidates.length === 1 ? candidates[0] : undefined;
}

function describe(issue: z.core.$ZodIssue, value: unknown, schema: z.ZodType, path: string[], input: unknown): string {
  const got = value === undefined ? 'nothing' : show(value);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      return `expected ${expectedType(issue.expected, schemaAt(schema, path, input))}, got ${got}`;
    case 'too_small':
    case 'too_big':
      return `expected ${sizeExpectation(issue, schemaAt(schema, path, input))}, got ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => show(v)).join(' | ')}, got ${got}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        return `expected one of ${issue.options.map((v: unknown) => show(v)).join(' | ')}, got ${got}`;
      }
      return `${issue.message}, got ${got}`;
    case 'custom':
      return isScalar(value) ? `${issue.message}, got ${got}` : issue.message;
    default:
      return issue.message;
  }
}

function sizeExpectation(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  at: z.ZodType | undefined,
): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'number' || issue.origin === 'int') return expectedType(issue.origin, at);
  if (issue.origin === 'string') {
    if (small && limit === 1) return 'a non-empty string';
    return `a string of ${small ? 'at least' : 'at most'} ${limit} characters`;
  }
  if (issue.origin === 'array') return `a list of ${small ? 'at least' : 'at most'} ${limit} items`;
  return `${issue.origin} ${small ? '>=' : '<='} ${limit}`;
}

function expectedType(expected: string, at: z.ZodType | undefined): string {
  if (expected === 'number' || expected === 'int') {
    const num = at instanceof z.ZodNumber ? at : undefined;
    const noun = expected === 'int' || num?.isInt ? 'an integer' : 'a number';
    return [noun, ...(num ? numberBounds(num) : [])].join(' ');
  }
  if (expected === 'object') return 'a section (key: value mapping)';
  if (expected === 'array') return 'a list';
  if (expected === 'boolean') return 'true or false';
  return `a ${expected}`;
}

/** The number's bound checks, e.g. [">= 0", "and <= 1"]; read from the checks so exclusivity is kept. */
function numberBounds(num: z.ZodNumber): string[] {
  const bounds: string[] = [];
  for (const check of num._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; value?: unknown; inclusive?: boolean };
    if (def.check === 'greater_than') bounds.push(`${def.inclusive ? '>=' : '>'} ${show(def.value)}`);
    if (def.check === 'less_than') bounds.push(`${def.inclusive ? '<=' : '<'} ${show(def.value)}`);
  }
  return bounds.map((b, i) => (i === 0 ? b : `and ${b}`));
}

/** The sub-schema at a key path, following defaults, optionals and discriminated unions (by the input's tag). */
function schemaAt(schema: z.ZodType, path: string[], input: unknown): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  let value: unknown = input;
  let i = 0;
  while (node) {
    if (
      node instanceof z.ZodDefault ||
      node instanceof z.ZodPrefault ||
      node instanceof z.ZodOptional ||
      node instanceof z.ZodNullable
    ) {
      node = node.unwrap() as z.ZodType;
    } else if (node instanceof z.ZodPipe) {
      node = node.in as z.ZodType;
    } else if (node instanceof z.ZodDiscriminatedUnion) {
      node = pickOption(node, value);
    } else if (i === path.length) {
      return node;
    } else if (node instanceof z.ZodObject) {
      node = (node.shape as Record<string, z.ZodType>)[path[i]];
      value = valueAt(value, [path[i++]]);
    } else if (node instanceof z.ZodArray) {
      node = node.element as z.ZodType;
      value = valueAt(value, [path[i++]]);
    } else {
      return undefined;
    }
  }
  return undefined;
}

function pickOption(union: z.ZodDiscriminatedUnion, value: unknown): z.ZodType | undefined {
  const key = union.def.discriminator;
  const tag = valueAt(value, [key]);
  return union.options.find((option) => {
    const field = option instanceof z.ZodObject ? (option.shape as Record<string, z.ZodType>)[key] : undefined;
    return field instanceof z.ZodLiteral && field.values.has(tag as never);
  }) as z.ZodType | undefined;
}

function allowedKeys(schema: z.ZodType, path: string[], input: unknown): string {
  const at = schemaAt(schema, path, input);
  return at instanceof z.ZodObject ? ` (allowed: ${Object.keys(at.shape).join(', ')})` : '';
}

function valueAt(input: unknown, path: readonly string[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function isScalar(value: unknown): boolean {
  return value !== undefined && (typeof value !== 'object' || value === null || value instanceof Date);
}

/** Longest string value quoted whole in a message. */
const SHOWN_CHARS = 60;

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  // A long string is cut, so that a pasted novel does not become the message.
  if (typeof value === 'string') return value.length > SHOWN_CHARS ? `${JSON.stringify(`${value.slice(0, SHOWN_CHARS)}...`)} (${value.length} characters)` : JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a section';
  // 1e15 reads better than sixteen digits.
  if (typeof value === 'number' && Math.abs(value) >= 1e12) return value.toExponential().replace('e+', 'e');
  return String(value);
}
