/**
 * The SSRF guard: address ranges, URL checks after resolution, and the connect-time check the
 * fetcher applies to every connection (redirect hops, DNS rebinding). Names resolve through an
 * injected resolver, and the only sockets opened are to a server on 127.0.0.1 (allowed by an
 * explicit exception), so nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard, AddressNotAllowedError, forbiddenRange, type Resolver } from '../../src/fetch/address-guard.js';
import { createFetcher } from '../../src/fetch/fetcher.js';

const NAMES: Record<string, string[]> = {
  'public.test': ['93.184.216.34'],
  'public6.test': ['2606:2800:220:1:248:1893:25c8:1946'],
  'private.test': ['10.0.0.1'],
  'mixed.test': ['93.184.216.34', '192.168.1.20'],
  'metadata.test': ['169.254.169.254'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'loop.test': ['127.0.0.1'],
};

const resolver: Resolver = async (name) => {
  const found = NAMES[name];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

/** A resolver that answers an allowed address first and a forbidden one afterwards: DNS rebinding. */
function rebinding(first: string, then: string): Resolver {
  let calls = 0;
  return async () => [{ address: calls++ === 0 ? first : then, family: 4 }];
}

async function refusal(promise: Promise<unknown>): Promise<AddressNotAllowedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AddressNotAllowedError);
  return error as AddressNotAllowedError;
}

describe('forbiddenRange', () => {
  it('names the special-purpose ranges and passes public unicast addresses', () => {
    const cases: [string, string | null][] = [
      ['93.184.216.34', null],
      ['8.8.8.8', null],
      ['2606:2800:220:1:248:1893:25c8:1946', null],
      ['127.0.0.1', 'loopback'],
      ['127.5.6.7', 'loopback'],
      ['::1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.0.1', 'private'],
      ['192.168.0.1', 'private'],
      ['fd12:3456::1', 'uniqueLocal'],
      ['169.254.169.254', 'linkLocal'],
      ['fe80::1', 'linkLocal'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['ff02::1', 'multicast'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:169.254.169.254', 'linkLocal'],
      ['::ffff:10.0.0.1', 'private'],
      ['255.255.255.255', 'broadcast'],
    ];
    for (const [address, range] of cases) expect(forbiddenRange(address), address).toBe(range);
  });
});

describe('AddressGuard.checkUrl', () => {
  const guard = new AddressGuard({ resolve: resolver, hint: 'start the server with --allow-private to allow it' });

  it('allows a name whose every address is public', async () => {
    await expect(guard.checkUrl('https://public.test/news')).resolves.toBeInstanceOf(URL);
    await expect(guard.checkUrl('http://public6.test/')).resolves.toBeInstanceOf(URL);
  });

  it('refuses a name resolving to a private address, or to any private address among public ones', async () => {
    const error = await refusal(guard.checkUrl('http://private.test/'));
    expect(error.code).toBe('ADDRESS_NOT_ALLOWED');
    expect(error.message).toBe('private.test resolves to 10.0.0.1, a private (RFC 1918) address; start the server with --allow-private to allow it');
    expect((await refusal(guard.checkUrl('http://mixed.test/'))).address).toBe('192.168.1.20');
    expect((await refusal(guard.checkUrl('http://metadata.test/'))).message).toContain('cloud metadata');
    expect((await refusal(guard.checkUrl('http://mapped.test/'))).range).toBe('loopback');
  });

  it('refuses IP literals in every spelling the URL parser accepts', async () => {
    for (const url of ['http://127.0.0.1:8080/', 'http://0x7f000001/', 'http://2130706433/', 'http://017700000001/', 'http://127.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0/', 'http://[fe80::1]/', 'http://100.64.1.1/']) {
      await refusal(guard.checkUrl(url));
    }
  });

  it('refuses localhost through the system resolver', async () => {
    const system = new AddressGuard();
    expect((await refusal(system.checkUrl('http://localhost:9/'))).range).toBe('loopback');
  });

  it('refuses other schemes and URLs with credentials before resolving anything', async () => {
    for (const url of ['ftp://public.test/', 'file:///etc/passwd', 'http://user:pw@public.test/', 'http://user@public.test/', 'javascript:alert(1)', 'not a url']) {
      const error = await guard.checkUrl(url).then(() => null, (e: unknown) => e);
      expect((error as { code?: string } | null)?.code, url).toBe('INVALID_URL');
    }
  });

  it('allows everything with allowPrivate, and explicit exception ranges', async () => {
    const open = new AddressGuard({ resolve: resolver, allowPrivate: true });
    await expect(open.checkUrl('http://private.test/')).resolves.toBeInstanceOf(URL);
    await expect(open.checkUrl('http://127.0.0.1/')).resolves.toBeInstanceOf(URL);
    const excepted = new AddressGuard({ resolve: resolver, allow: ['10.0.0.0/8'] });
    await expect(excepted.checkUrl('http://private.test/')).resolves.toBeInstanceOf(URL);
    await refusal(excepted.checkUrl('http://127.0.0.1/'));
  });
});

describe('the fetcher with a guard: every connection is checked', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const redirects: Record<string, string> = {
        '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
        '/to-private-name': `http://private.test:${port}/ok`,
        '/to-loopback-2': `http://127.0.0.2:${port}/ok`,
        '/to-mapped': `http://[::ffff:127.0.0.1]:${port}/ok`,
        '/to-allowed': `http://loop.test:${port}/ok`,
      };
      const location = redirects[req.url ?? ''];
      if (location) res.writeHead(302, { location }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  // 127.0.0.1/32 is excepted so the test server is reachable; every other special address is refused.
  const fetcherWith = (resolve: Resolver) =>
    createFetcher({ addressGuard: new AddressGuard({ resolve, allow: ['127.0.0.1/32'] }), respectRobots: false, minDelayMs: 0, maxRetries: 0 });

  it('connects to an allowed address by name and follows a redirect to another allowed one', async () => {
    const fetcher = fetcherWith(resolver);
    try {
      const res = await fetcher.fetch(`http://loop.test:${port}/to-allowed`);
      expect(res.status).toBe(200);
      expect(res.redirects).toHaveLength(1);
    } finally {
      await fetcher.close();
    }
  });

  it('refuses a redirect hop to the metadata address, a private name, another loopback address or a mapped IPv6 loopback', async () => {
    hits.length = 0;
    const fetcher = fetcherWith(resolver);
    try {
      expect((await refusal(fetcher.fetch(`http://127.0.0.1:${port}/to-metadata`))).address).toBe('169.254.169.254');
      expect((await refusal(fetcher.fetch(`http://127.0.0.1:${port}/to-private-name`))).address).toBe('10.0.0.1');
      expect((await refusal(fetcher.fetch(`http://127.0.0.1:${port}/to-loopback-2`))).address).toBe('127.0.0.2');
      await refusal(fetcher.fetch(`http://127.0.0.1:${port}/to-mapped`));
      // The refused hops never reached a server: only the redirecting pages were requested.
      expect(hits).toEqual(['/to-metadata', '/to-private-name', '/to-loopback-2', '/to-mapped']);
    } finally {
      await fetcher.close();
    }
  });

  it('refuses a name that passed the check and rebinds to a forbidden address at connect time', async () => {
    const resolve = rebinding('93.184.216.34', '10.0.0.1');
    const guard = new AddressGuard({ resolve, allow: ['127.0.0.1/32'] });
    await expect(guard.checkUrl(`http://rebind.test:${port}/`)).resolves.toBeInstanceOf(URL);
    const fetcher = createFetcher({ addressGuard: guard, respectRobots: false, minDelayMs: 0, maxRetries: 0 });
    try {
      const error = await refusal(fetcher.fetch(`http://rebind.test:${port}/ok`));
      expect(error.address).toBe('10.0.0.1');
    } finally {
      await fetcher.close();
    }
  });

  it('leaves a fetcher without a guard as it was', async () => {
    const fetcher = createFetcher({ respectRobots: false, minDelayMs: 0, maxRetries: 0 });
    try {
      expect((await fetcher.fetch(`http://127.0.0.1:${port}/ok`)).status).toBe(200);
    } finally {
      await fetcher.close();
    }
  });
});
