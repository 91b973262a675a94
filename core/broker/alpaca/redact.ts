/**
 * Removes the session's keys from a text before it reaches a log line, an error message or the
 * database: an error from the transport or the server may echo a request, headers included.
 */
export function keyRedactor(secrets: readonly string[]): (text: string) => string {
  const present = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of present) out = out.split(s).join('[redacted]');
    return out;
  };
}

/** An error's message (with its causes'), keys removed. */
export function redactedMessage(err: unknown, redact: (text: string) => string): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    if (e instanceof Error) {
      if (e.message) parts.push(e.message);
      e = e.cause;
    } else {
      parts.push(String(e));
      break;
    }
  }
  return redact(parts.join(': ') || 'unknown error');
}
