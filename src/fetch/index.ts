/** Fetching: the polite HTTP client, body decoding and robots.txt. */
export { createFetcher, DEFAULT_CONTACT } from './fetcher.js';
export type { Fetcher, FetcherOptions, FetchKind, FetchLogger, FetchOptions, FetchResult, HostStatus, RobotsInfo } from './types.js';
export { decodeHtml, charsetFromContentType } from './decode-html.js';
export type { DecodedHtml } from './decode-html.js';
export { decodeBody, mediaType } from './decode-body.js';
export { maybeGunzip } from './read-body.js';
export { parseRobots } from './robots.js';
export { backoffMs, parseRetryAfter } from './retry.js';
export { AddressGuard, AddressNotAllowedError, forbiddenRange, type AddressGuardOptions, type Resolver, type ResolvedAddress } from './address-guard.js';
