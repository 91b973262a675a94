/**
 * An error answered the way Alpaca answers it: an HTTP status and the JSON body {code, message}
 * (with Alpaca's extra fields for some refusals, e.g. buying_power and cost_basis).
 */
export class AlpacaApiError extends Error {
  override readonly name = 'AlpacaApiError';

  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly extra: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  body(): Record<string, string | number> {
    return { ...this.extra, code: this.code, message: this.message };
  }
}

/** 422 for a request whose fields do not make an order (Alpaca's validation code). */
export function invalidRequest(message: string): AlpacaApiError {
  return new AlpacaApiError(422, 40010001, message);
}

/** 422 for a well-formed request the account's state refuses (not cancelable, unknown asset, ...). */
export function unprocessable(message: string): AlpacaApiError {
  return new AlpacaApiError(422, 42210000, message);
}

export function forbidden(message: string, extra: Record<string, string> = {}): AlpacaApiError {
  return new AlpacaApiError(403, 40310000, message, extra);
}

export function notFound(message: string): AlpacaApiError {
  return new AlpacaApiError(404, 40410000, message);
}

export function malformedBody(): AlpacaApiError {
  return new AlpacaApiError(400, 40010000, 'request body format is invalid');
}

export function unauthorized(): AlpacaApiError {
  return new AlpacaApiError(401, 40110000, 'request is not authorized');
}
