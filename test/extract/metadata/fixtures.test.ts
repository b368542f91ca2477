// Golden fixture pages (test/fixtures/extract/<lang>-<case>/): each checks every metadata field it names.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article.js';

const ROOT = new URL('../../fixtures/extract/', import.meta.url);

interface Fixture {
  guards: string;
  input: { url?: string; fetchedAt?: string };
  expect: Record<string, unknown>;
  textContains?: string[];
}

function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) current = current === null || current === undefined ? undefined : (current as Record<string, unknown>)[part];
  return current;
}

const dirs = existsSync(ROOT) ? readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/expected.json`, ROOT))).map((d) => d.name) : [];

describe.each(dirs)('%s', (dir) => {
  const fixture = JSON.parse(readFileSync(new URL(`${dir}/expected.json`, ROOT), 'utf8')) as Fixture;
  const html = readFileSync(new URL(`${dir}/page.html`, ROOT), 'utf8');
  const article = extractArticle(html, fixture.input);
  it(fixture.guards, () => {
    const actual = Object.fromEntries(Object.keys(fixture.expect).map((k) => [k, pick(article, k)]));
    expect(actual).toEqual(fixture.expect);
    for (const snippet of fixture.textContains ?? []) expect(article.text).toContain(snippet);
    if (article.title) expect(article.blocks.map((b) => b.text)).not.toContain(article.title);
  });
});
