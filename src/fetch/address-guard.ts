/**
 * The SSRF guard: which network addresses a fetch may connect to when the URL came from
 * someone else (a source added through the HTTP API). Loopback, private (RFC 1918, fc00::/7),
 * link-local (169.254/16 with the cloud metadata address, fe80::/10), unspecified, multicast,
 * carrier-grade NAT, reserved ranges and IPv4-mapped IPv6 forms of them are refused unless the
 * operator allows private addresses.
 *
 * Checking a URL once before the crawl is not enough: a redirect can point anywhere, and a name
 * can resolve to a public address for the check and to 169.254.169.254 a second later (DNS
 * rebinding). So the guard also checks at connect time: `connector()` is an undici connector
 * whose DNS lookup refuses forbidden addresses before the socket is opened, and which checks
 * IP literals itself (Node does not call `lookup` for them). Every connection the fetcher opens
 * — every redirect hop, every retry — goes through it. The resolver is injectable, so tests
 * exercise all of this without leaving the machine.
 */
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';
import { InvalidUrlError, MarsadError, type MarsadErrorOptions } from '../errors.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to (an IP literal is not passed here). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface AddressGuardOptions {
  /** Allow every address (the operator's --allow-private): the guard then only checks the scheme and credentials. */
  allowPrivate?: boolean;
  /** Ranges allowed even though they are private (CIDR, e.g. "10.1.2.0/24" for an internal mirror). */
  allow?: readonly string[];
  /** Default: the system resolver (dns.lookup, all addresses). */
  resolve?: Resolver;
  /** Appended to refusals: how the operator can allow the address. */
  hint?: string;
}

/** A URL's host is, or resolves to, an address the guard refuses. Not retryable: the crawl must not try again. */
export class AddressNotAllowedError extends MarsadError {
  readonly hostname: string;
  readonly address: string;
  readonly range: string;
  constructor(hostname: string, address: string, range: string, hint: string, options: MarsadErrorOptions = {}) {
    const subject = hostname === address ? `the URL's host is ${address},` : `${hostname} resolves to ${address},`;
    super('ADDRESS_NOT_ALLOWED', `${subject} ${describeRange(address, range)} address; ${hint}`, { retryable: false, ...options, subject: hostname });
    this.hostname = hostname;
    this.address = address;
    this.range = range;
  }
}

const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

function describeRange(address: string, range: string): string {
  if (METADATA_ADDRESSES.has(address)) return 'a link-local (cloud metadata)';
  switch (range) {
    case 'loopback':
      return 'a loopback';
    case 'private':
      return 'a private (RFC 1918)';
    case 'uniqueLocal':
      return 'a private (unique local, fc00::/7)';
    case 'linkLocal':
      return 'a link-local';
    case 'unspecified':
      return 'an unspecified';
    case 'multicast':
      return 'a multicast';
    case 'broadcast':
      return 'a broadcast';
    case 'carrierGradeNat':
      return 'a carrier-grade NAT (100.64.0.0/10)';
    default:
      return `a reserved (${range})`;
  }
}

/** "[::1]" → "::1": URL.hostname keeps the brackets of an IPv6 literal. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * The special-purpose range an address is in, or null for an ordinary public unicast address.
 * IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export function forbiddenRange(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(bareHost(address).replace(/%.*$/, ''));
  } catch {
    return 'invalid';
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });

export class AddressGuard {
  readonly allowPrivate: boolean;
  private readonly allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  private readonly resolver: Resolver;
  private readonly hint: string;

  constructor(options: AddressGuardOptions = {}) {
    this.allowPrivate = options.allowPrivate ?? false;
    this.allowed = (options.allow ?? []).map((cidr) => ipaddr.parseCIDR(cidr));
    this.resolver = options.resolve ?? systemResolver;
    this.hint = options.hint ?? 'allow private addresses to fetch it';
  }

  /** Throws AddressNotAllowedError when `address` (what `hostname` resolved to) is refused. */
  checkAddress(hostname: string, address: string): void {
    if (this.allowPrivate) return;
    const range = forbiddenRange(address);
    if (range === null) return;
    const ip = ipaddr.parse(bareHost(address).replace(/%.*$/, ''));
    if (this.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return;
    throw new AddressNotAllowedError(bareHost(hostname), bareHost(address), range, this.hint);
  }

  /** The host's addresses, each checked: an IP literal as itself, a name through the resolver. */
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const host = bareHost(hostname);
    const family = isIP(host);
    const addresses = family !== 0 ? [{ address: host, family: family as 4 | 6 }] : await this.resolver(host);
    if (addresses.length === 0) throw new MarsadError('DNS', `${host} does not resolve to any address`, { subject: host });
    for (const a of addresses) this.checkAddress(host, a.address);
    return addresses;
  }

  /**
   * Checks a URL before anything is fetched: http or https, no user name or password in it,
   * and every address its host resolves to allowed. Returns the parsed URL.
   */
  async checkUrl(raw: string): Promise<URL> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch (error) {
      throw new InvalidUrlError(raw, 'not a valid URL', { cause: error });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidUrlError(raw, `unsupported scheme "${url.protocol}"; only http and https are fetched`);
    if (url.username !== '' || url.password !== '') throw new InvalidUrlError(url.origin, 'a URL with a user name or password is not fetched');
    if (url.hostname === '') throw new InvalidUrlError(raw, 'no host name');
    await this.resolve(url.hostname);
    return url;
  }

  /** A `lookup` for net.connect that resolves through the guard and refuses forbidden addresses. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no IPv${String(options.family)} address`), { code: 'ENOTFOUND' }), '', 4);
          return;
        }
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
        if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };

  /** An undici connector that applies the guard to every connection (IP literals included). */
  connector(options: { timeout?: number } = {}): buildConnector.connector {
    const base = buildConnector({ ...(options.timeout !== undefined ? { timeout: options.timeout } : {}), lookup: this.lookup } as buildConnector.BuildOptions);
    return (opts, callback) => {
      const host = bareHost(opts.hostname);
      if (isIP(host) !== 0) {
        try {
          this.checkAddress(host, host);
        } catch (error) {
          callback(error as Error, null);
          return;
        }
      }
      base(opts, callback);
    };
  }
}
