/** Publication times for the story clock. */

/** Milliseconds since the epoch of an ISO 8601 time, or null when absent or unreadable. */
export function publishedTime(published: string | null | undefined): number | null {
  if (published === null || published === undefined || published === '') return null;
  const ms = Date.parse(published);
  return Number.isFinite(ms) ? ms : null;
}
