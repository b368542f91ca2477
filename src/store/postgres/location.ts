/**
 * A PostgreSQL store location: `postgres://user:password@host:port/database?schema=NAME`.
 * `schema` is marsad's own parameter (the driver would pass it on to the server as an unknown
 * setting), so it is taken out of the URL here; the rest goes to node-postgres unchanged.
 */
import { StoreError } from '../errors.js';

export interface PostgresLocation {
  /** The URL for the driver, without marsad's parameters. */
  connectionString: string;
  /** The schema marsad's tables live in (default `public`). */
  schema: string;
  /** host:port/database, for messages: never the password. */
  label: string;
}

/**
 * Lower-case letters, digits and underscores: such a name needs no quoting in SQL and none in
 * the server's startup `options` (where spaces and backslashes would need escaping).
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export function parsePostgresLocation(location: string, schema?: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch (error) {
    throw new StoreError(`not a PostgreSQL URL: expected postgres://user@host:5432/database`, { cause: error });
  }
  const fromUrl = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const name = schema ?? fromUrl ?? 'public';
  if (!SCHEMA_NAME.test(name)) {
    throw new StoreError(`schema "${name}" is not a usable name: use lower-case letters, digits and underscores (at most 63), starting with a letter`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
  const host = url.hostname || url.searchParams.get('host') || 'localhost';
  return {
    connectionString: url.toString(),
    schema: name,
    label: `${host}:${url.port || '5432'}/${database}${name === 'public' ? '' : ` (schema ${name})`}`,
  };
}
