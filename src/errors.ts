/** Typed errors: one class per failure kind, each with a code, a retryable flag and the cause. */

export interface MarsadErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  /** The URL or file the failure concerns, when there is one. */
  subject?: string;
}

export class MarsadError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly subject: string | undefined;

  constructor(code: string, message: string, options: MarsadErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.subject = options.subject;
  }
}

/** The input cannot be an HTML page (empty, binary, PDF, image…). Not retryable: the bytes will not change. */
export class NotHtmlError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('NOT_HTML', message, options);
  }
}

/** The page exceeded a limit (size, time budget). */
export class ExtractLimitError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('EXTRACT_LIMIT', message, options);
  }
}

/** A command-line usage problem the user can fix by changing the arguments. */
export class UsageError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('USAGE', message, options);
  }
}

// fetch

/** `[GET] "url"` — the prefix every fetch error message starts with. */
function requestLabel(url: string, method = 'GET'): string {
  return `[${method}] "${url}"`;
}

/**
 * The server answered with a status that is not a success after all retries.
 * Retryable for 408, 425, 429 and 5xx (the crawl may come back later); not for other 4xx.
 */
export class FetchError extends MarsadError {
  readonly status: number;
  readonly url: string;
  /** Milliseconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(url: string, status: number, statusText: string, options: MarsadErrorOptions & { retryAfterMs?: number } = {}) {
    const retryable = options.retryable ?? (status === 408 || status === 425 || status === 429 || status >= 500);
    super('FETCH_STATUS', `${requestLabel(url)}: ${status} ${statusText}`.trimEnd(), { ...options, retryable, subject: url });
    this.status = status;
    this.url = url;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The connection failed (refused, reset, DNS). Retryable: the network may come back. */
export class NetworkError extends MarsadError {
  readonly url: string;
  constructor(url: string, reason: string, options: MarsadErrorOptions = {}) {
    super('NETWORK', `${requestLabel(url)}: network error: ${reason}`, { retryable: true, ...options, subject: url });
    this.url = url;
  }
}

/** robots.txt forbids the URL for our user-agent (or could not be read: RFC 9309 then says "disallow all"). */
/**
 * The host could not be reached at all (refused connection, DNS failure, TLS error, timeout),
 * found while reading its robots.txt: a host error, not a robots.txt block.
 */
export class HostUnreachableError extends MarsadError {
  constructor(url: string, reason: string, options: MarsadErrorOptions = {}) {
    super('HOST_UNREACHABLE', `${requestLabel(url)}: host unreachable: ${reason}`, { retryable: true, ...options, subject: url });
  }
}

export class RobotsDisallowedError extends MarsadError {
  readonly url: string;
  constructor(url: string, reason: string, options: MarsadErrorOptions = {}) {
    super('ROBOTS_DISALLOWED', `${requestLabel(url)}: ${reason}`, { retryable: false, ...options, subject: url });
    this.url = url;
  }
}

/** The body (on the wire or after decompression) is larger than the configured cap. */
export class TooLargeError extends MarsadError {
  readonly url: string;
  readonly limitBytes: number;
  constructor(url: string, what: 'body' | 'decompressed body', limitBytes: number, optionName: string, options: MarsadErrorOptions = {}) {
    super('TOO_LARGE', `${requestLabel(url)}: ${what} exceeds ${limitBytes} bytes; raise ${optionName} to fetch it`, { retryable: false, ...options, subject: url });
    this.url = url;
    this.limitBytes = limitBytes;
  }
}

/** More redirects than allowed, or a redirect loop. */
export class TooManyRedirectsError extends MarsadError {
  readonly url: string;
  readonly redirects: string[];
  constructor(url: string, redirects: string[], detail: string, options: MarsadErrorOptions = {}) {
    super('TOO_MANY_REDIRECTS', `${requestLabel(url)}: ${detail} (${redirects.join(' -> ')})`, { retryable: false, ...options, subject: url });
    this.url = url;
    this.redirects = redirects;
  }
}

/** Connecting or the whole request took longer than allowed. Retryable. */
export class TimeoutError extends MarsadError {
  readonly url: string;
  readonly timeoutMs: number;
  constructor(url: string, phase: 'connect' | 'request', timeoutMs: number, optionName: string, options: MarsadErrorOptions = {}) {
    super('TIMEOUT', `${requestLabel(url)}: ${phase} timed out after ${timeoutMs} ms; raise ${optionName} for slow servers`, { retryable: true, ...options, subject: url });
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}

/** The URL cannot be fetched at all (not http/https, malformed, redirect to another scheme). */
export class InvalidUrlError extends MarsadError {
  readonly url: string;
  constructor(url: string, reason: string, options: MarsadErrorOptions = {}) {
    super('INVALID_URL', `${requestLabel(url)}: ${reason}`, { retryable: false, ...options, subject: url });
    this.url = url;
  }
}

/** The fetcher was closed while the request waited or ran. */
export class FetcherClosedError extends MarsadError {
  constructor(url: string, options: MarsadErrorOptions = {}) {
    super('FETCHER_CLOSED', `${requestLabel(url)}: the fetcher was closed`, { retryable: true, ...options, subject: url });
  }
}

/** Compressed input inflates past the size cap (a decompression bomb, or simply too big). */
export class DecompressionLimitError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('DECOMPRESSION_LIMIT', message, options);
  }
}

/** A local file could not be read (missing, a directory, no permission). */
export class FileReadError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('FILE_READ', message, options);
  }
}

/** A worker running one page was stopped after its wall-clock deadline (a hung or runaway page). */
export class PageTimeoutError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('PAGE_TIMEOUT', message, options);
  }
}
