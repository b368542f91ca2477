// The extractors the bench compares, each behind one shape: `load()` resolves to
// `extract(page) -> { raw, kind }` where kind says whether raw is plain text or HTML
// (HTML is turned into text after the timed region, by html-text.mjs, the same way for every
// peer). Libraries are imported inside load() so a child process only loads its own tool and
// its peak RSS is its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Tools run in a Node child process, in report order. readability-lxml runs in Python. */
export const TOOLS = {
  marsad: {
    label: 'marsad',
    version: () => pkgVersion('../package.json'),
    async load() {
      // MARSAD_DIST: another build of marsad to measure (as in bench/quality.mjs)
      const { extractArticle } = await import(process.env.MARSAD_DIST ? pathToFileURL(join(process.env.MARSAD_DIST, 'index.js')).href : 'marsad');
      return (page) => ({ raw: extractArticle(page.html, { url: page.url ?? undefined }).text, kind: 'text' });
    },
  },
  'readability-linkedom': {
    label: 'Readability.js on linkedom',
    version: () => `@mozilla/readability ${pkgVersion('@mozilla/readability')}, linkedom ${pkgVersion('linkedom')}`,
    async load() {
      const { Readability } = await import('@mozilla/readability');
      const { parseHTML } = await import('linkedom');
      return (page) => {
        const { document } = parseHTML(page.html);
        const article = new Readability(document).parse();
        return { raw: article?.textContent ?? '', kind: 'text' };
      };
    },
  },
  'readability-jsdom': {
    label: 'Readability.js on jsdom',
    version: () => `@mozilla/readability ${pkgVersion('@mozilla/readability')}, jsdom ${pkgVersion('jsdom')}`,
    async load() {
      const { Readability } = await import('@mozilla/readability');
      const { JSDOM, VirtualConsole } = await import('jsdom');
      // A virtual console that forwards nowhere: jsdom's CSS parse errors are not ours to print.
      const virtualConsole = new VirtualConsole();
      return (page) => {
        const dom = parseWithJsdom(JSDOM, page, virtualConsole);
        try {
          const article = new Readability(dom.window.document).parse();
          return { raw: article?.textContent ?? '', kind: 'text' };
        } finally {
          dom.window.close();
        }
      };
    },
  },
  defuddle: {
    label: 'defuddle on linkedom',
    version: () => `defuddle ${pkgVersion('defuddle')}, linkedom ${pkgVersion('linkedom')}`,
    async load() {
      const { Defuddle } = await import('defuddle/node');
      const { parseHTML } = await import('linkedom');
      return async (page) => {
        const { document } = parseHTML(page.html);
        // The shims defuddle's own linkedom path applies (utils/linkedom-compat): linkedom has
        // no styleSheets and no getComputedStyle, which defuddle's cleaning steps read.
        if (!document.styleSheets) document.styleSheets = [];
        if (document.defaultView && !document.defaultView.getComputedStyle) {
          document.defaultView.getComputedStyle = () => ({ display: '' });
        }
        const result = await Defuddle(document, page.url ?? undefined);
        return { raw: result?.content ?? '', kind: 'html' };
      };
    },
  },
  'article-extractor': {
    label: '@extractus/article-extractor',
    version: () => `@extractus/article-extractor ${pkgVersion('@extractus/article-extractor')}`,
    async load() {
      const { extractFromHtml } = await import('@extractus/article-extractor');
      return async (page) => {
        const article = await extractFromHtml(page.html, page.url ?? undefined);
        return { raw: article?.content ?? '', kind: 'html' };
      };
    },
  },
};

/** Counts the pages on which jsdom's own CSS parser threw (see parseWithJsdom). */
export const jsdomStyleFallbacks = { count: 0 };

/**
 * jsdom 27's CSS parser (cssstyle) throws on some real stylesheets (4 dev-set pages: a border
 * shorthand with `inherit`, an unbalanced parenthesis). That is a jsdom bug, not Readability's
 * doing, and Readability drops <style> anyway, so such a page is parsed again without its
 * <style> blocks (the time of both parses counts) and the fallback is counted and reported.
 */
function parseWithJsdom(JSDOM, page, virtualConsole) {
  const options = { url: page.url ?? undefined, virtualConsole };
  try {
    return new JSDOM(page.html, options);
  } catch {
    jsdomStyleFallbacks.count++;
    return new JSDOM(page.html.replace(/<style\b[\s\S]*?<\/style\s*>/gi, ''), options);
  }
}

/** The Python peer: Debian's python3-readability (readability-lxml) through bench/readability_lxml.py. */
export const PYTHON_TOOL = {
  name: 'readability-lxml',
  label: 'readability-lxml (Python)',
  python: '/usr/bin/python3',
};

/** The installed version of a package (or of the package.json at a relative path). */
function pkgVersion(name) {
  const file = name.startsWith('.') ? new URL(name, import.meta.url) : new URL(`../node_modules/${name}/package.json`, import.meta.url);
  try {
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/**
 * One pass over `pages` with `extract`: [{ id, raw, kind, error? }] in page order and the pass's
 * wall time. A failing page yields empty text (scored as an empty prediction) and its message.
 */
export async function runPass(extract, pages) {
  const outputs = new Array(pages.length);
  const start = performance.now();
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    try {
      let result = extract(page);
      if (result instanceof Promise) result = await result;
      outputs[i] = { id: page.id, raw: result.raw, kind: result.kind };
    } catch (error) {
      outputs[i] = { id: page.id, raw: '', kind: 'text', error: String(error?.message ?? error).slice(0, 200) };
    }
  }
  return { ms: performance.now() - start, outputs };
}
