/**
 * `marsad import <file|dir…>`: WARC/WARC.gz (HTML responses are extracted) and JSONL article
 * records into the store. Idempotent and resumable per file; a progress bar with an ETA by
 * bytes when stderr is a terminal; a summary at the end.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.js';
import { importFiles, type ImportProgress } from '../import/import-files.js';
import { parseDateBound } from '../search/query.js';
import { openStore } from '../store/index.js';
import { parseIntFlag } from './int-flag.js';

interface ImportFlags {
  jobs: number;
  host?: string[];
  lang?: string[];
  since?: string;
  until?: string;
  force?: boolean;
  progress: boolean;
  json?: boolean;
  db?: string;
  config?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatImportSummary(p: ImportProgress): string {
  const s = p.skipped;
  return [
    `files     ${p.filesDone} (${s.resumed} already imported)`,
    `records   ${p.records} read, ${mb(p.bytesRead)}`,
    `articles  ${p.saved.new} new, ${p.saved.updated} updated, ${p.saved.unchanged} unchanged`,
    `skipped   ${s.notHtml} not HTML, ${s.status} non-2xx, ${s.notResponse} not responses, ${s.notArticle} not articles, ${s.host} host, ${s.language} language, ${s.date} date, ${s.filter} after extraction`,
    `failed    ${p.failed}`,
  ].join('\n');
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import WARC/WARC.gz files (HTML responses are extracted), JSONL article records and naive text dumps (repaired); idempotent, resumable per file')
    .argument('<paths...>', 'files or directories (walked for .warc, .warc.gz, .jsonl, .jsonl.gz, and .txt text dumps)')
    .option('-j, --jobs <n>', 'worker threads for extraction', parseIntFlag('--jobs', 1), 1)
    .option('--host <host>', 'only pages of this host and its subdomains (repeatable)', collect)
    .option('--lang <code>', 'only pages in this language, e.g. ar (repeatable)', collect)
    .option('--since <date>', 'only articles published on or after (YYYY, YYYY-MM, YYYY-MM-DD or ISO 8601)')
    .option('--until <date>', 'only articles published before')
    .option('--force', 'import files again even if a previous run finished them')
    .option('--no-progress', 'no progress bar, even when stderr is a terminal')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--db <path>', 'the store (default ./marsad.db; MARSAD_DB; created when missing)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .action(async (paths: string[], flags: ImportFlags) => {
      const config = loadConfig({ ...(flags.config !== undefined ? { file: flags.config } : {}), flags: { db: flags.db } });
      const filters = {
        hosts: flags.host ?? [],
        languages: flags.lang ?? [],
        since: flags.since === undefined ? null : parseDateBound(flags.since, '--since'),
        until: flags.until === undefined ? null : parseDateBound(flags.until, '--until'),
      };
      const store = await openStore(config.db);
      const bar = flags.progress && process.stderr.isTTY
        ? new cliProgress.SingleBar({
          stream: process.stderr,
          format: 'import [{bar}] {percentage}% | {read} of {size} | {records} pages, {saved} saved, {failed} failed | ETA {eta_formatted}',
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 200,
        }, cliProgress.Presets.shades_classic)
        : null;
      let started = false;
      try {
        const result = await importFiles(store, paths, {
          jobs: flags.jobs,
          filters,
          force: flags.force ?? false,
          // over a drawn bar: clear its line, print, and let the next update redraw it
          onWarning: (m) => process.stderr.write(`${bar && started ? '\r\u001b[K' : ''}marsad: ${m}\n`),
          onProgress: (p) => {
            if (bar === null) return;
            const payload = { read: mb(p.bytesRead), size: mb(p.bytesTotal), records: p.records, saved: p.saved.new + p.saved.updated, failed: p.failed };
            if (!started) {
              bar.start(Math.max(1, p.bytesTotal), 0, payload);
              started = true;
            }
            bar.setTotal(Math.max(1, p.bytesTotal));
            bar.update(p.bytesRead, payload);
          },
        });
        bar?.stop();
        if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else process.stderr.write(`${formatImportSummary(result)}\n`);
        if (result.failed > 0) process.exitCode = 1;
      } finally {
        bar?.stop();
        await store.close();
      }
    });
}
