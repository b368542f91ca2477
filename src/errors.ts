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
