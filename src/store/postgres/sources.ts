/** PostgreSQL: sources (a named site with its hosts, start URLs and crawl settings). */
import type pg from 'pg';
import type { Source, SourceInput } from '../store.js';
import { statement, transaction } from './transaction.js';

interface SourceRow {
  id: number;
  name: string;
  hosts: string[];
  start_urls: string[];
  config: Record<string, unknown>;
  created_at: string;
}

function toSource(row: SourceRow): Source {
  return { id: row.id, name: row.name, hosts: row.hosts, startUrls: row.start_urls, config: row.config, createdAt: row.created_at };
}

export async function upsertSource(pool: pg.Pool, input: SourceInput): Promise<Source> {
  const result = await statement<SourceRow>(pool, `INSERT INTO sources (name, hosts, start_urls, config, created_at) VALUES ($1, $2::json, $3::json, $4::json, $5)
    ON CONFLICT (name) DO UPDATE SET hosts = excluded.hosts, start_urls = excluded.start_urls, config = excluded.config
    RETURNING id, name, hosts, start_urls, config, created_at`,
  [input.name, JSON.stringify(input.hosts), JSON.stringify(input.startUrls), JSON.stringify(input.config ?? {}), new Date().toISOString()]);
  return toSource(result.rows[0]!);
}

export async function listSources(pool: pg.Pool): Promise<Source[]> {
  const result = await statement<SourceRow>(pool, 'SELECT id, name, hosts, start_urls, config, created_at FROM sources ORDER BY id');
  return result.rows.map(toSource);
}

/** Deletes a source; its articles and frontier entries stay, no longer naming it (the foreign keys would refuse otherwise). */
export async function removeSource(pool: pg.Pool, id: number): Promise<boolean> {
  return transaction(pool, async (client) => {
    await client.query('UPDATE articles SET source_id = NULL WHERE source_id = $1', [id]);
    await client.query('UPDATE frontier SET source_id = NULL WHERE source_id = $1', [id]);
    return ((await client.query('DELETE FROM sources WHERE id = $1', [id])).rowCount ?? 0) > 0;
  });
}
