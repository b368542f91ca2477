/**
 * Recrawl schedule. Rule: look again after half the time the article has gone unchanged,
 * counted from the later of its publication and its last change, clamped to
 * [minIntervalMs, maxIntervalMs]. A story published an hour ago is checked within the hour;
 * one untouched for a year, monthly. Assumes news pages change most just after publication.
 */
export interface RecrawlPolicy {
  minIntervalMs: number;
  maxIntervalMs: number;
}

export const DEFAULT_RECRAWL_POLICY: RecrawlPolicy = {
  minIntervalMs: 60 * 60 * 1000,
  maxIntervalMs: 30 * 24 * 60 * 60 * 1000,
};

export function nextRecrawlAt(options: { now: number; lastChangedAt: number; published?: string | null; policy?: RecrawlPolicy }): number {
  const policy = options.policy ?? DEFAULT_RECRAWL_POLICY;
  const published = options.published ? Date.parse(options.published) : NaN;
  const reference = Number.isFinite(published) ? Math.max(published, options.lastChangedAt) : options.lastChangedAt;
  const quiet = Math.max(0, options.now - Math.min(reference, options.now));
  const interval = Math.min(policy.maxIntervalMs, Math.max(policy.minIntervalMs, quiet / 2));
  return options.now + Math.round(interval);
}
