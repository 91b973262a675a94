/** Largest message the engine's WebSocket takes: a large CSV upload fits, a flood does not. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** The WebSocket close code for a message over the limit (RFC 6455 "message too big"). */
export const MESSAGE_TOO_BIG = 1009;

/** Why a message was refused, as the close reason and the failed call's message say it. */
export function tooBigReason(bytes: number | null, limit: number): string {
  return bytes === null ? `message too big: over the limit of ${limit} bytes` : `message too big: ${bytes} bytes > limit ${limit} bytes`;
}

/** UTF-8 length of a string without encoding it: what the message will weigh on the wire. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: two UTF-16 units, four bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
