/**
 * API errors. Every failure the API reports is `{error: {code, message}}` with a 4xx or 5xx
 * status: a bad parameter (400), a missing or wrong token (401), writes switched off (403), an
 * unknown id (404), a body too large (413). Nothing else leaves the server: an unexpected error
 * becomes a 500 with a generic message and is logged, never a stack trace in the response.
 */
import { MarsadError } from '../errors.js';

export type ApiStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 500 | 503;

export class ApiError extends MarsadError {
  readonly status: ApiStatus;
  constructor(status: ApiStatus, code: string, message: string) {
    super(code, message);
    this.status = status;
  }
}

export const badRequest = (message: string, code = 'BAD_REQUEST'): ApiError => new ApiError(400, code, message);
export const notFound = (message: string): ApiError => new ApiError(404, 'NOT_FOUND', message);

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export const errorBody = (code: string, message: string): ErrorBody => ({ error: { code, message } });

/** The server could not listen: the port is taken or the address is not this machine's. */
export class ListenError extends MarsadError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('LISTEN', message, options);
  }
}
