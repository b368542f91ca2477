/**
 * The connection pool of a PostgreSQL store, and the driver's errors as marsad errors a user can
 * act on. Every connection starts with the store's schema as its search_path (sent in the startup
 * packet, so it costs no round trip), which is how several stores share one database in tests.
 */
import pg from 'pg';
import { StoreError, StoreLoginError, StoreUnreachableError } from '../errors.js';
import type { PostgresLocation } from './location.js';

const INT8_OID = 20;

/**
 * BIGINT columns (epoch milliseconds, ids, counts) come back as numbers, not strings: every
 * value marsad keeps is far below 2^53. Set per pool, not on the driver's global table, so
 * other code sharing the process and its `pg` module is not affected.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPool(location: PostgresLocation, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    options: `-c search_path=${location.schema} -c synchronous_commit=off`,
    types,
    max,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server closed (restart, idle timeout) is dropped by the pool and the
  // next query opens another; without a listener the 'error' event would end the process.
  pool.on('error', () => {});
  return pool;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET']);

/** A driver error as the marsad error for its kind (unreachable, login refused, no such database); others unchanged. */
export function postgresError(error: unknown, location: PostgresLocation): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  const where = location.label;
  if ((typeof code === 'string' && UNREACHABLE.has(code)) || /timeout exceeded when trying to connect|Connection terminated unexpectedly/i.test(error.message)) {
    return new StoreUnreachableError(`cannot reach PostgreSQL at ${where}: ${error.message || code} — is the server running, and is the host and port right?`, { cause: error, subject: where });
  }
  if (code === '28P01' || code === '28000') {
    return new StoreLoginError(`PostgreSQL at ${where} refused the login: ${error.message} — check the user and password in the URL (and the server's pg_hba.conf)`, { cause: error, subject: where });
  }
  if (code === '3D000') {
    return new StoreError(`${error.message} at ${where} — create it first (createdb NAME) or name another one in the URL`, { cause: error, subject: where });
  }
  return error;
}
