/** Retry policy: which failures are worth another try and how long to wait before it. */
import { MarsadError } from '../errors.js';

/** Statuses that may succeed later: timeouts, rate limits, server trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

export function isRetryableError(err: unknown): boolean {
  return err instanceof MarsadError && err.retryable;
}

/**
 * Retry-After as milliseconds from now: either delta-seconds or an HTTP date.
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with "equal jitter": half of base·2^attempt fixed, half random, so
 * retries of many clients spread out but never retry immediately.
 */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const step = baseMs * 2 ** Math.min(attempt, 16);
  return Math.round(step / 2 + random() * (step / 2));
}
