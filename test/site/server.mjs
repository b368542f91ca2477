// The loopback test site: three news hosts on 127.0.0.2-4 (one port), or on 127.0.0.1 with
// one port each when those addresses cannot be bound. Every request is logged with its time,
// so tests can check politeness from the server's side. Used by the tests, `npm start`'s
// demo and the benchmarks. Plain node:http, no dependencies beyond iconv-lite.
import http from 'node:http';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { buildModel, publishArticle, touch, PAGE_SIZE } from './model.mjs';
import { renderArticle, renderCalendar, renderHome, renderSection, renderSimple } from './render.mjs';
import { renderAtom, renderJsonFeed, renderRobots, renderRss, renderSitemapIndex, renderUrlset, sitemapMonths } from './feeds.mjs';
import { handleHostile, PDF_BYTES } from './hostile.mjs';

const DEFAULT_IPS = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
const NAMES = ['ar', 'en', 'mixed'];
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==', 'base64');

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function listen(server, port, ip) {
  return new Promise((resolve, reject) => {
    const onError = (err) => reject(err);
    server.once('error', onError);
    server.listen(port, ip, () => {
      server.off('error', onError);
      resolve(server.address().port);
    });
  });
}

/** Send a body, compressed with the host's coding when the client accepts it. */
function send(req, res, host, status, type, body, extraHeaders = {}) {
  let bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const headers = { 'content-type': type, ...extraHeaders };
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const textual = /^(text\/|application\/(xml|rss\+xml|atom\+xml|feed\+json|json))/.test(type);
  if (textual && bytes.length > 512 && accepts.includes(host.compression)) {
    bytes = host.compression === 'gzip' ? zlib.gzipSync(bytes) : host.compression === 'br' ? zlib.brotliCompressSync(bytes) : zlib.deflateSync(bytes);
    headers['content-encoding'] = host.compression;
    headers.vary = 'Accept-Encoding';
  }
  headers['content-length'] = String(bytes.length);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/**
 * Start the site. Options: `port` (0 = any free port), `ips`, `portsMode` (force 127.0.0.1 with
 * one port per host), `articlesPerHost` (default 12), `crawlDelaySec` (robots.txt Crawl-delay of
 * the mixed host, default 1; 0 for none), `latencyMs` (added to every response).
 */
export async function startTestSite(options = {}) {
  const model = buildModel({ articlesPerHost: options.articlesPerHost ?? 12, crawlDelaySec: options.crawlDelaySec ?? 1 });
  const log = [];
  const timers = new Set();
  const counters = new Map();
  const servers = [];
  let sessionCounter = 0;
  const origins = {};

  const later = (ms, fn) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  function handle(host, req, res) {
    const origin = origins[host.name];
    const url = new URL(req.url ?? '/', origin);
    const entry = {
      time: performance.timeOrigin + performance.now(),
      host: url.host,
      site: host.name,
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      status: 0,
      userAgent: String(req.headers['user-agent'] ?? ''),
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
    };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const respond = () => route(host, origin, url, req, res);
    if (options.latencyMs) later(options.latencyMs, respond);
    else respond();
  }

  function route(host, origin, url, req, res) {
    const path = safeDecode(url.pathname);
    const html = (body, status = 200, headers = {}) => send(req, res, host, status, 'text/html; charset=utf-8', body, headers);
    const notFound = () => html(renderSimple(host, origin, 'Not found', `${path} does not exist.`), 404);

    if (path === '/robots.txt') return send(req, res, host, 200, 'text/plain; charset=utf-8', renderRobots(host, origin));
    if (path === '/') return html(renderHome(host, origin, { sessionId: (++sessionCounter).toString(16).padStart(24, 'a') }));
    if (path.startsWith('/img/')) return send(req, res, host, 200, 'image/jpeg', JPEG);
    if (['/privacy', '/terms', '/about', '/contact'].includes(path) || path.startsWith('/author/')) {
      return html(renderSimple(host, origin, path.slice(1), 'Static page.'));
    }

    const article = host.articles.find((a) => a.path === path);
    if (article) return serveArticle(host, origin, article, req, res);

    if (host.name === 'mixed') {
      if (path.startsWith('/h/') && handleHostile(req, res, url, { later, counters, firstArticlePath: host.articles[0].path, crossTarget: `${origins.en}${model.byName.en.articles[0].path}` })) return;
      if (path === '/news/2025/10/27/annual-report-2025') return send(req, res, host, 200, 'application/pdf', PDF_BYTES);
      if (path === '/feed') return send(req, res, host, 200, 'application/rss+xml; charset=utf-8', renderRss(host, origin, host.articles));
      if (path === '/sitemap-news.xml') return send(req, res, host, 200, 'application/xml; charset=utf-8', renderUrlset(host, origin, host.articles, { news: true }));
      const m = /^\/category\/([a-z]+)$/.exec(path);
      if (m) return serveSection(host, origin, m[1], url.searchParams.get('page') ?? '1', html, notFound);
    }
    if (host.name === 'ar') {
      const listed = host.articles.filter((a) => a.kind === 'article');
      if (path === '/sitemap_index.xml') return send(req, res, host, 200, 'application/xml; charset=utf-8', renderSitemapIndex(host, origin));
      if (path === '/news-sitemap.xml') return send(req, res, host, 200, 'application/xml; charset=utf-8', renderUrlset(host, origin, listed.slice(0, 10), { news: true }));
      if (path === '/rss.xml') return send(req, res, host, 200, 'application/rss+xml; charset=utf-8', renderRss(host, origin, listed.slice(0, 20)));
      let m = /^\/sitemaps\/(\d{4}-\d{2})\.xml(\.gz)?$/.exec(path);
      if (m && sitemapMonths(host).includes(m[1])) {
        const xml = renderUrlset(host, origin, listed.filter((a) => a.published.startsWith(m[1])));
        if (m[2]) return send(req, res, host, 200, 'application/x-gzip', zlib.gzipSync(xml));
        return send(req, res, host, 200, 'application/xml; charset=utf-8', xml);
      }
      m = /^\/events\/calendar\/(\d{1,4})\/(\d{1,2})(?:\/(\d{1,2}))?$/.exec(path);
      if (m) return html(renderCalendar(host, origin, Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined));
      if (path.startsWith('/private/') || path === '/search') return html(renderSimple(host, origin, 'Private', 'robots.txt disallows this page.'));
      m = /^\/section\/([a-z]+)$/.exec(path);
      if (m) return serveSection(host, origin, m[1], url.searchParams.get('page') ?? '1', html, notFound);
    }
    if (host.name === 'en') {
      const listed = host.articles;
      if (path === '/sitemap.xml') return send(req, res, host, 200, 'application/xml; charset=utf-8', renderUrlset(host, origin, listed, { images: true }));
      if (path === '/feed.atom') return send(req, res, host, 200, 'application/atom+xml; charset=utf-8', renderAtom(host, origin, listed));
      if (path === '/feed.json') return send(req, res, host, 200, 'application/feed+json; charset=utf-8', renderJsonFeed(host, origin, listed));
      if (path === '/old/central-bank-story') {
        res.writeHead(301, { location: `${origin}${listed[0].path}` });
        return res.end();
      }
      if (path.startsWith('/drafts/')) return html(renderSimple(host, origin, 'Draft', 'robots.txt disallows this page.'));
      const m = /^\/([a-z]+)\/(?:page\/(\d+))?$/.exec(path);
      if (m) return serveSection(host, origin, m[1], m[2] ?? '1', html, notFound);
    }
    return notFound();
  }

  function serveSection(host, origin, slug, pageText, html, notFound) {
    const page = /^\d+$/.test(pageText) ? Number(pageText) : 0;
    const body = renderSection(host, origin, slug, page);
    return body === null ? notFound() : html(body);
  }

  function serveArticle(host, origin, a, req, res) {
    const validators = { etag: a.etag, 'last-modified': a.lastModified, 'cache-control': 'max-age=60' };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const fresh = inm !== undefined ? inm.split(',').map((s) => s.trim()).includes(a.etag) : ims !== undefined && Date.parse(ims) >= Date.parse(a.lastModified);
    if (fresh) {
      res.writeHead(304, validators);
      return res.end();
    }
    const page = renderArticle(host, origin, a);
    if (a.encoding === 'windows-1256') {
      const type = a.charsetInHeader ? 'text/html; charset=windows-1256' : 'text/html';
      return send(req, res, host, 200, type, iconv.encode(page, 'windows-1256'), validators);
    }
    return send(req, res, host, 200, 'text/html; charset=utf-8', page, validators);
  }

  async function bindAll() {
    const ips = options.ips ?? DEFAULT_IPS;
    if (!options.portsMode) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const made = [];
        try {
          let port = options.port ?? 0;
          for (let i = 0; i < model.hosts.length; i++) {
            const host = model.hosts[i];
            const server = http.createServer((req, res) => handle(host, req, res));
            made.push(server);
            port = await listen(server, port, ips[i]);
            origins[host.name] = `http://${ips[i]}:${port}`;
          }
          servers.push(...made);
          return 'ips';
        } catch (err) {
          await Promise.all(made.map((s) => new Promise((r) => s.close(() => r()))));
          if (err.code === 'EADDRNOTAVAIL' || err.code === 'EINVAL' || options.port) break;
        }
      }
    }
    for (const host of model.hosts) {
      const server = http.createServer((req, res) => handle(host, req, res));
      const port = await listen(server, 0, '127.0.0.1');
      origins[host.name] = `http://127.0.0.1:${port}`;
      servers.push(server);
    }
    return 'ports';
  }

  const mode = await bindAll();
  for (const s of servers) s.keepAliveTimeout = 10_000;

  const findArticle = (urlOrPath) => {
    const u = new URL(urlOrPath, origins.ar);
    const path = safeDecode(u.pathname);
    const hosts = urlOrPath.includes('://') ? model.hosts.filter((h) => origins[h.name] === u.origin) : model.hosts;
    for (const h of hosts) {
      const a = h.articles.find((x) => x.path === path);
      if (a) return a;
    }
    throw new Error(`test site: no article at ${urlOrPath}`);
  };

  const articleInfo = (a) => ({
    url: new URL(a.path, origins[a.host]).href,
    host: a.host,
    path: a.path,
    title: a.title,
    paragraphs: [...a.paragraphs],
    language: a.lang,
    published: a.published,
    modified: a.modified,
    encoding: a.encoding,
    etag: a.etag,
    lastModified: a.lastModified,
    version: a.version,
  });

  return {
    mode,
    origins: NAMES.map((n) => origins[n]),
    hosts: { ...origins },
    log,
    pageSize: PAGE_SIZE,
    /** Every article page the site serves (the PDF and the hostile endpoints are not articles). */
    articles: () => model.hosts.flatMap((h) => h.articles.map(articleInfo)),
    article: (urlOrPath) => articleInfo(findArticle(urlOrPath)),
    /** Requests logged for one host (name like "ar" or an origin). */
    requests: (hostOrName) => log.filter((r) => r.site === hostOrName || `http://${r.host}` === hostOrName),
    clearLog: () => {
      log.length = 0;
    },
    /**
     * Change an article: new paragraphs (a string splits on blank lines) and optionally a new
     * title. Its ETag, Last-Modified and dateModified change with it.
     */
    updateArticle(urlOrPath, newBody, change = {}) {
      const a = findArticle(urlOrPath);
      if (newBody !== undefined) a.paragraphs = Array.isArray(newBody) ? [...newBody] : String(newBody).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      if (change.title) a.title = change.title;
      a.version += 1;
      // Last-Modified has one-second resolution: make sure it moves forward.
      a.modifiedMs = Math.max(Date.now(), a.modifiedMs + 1000);
      touch(a);
      return articleInfo(a);
    },
    /** Publish a new article on one host (ar, en, mixed), dated now: it leads that host's listings, feeds and sitemaps. */
    publishArticle(hostName, change = {}) {
      return articleInfo(publishArticle(model, hostName, change));
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(servers.map((s) => new Promise((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    },
  };
}
