/** Migration 5: the fetch log by URL, so `marsad errors` finds each failed URL's last error code without a scan. */
import type { SqliteMigration } from './index.js';

export const migration005FetchLogUrl: SqliteMigration = {
  version: 5,
  name: 'fetch-log-url',
  up: `CREATE INDEX fetch_log_url ON fetch_log (url, id);`,
};
