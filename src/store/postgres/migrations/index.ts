/**
 * PostgreSQL schema migrations, applied in order inside one transaction and recorded in
 * `schema_migrations` (see ../migrate.ts). To change the schema, append a new file
 * (`00N-name.ts`) and add it to the end of this list; never edit a migration that has shipped.
 * Versions must be consecutive. They are numbered on their own: PostgreSQL starts from the
 * SQLite schema's present state, not its history.
 */
import { migration001Core } from './001-core.js';
import { migration002Search } from './002-search.js';
import { migration003SourcePolls } from './003-source-polls.js';
import { migration004SearchInline } from './004-search-inline.js';
import { migration005Workers } from './005-workers.js';

export interface PostgresMigration {
  version: number;
  name: string;
  /** SQL, run in the migration transaction (PostgreSQL's DDL is transactional). */
  up: string;
}

export const postgresMigrations: readonly PostgresMigration[] = [migration001Core, migration002Search, migration003SourcePolls, migration004SearchInline, migration005Workers];
