/**
 * SQLite schema migrations, applied in order and recorded in `schema_migrations`.
 * To change the schema, append a new file (`00N-name.ts`) and add it to the end of this list;
 * never edit a migration that has shipped. Versions must be consecutive.
 */
import type Database from 'better-sqlite3';
import { migration001Core } from './001-core.js';
import { migration002Search } from './002-search.js';
import { migration003Imports } from './003-imports.js';
import { migration004SearchParts } from './004-search-parts.js';
import { migration005FetchLogUrl } from './005-fetch-log-url.js';
import { migration006SearchHamza } from './006-search-hamza.js';
import { migration007FetchLogWarc } from './007-fetch-log-warc.js';
import { migration008SourcePolls } from './008-source-polls.js';

export interface SqliteMigration {
  version: number;
  name: string;
  /** SQL run in one transaction, or a function for steps SQL alone cannot express. */
  up: string | ((db: Database.Database) => void);
}

export const sqliteMigrations: readonly SqliteMigration[] = [migration001Core, migration002Search, migration003Imports, migration004SearchParts, migration005FetchLogUrl, migration006SearchHamza, migration007FetchLogWarc, migration008SourcePolls];
