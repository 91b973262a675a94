/** Char-code helpers the CSV readers share: they scan text in place so that parsing allocates nothing per row. */

const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Records the bounds of each comma-separated field of text[start, end) (as many as fit) and returns the
 * field count.
 */
export function splitFields(text: string, start: number, end: number, starts: Int32Array, ends: Int32Array): number {
  const capacity = starts.length;
  let count = 0;
  let fieldStart = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === COMMA) {
      if (count < capacity) {
        starts[count] = fieldStart;
        ends[count] = i;
      }
      count++;
      fieldStart = i + 1;
    }
  }
  if (count < capacity) {
    starts[count] = fieldStart;
    ends[count] = end;
  }
  return count + 1;
}

/** Index of the LF ending the line that starts at `pos`, or text.length for the last line. */
export function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

/** End of the line's content, leaving out a CR before the LF. */
export function contentEnd(text: string, pos: number, nl: number): number {
  return nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

export function onlyBlankLinesFrom(text: string, pos: number): boolean {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR && c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether a stamp field carries a fraction of a second ("20:58:22.316"): the mark of tick data. */
export function hasFraction(text: string, start: number, end: number): boolean {
  const dot = text.indexOf('.', start);
  return dot >= 0 && dot < end;
}
