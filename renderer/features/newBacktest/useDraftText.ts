import { useEffect, useState } from 'react';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * An input's text bound to a spec value. What the user is typing ("0.", a trailing new line) stays
 * as typed while it still means the current value; a value changed elsewhere replaces the text.
 */
export function useDraftText(
  value: unknown,
  toText: (value: unknown) => string,
  fromText: (text: string) => unknown,
  onChange: (value: unknown) => void,
): [string, (text: string) => void] {
  const [text, setText] = useState(() => toText(value));
  useEffect(() => {
    setText((current) => (same(fromText(current), value) ? current : toText(value)));
  }, [value, toText, fromText]);
  const change = (next: string): void => {
    setText(next);
    onChange(fromText(next));
  };
  return [text, change];
}
