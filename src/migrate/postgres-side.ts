/** `marsad migrate` on a PostgreSQL store: reading its rows in storage order, adding rows it lacks. */
import type { Article } from '../extract/types.js';
import { writeSearchRow } from '../search/postgres/search-row.js';
import type { PostgresStore } from '../store/index.js';
import { transaction } from '../store/postgres/transaction.js';
import {
  ARTICLE_COLUMNS,
  FRONTIER_COLUMNS,
  VERSION_COLUMNS,
  type ArticleRow,
  type CorpusReader,
  type CorpusWriter,
  type FrontierRow,
  type SourceRow,
  type VersionRow,
} from './corpus-rows.js';

/** JSON columns read as their text, so they travel byte for byte. */
const FRONTIER_SELECT = FRONTIER_COLUMNS.map((c) => (c === 'hints' ? 'hints::text AS hints' : c)).join(', ');
const placeholders = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

export function postgresReader(store: PostgresStore): CorpusReader {
  const pool = store.pool;
  return {
    async sources() {
      return (await pool.query<SourceRow>('SELECT id, name, hosts::text AS hosts, start_urls::text AS start_urls, config::text AS config, created_at FROM sources ORDER BY id')).rows;
    },
    async frontier(after, limit) {
      return (await pool.query<FrontierRow>(`SELECT id, ${FRONTIER_SELECT} FROM frontier WHERE id > $1 ORDER BY id LIMIT $2`, [after, limit])).rows;
    },
    async articles(after, limit) {
      const rows = (await pool.query<ArticleRow & { key: number }>(`SELECT seq AS key, ${ARTICLE_COLUMNS.join(', ')} FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit])).rows;
      const versions = (await pool.query<VersionRow>(`SELECT ${VERSION_COLUMNS.join(', ')} FROM article_versions WHERE article_id = ANY($1::text[]) ORDER BY article_id, version`,
        [rows.map((r) => r.id)])).rows;
      const byArticle = new Map<string, VersionRow[]>();
      for (const v of versions) byArticle.set(v.article_id, [...(byArticle.get(v.article_id) ?? []), v]);
      return rows.map(({ key, ...article }) => ({ key, article, versions: byArticle.get(article.id) ?? [] }));
    },
    async counts() {
      const row = (await pool.query<{ sources: number; frontier: number; articles: number }>(`SELECT (SELECT count(*) FROM sources) AS sources,
        (SELECT count(*) FROM frontier) AS frontier, (SELECT count(*) FROM articles) AS articles`)).rows[0]!;
      return row;
    },
  };
}

export function postgresWriter(store: PostgresStore): CorpusWriter {
  const pool = store.pool;
  return {
    async sources(rows) {
      const ids = new Map<number, number>();
      await transaction(pool, async (client) => {
        for (const row of rows) {
          await client.query('INSERT INTO sources (name, hosts, start_urls, config, created_at) VALUES ($1, $2::json, $3::json, $4::json, $5) ON CONFLICT (name) DO NOTHING',
            [row.name, row.hosts, row.start_urls, row.config, row.created_at]);
          ids.set(row.id, (await client.query<{ id: number }>('SELECT id FROM sources WHERE name = $1', [row.name])).rows[0]!.id);
        }
      });
      return ids;
    },
    async frontier(rows) {
      if (rows.length === 0) return 0;
      // one statement per batch: arrays of each column, unnested in order
      const types = ['text', 'text', 'bigint', 'text', 'text', 'int', 'int', 'bigint', 'int', 'text', 'int', 'text', 'bigint', 'bigint'];
      const columns = FRONTIER_COLUMNS.map((c, i) => `$${i + 1}::${types[i]}[]`).join(', ');
      const result = await pool.query(`INSERT INTO frontier (${FRONTIER_COLUMNS.join(', ')})
        SELECT u.url, u.host, u.source_id, u.kind, u.state, u.priority, u.depth, u.next_fetch_at, u.attempts, u.hints::json, u.last_status,
          u.last_error, u.discovered_at, u.updated_at
        FROM unnest(${columns}) WITH ORDINALITY AS u (${FRONTIER_COLUMNS.join(', ')}, n) ORDER BY u.n
        ON CONFLICT (md5(url)) DO NOTHING`, FRONTIER_COLUMNS.map((c) => rows.map((r) => r[c])));
      return result.rowCount ?? 0;
    },
    async articles(items) {
      return transaction(pool, async (client) => {
        let added = 0;
        for (const { article, versions } of items) {
          // an article already there (by id or canonical URL) is left as it is, versions included
          const inserted = await client.query(`INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}) VALUES (${placeholders(ARTICLE_COLUMNS.length)}) ON CONFLICT DO NOTHING`,
            ARTICLE_COLUMNS.map((c) => article[c]));
          if (inserted.rowCount === 0) continue;
          for (const v of versions) {
            await client.query(`INSERT INTO article_versions (${VERSION_COLUMNS.join(', ')}) VALUES (${placeholders(VERSION_COLUMNS.length)}) ON CONFLICT DO NOTHING`,
              VERSION_COLUMNS.map((c) => v[c]));
          }
          await writeSearchRow(client, article.id, JSON.parse(article.record) as Article);
          added++;
        }
        return added;
      });
    },
    async finish() {},
  };
}
