import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeHtml } from '../src/fetch/decode-html.js';

const arabic = 'بيلاؤوسوف يلتقي مع وزير الدفاع السوري';

describe('decodeHtml', () => {
  it('decodes a windows-1256 page declared in <meta charset>', () => {
    const bytes = iconv.encode(`<html><head><meta charset="windows-1256"></head><body><p>${arabic}</p></body></html>`, 'windows-1256');
    const out = decodeHtml(bytes);
    expect(out.encoding).toBe('windows-1256');
    expect(out.text).toContain(arabic);
  });
  it('prefers the HTTP charset over nothing, and a BOM over the HTTP charset', () => {
    const bytes = iconv.encode(`<p>${arabic}</p>`, 'windows-1256');
    expect(decodeHtml(bytes, { contentType: 'text/html; charset=windows-1256' }).text).toContain(arabic);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${arabic}</p>`)]);
    expect(decodeHtml(bom, { contentType: 'text/html; charset=windows-1256' }).text).toContain(arabic);
  });
  it('assumes UTF-8 without a declaration and survives invalid bytes', () => {
    const bytes = Buffer.concat([Buffer.from(`<p>${arabic}</p>`), Buffer.from([0xff, 0xfe, 0xc3])]);
    const out = decodeHtml(bytes);
    expect(out.text).toContain(arabic);
    expect(out.text).toContain('\ufffd');
  });
});
