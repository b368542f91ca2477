/**
 * The machine's PostgreSQL server for tests (127.0.0.1:5432, database `test`; MARSAD_TEST_PG to
 * use another). `ensurePostgres` starts the cluster when it is down; when it cannot, it returns
 * why, and the PostgreSQL tests are skipped with that message instead of failing for a reason
 * that is not marsad's. Each test gets its own schema with a random name, dropped afterwards.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.MARSAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function answers(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String((error as { code?: unknown }).code);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Null when the server answers (started here if it was down), else why it does not. */
export async function ensurePostgres(): Promise<string | null> {
  const first = await answers();
  if (first === null) return null;
  for (const [command, args] of [['pg_ctlcluster', ['15', 'main', 'start']], ['service', ['postgresql', 'start']]] as const) {
    try {
      execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
      break;
    } catch {
      // not installed here, or not allowed: try the next way, then report
    }
  }
  for (let i = 0; i < 30; i++) {
    if ((await answers()) === null) return null;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return `PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//')} does not answer (${first}) and could not be started with pg_ctlcluster 15 main start`;
}

export const postgresUnavailable = await ensurePostgres();
if (postgresUnavailable !== null) console.warn(`SKIPPING the PostgreSQL store tests: ${postgresUnavailable}`);

/** A fresh schema name no other test uses. */
export function freshSchema(): string {
  return `marsad_test_${randomBytes(6).toString('hex')}`;
}

export function schemaUrl(schema: string): string {
  return `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
