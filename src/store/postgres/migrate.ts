/**
 * Applies the PostgreSQL migrations a schema has not seen yet. Several processes may start at
 * once (workers on many machines): each migrates inside one transaction holding a transaction-level
 * advisory lock named after the schema, so one applies the migrations and the others, once the lock
 * is theirs, find nothing left to do. A schema newer than this code is refused, as on SQLite.
 */
import type pg from 'pg';
import { StoreError } from '../errors.js';
import { postgresMigrations, type PostgresMigration } from './migrations/index.js';
import { transaction } from './transaction.js';

/** The highest migration applied in the connection's schema (0 when marsad has never been there). */
export async function schemaVersion(db: pg.Pool | pg.PoolClient): Promise<number> {
  const present = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!present.rows[0]!.present) return 0;
  const row = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return row.rows[0]!.v ?? 0;
}

function tooNew(applied: number, latest: number): StoreError {
  return new StoreError(`the database is at schema version ${applied}, newer than this marsad (${latest}); upgrade marsad`);
}

/** Returns how many migrations this call applied. */
export async function migratePostgres(pool: pg.Pool, schema: string, migrations: readonly PostgresMigration[] = postgresMigrations): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  for (const [index, migration] of migrations.entries()) {
    if (migration.version !== index + 1) throw new StoreError(`migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
  }
  const before = await schemaVersion(pool);
  if (before > latest) throw tooNew(before, latest);
  if (before === latest) return 0; // the usual case: no lock taken, nothing written
  return transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`marsad:migrate:${schema}`]);
    // the schema name was checked by parsePostgresLocation: letters, digits and underscores only
    // created only when missing: a role without CREATE on the database can still use an existing schema
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    // read again under the lock: another process may have migrated while this one waited
    const applied = await schemaVersion(client);
    if (applied > latest) throw tooNew(applied, latest);
    let count = 0;
    for (const migration of migrations) {
      if (migration.version <= applied) continue;
      await client.query(migration.up);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
      count++;
    }
    return count;
  });
}
