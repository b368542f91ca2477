/**
 * Per-host politeness shared by every worker on one database (table `host_slots`).
 *
 * Why the limits hold by construction, whichever worker sends the request:
 * - Everything that decides whether a request to a host may start is in ONE row: the time the
 *   next request may start (`next_fetch_at`) and the requests in flight (`slots`: slot id -> lease
 *   end). A claim is one UPDATE of that row whose WHERE tests both. PostgreSQL updates a row under
 *   its row lock, and a second UPDATE that found the row locked waits, then evaluates its WHERE
 *   again on the row as the first one left it (READ COMMITTED re-check). So two claims never both
 *   see the same free slot or the same due time: at most `perHost` slots are live, and two claims
 *   are at least `delayMs` apart.
 * - All times are the database's clock (clock_timestamp(), read when the row is evaluated, after any
 *   lock wait), never a worker's: workers on machines whose clocks disagree still space requests.
 *   The WHERE reads the clock rounded down and the SET rounded up, so rounding never shortens a gap.
 * - A claim only proves the request may START; the server may see it later (a worker that is busy
 *   between its claim and its send). So a release moves `next_fetch_at` again, to delayMs after the
 *   release. The release is sent after the response headers arrived, which is after the server saw
 *   the request: with one request in flight per host (the default), the next one is claimed at least
 *   delayMs after the server saw the previous one, whatever happened in between.
 * - A slot is a lease: a worker that dies (kill -9) holding one leaves it to expire, after which it no
 *   longer counts. The lease outlives any request (the fetch timeout plus a margin).
 */
import type pg from 'pg';
import { statement } from './transaction.js';

/** The database clock in epoch ms, rounded down: "is it due?" never answers yes early. */
const NOW_FLOOR = "floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint";
/** Rounded up: a due time set from it is never early either. */
const NOW_CEIL = "ceil(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

export interface HostSlotClaim {
  host: string;
  /** Unique per request (worker id and a counter). */
  slotId: string;
  /** Gap between two request starts to the host, and after a request ends. */
  delayMs: number;
  /** Requests in flight to the host over all workers. */
  perHost: number;
  /** How long the slot counts if never released (a dead worker). */
  leaseMs: number;
}

/** Granted, or how long to wait before asking again (ms, by the database's clock). */
export type HostSlotAnswer = { granted: true } | { granted: false; waitMs: number };

/** How often to ask again while every slot of a host is taken (their release time is unknown). */
const FULL_RETRY_MS = 10;

export async function claimHostSlot(pool: pg.Pool, claim: HostSlotClaim): Promise<HostSlotAnswer> {
  const liveSlots = (now: string): string => `(SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM jsonb_each(h.slots) e WHERE (e.value)::bigint > ${now})`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const granted = await statement(pool, `UPDATE host_slots h SET
        slots = ${liveSlots(NOW_FLOOR)} || jsonb_build_object($2::text, ${NOW_CEIL} + $5::bigint),
        next_fetch_at = ${NOW_CEIL} + $3::bigint,
        requests = h.requests + 1
      WHERE h.host = $1 AND h.next_fetch_at <= ${NOW_FLOOR}
        AND (SELECT count(*) FROM jsonb_each(h.slots) e WHERE (e.value)::bigint > ${NOW_FLOOR}) < $4`,
    [claim.host, claim.slotId, claim.delayMs, claim.perHost, claim.leaseMs]);
    if (granted.rowCount === 1) return { granted: true };
    const state = await statement<{ wait_ms: number; full: boolean }>(pool, `SELECT greatest(h.next_fetch_at - ${NOW_FLOOR}, 0) AS wait_ms,
        (SELECT count(*) FROM jsonb_each(h.slots) e WHERE (e.value)::bigint > ${NOW_FLOOR}) >= $2 AS full
      FROM host_slots h WHERE h.host = $1`, [claim.host, claim.perHost]);
    const row = state.rows[0];
    if (row === undefined) {
      // First request to this host by any worker: make its row, then claim as usual.
      await statement(pool, 'INSERT INTO host_slots (host) VALUES ($1) ON CONFLICT (host) DO NOTHING', [claim.host]);
      continue;
    }
    return { granted: false, waitMs: Math.max(row.wait_ms, row.full ? FULL_RETRY_MS : 1) };
  }
  return { granted: false, waitMs: FULL_RETRY_MS };
}

/** Ends a slot; the next request to the host starts no earlier than delayMs from now (see above). */
export async function releaseHostSlot(pool: pg.Pool, release: { host: string; slotId: string; delayMs: number }): Promise<void> {
  await statement(pool, `UPDATE host_slots SET slots = slots - $2::text, next_fetch_at = greatest(next_fetch_at, ${NOW_CEIL} + $3::bigint)
    WHERE host = $1`, [release.host, release.slotId, release.delayMs]);
}

/** Frees every slot one worker holds (it stops): the hosts' due times stay as they are. */
export async function releaseHostSlotsOf(pool: pg.Pool, slotPrefix: string): Promise<number> {
  const result = await statement(pool, `UPDATE host_slots h SET slots = (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
      FROM jsonb_each(h.slots) e WHERE NOT starts_with(e.key, $1))
    WHERE EXISTS (SELECT 1 FROM jsonb_each(h.slots) e WHERE starts_with(e.key, $1))`, [slotPrefix]);
  return result.rowCount ?? 0;
}
