// Hostile and awkward endpoints of the test site (on the "mixed" host, under /h/):
// slow and hanging responses, rate limits with Retry-After, flaky 5xx, redirect chains and
// loops, huge bodies, decompression bombs, billion-laughs XML, binary bodies.
import zlib from 'node:zlib';

let bombCache;
/** 128 MiB of spaces inside an HTML shell, gzipped once (~130 KB) and reused. */
function gzipBomb() {
  bombCache ??= new Promise((resolve, reject) => {
    const gz = zlib.createGzip({ level: 9 });
    const out = [];
    gz.on('data', (c) => out.push(c));
    gz.on('end', () => resolve(Buffer.concat(out)));
    gz.on('error', reject);
    const chunk = Buffer.alloc(1 << 20, 0x20);
    gz.write('<!DOCTYPE html><html><body><p>');
    let left = 128;
    const pump = () => {
      while (left > 0) {
        left--;
        if (!gz.write(chunk)) return gz.once('drain', pump);
      }
      gz.end('</p></body></html>');
    };
    pump();
  });
  return bombCache;
}

/** An XML declaration and a DTD whose entities expand a billion times (`&lol9;`). */
export const LAUGHS_DTD = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
`;

const BILLION_LAUGHS = `${LAUGHS_DTD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://example.invalid/&lol9;</loc></url>
<url><loc>http://example.invalid/safe-page</loc></url>
</urlset>
`;

/** A minimal but valid-looking PDF. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');

function num(v, dflt, max) {
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : dflt;
}

/**
 * Handles /h/… on the mixed host. `ctx` gives the site's timers (cleared on close), the
 * per-key counters for flaky endpoints and the origin of another host for cross-host redirects.
 * Returns false when the path is not a hostile endpoint.
 */
export function handleHostile(req, res, url, ctx) {
  const p = url.pathname;
  const q = url.searchParams;
  const html = (body, status = 200, extra = {}) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...extra });
    res.end(body);
  };
  if (p === '/h/slow') {
    ctx.later(num(q.get('ms'), 2000, 60_000), () => html('<html><body><h1>Slow</h1><p>Finally.</p></body></html>'));
    return true;
  }
  if (p === '/h/slow-body') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write('<html><body><p>Start…');
    ctx.later(num(q.get('ms'), 2000, 60_000), () => res.end(' end.</p></body></html>'));
    return true;
  }
  if (p === '/h/hang') return true; // never answers; the site's close() destroys the socket
  if (p === '/h/flaky') {
    // The first `times` requests with this key fail with `status`, later ones succeed.
    const key = `${q.get('status')}:${q.get('key') ?? ''}`;
    const seen = (ctx.counters.get(key) ?? 0) + 1;
    ctx.counters.set(key, seen);
    if (seen <= num(q.get('times'), 1, 1000)) {
      const headers = {};
      if (q.has('after')) headers['retry-after'] = q.get('date') ? new Date(Date.now() + Number(q.get('after')) * 1000).toUTCString() : q.get('after');
      html('<html><body><h1>Try again later</h1></body></html>', num(q.get('status'), 503, 599), headers);
    } else {
      html(`<html><body><h1>OK after ${seen - 1} failures</h1></body></html>`);
    }
    return true;
  }
  let m = /^\/h\/status\/(\d{3})$/.exec(p);
  if (m) {
    html(`<html><body><h1>Status ${m[1]}</h1></body></html>`, Number(m[1]));
    return true;
  }
  m = /^\/h\/redirect\/(\d+)$/.exec(p);
  if (m) {
    const n = Number(m[1]);
    const location = n > 0 ? `/h/redirect/${n - 1}` : ctx.firstArticlePath;
    res.writeHead(n > 0 ? 301 : 302, { location });
    res.end();
    return true;
  }
  m = /^\/h\/loop\/([ab])$/.exec(p);
  if (m) {
    res.writeHead(302, { location: m[1] === 'a' ? '/h/loop/b' : '/h/loop/a' });
    res.end();
    return true;
  }
  if (p === '/h/redirect-cross') {
    res.writeHead(302, { location: ctx.crossTarget });
    res.end();
    return true;
  }
  if (p === '/h/huge') {
    // `mb` megabytes of HTML, streamed; with cl=1 the length is announced up front.
    const total = num(q.get('mb'), 64, 1024) * (1 << 20);
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (q.get('cl') === '1') headers['content-length'] = String(total);
    res.writeHead(200, headers);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < total && !res.destroyed) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
    return true;
  }
  if (p === '/h/bomb.html' || p === '/h/bomb.xml.gz') {
    gzipBomb().then((bytes) => {
      if (p === '/h/bomb.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': bytes.length });
      else res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-length': bytes.length });
      res.end(bytes);
    }, () => res.destroy());
    return true;
  }
  if (p === '/h/billion-laughs.xml') {
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end(BILLION_LAUGHS);
    return true;
  }
  if (p === '/h/binary') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    return true;
  }
  if (p === '/h/headers') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.headers));
    return true;
  }
  return false;
}
