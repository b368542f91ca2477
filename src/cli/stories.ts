/**
 * `marsad stories assign <records.jsonl>`: groups article records into stories, in the order
 * the file gives them (time order: each article is compared only with the stories before it),
 * and writes `{id, story}` per line (plus `copyOf` for a near-copy of an earlier article). The
 * same code assigns stories in the store, so this is also the benchmark's path.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { openOutput } from './output.js';
import { warn } from './program.js';

export const STORY_FORMATS = ['jsonl'] as const;

interface AssignFlags {
  format: (typeof STORY_FORMATS)[number];
  output?: string;
}

/** At most this many bad lines are reported one by one; the rest are counted. */
const REPORTED_BAD_LINES = 20;

async function assign(input: string, flags: AssignFlags): Promise<void> {
  const { StoryClusterer, storyArticleOf } = await import('../stories/index.js');
  const source = input === '-' ? process.stdin : createReadStream(input);
  const opened = new Promise<void>((resolve, reject) => {
    if (input === '-') resolve();
    source.once('open', () => resolve());
    source.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' || error.code === 'EISDIR' ? new UsageError(`${input}: ${error.code === 'ENOENT' ? 'no such file' : 'is a folder; name a JSONL file'}`) : error);
    });
  });
  await opened;
  const output = openOutput(flags.output);
  const clusterer = new StoryClusterer();
  let lineNo = 0;
  let assigned = 0;
  let bad = 0;
  try {
    for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
      lineNo++;
      if (line.trim() === '') continue;
      let article;
      try {
        article = storyArticleOf(JSON.parse(line));
      } catch {
        article = 'not JSON';
      }
      if (typeof article === 'string') {
        if (++bad <= REPORTED_BAD_LINES) warn(`${input}:${lineNo}: skipped: ${article}`);
        continue;
      }
      const { id, story, copyOf } = clusterer.add(article);
      await output.write(`${JSON.stringify(copyOf === undefined ? { id, story } : { id, story, copyOf })}\n`);
      assigned++;
    }
    await output.close();
  } catch (error) {
    await output.abort();
    throw error;
  }
  warn(`${assigned} articles in ${clusterer.storyCount} stories${bad > 0 ? `; ${bad} lines skipped` : ''}`);
  if (bad > 0) process.exitCode = 1;
}

export function registerStories(program: Command): void {
  const stories = program.command('stories').description('group articles into stories: the same event across outlets and languages');
  stories
    .command('assign')
    .description('assign each article record of a JSONL file (in time order) to a story; writes {id, story} per line')
    .argument('<records>', 'a JSONL file of article records (marsad export, or lines with id, title, text, language, published); - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(STORY_FORMATS).default('jsonl'))
    .option('-o, --output <path>', 'output file; default stdout')
    .action(async (input: string, flags: AssignFlags) => assign(input, flags));
}
