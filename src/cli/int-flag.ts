/**
 * Whole-number option parsing for commander. A module of its own so that verbs which only read
 * the store (search, export, diff, import) do not load the crawl runtime (logger, fetcher, WARC
 * writer) just for it: about 10 MB of heap in every such run.
 */
import { InvalidArgumentError } from 'commander';

export function parseIntFlag(name: string, min = 0): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name}: expected a whole number of at least ${min}`);
    return n;
  };
}
