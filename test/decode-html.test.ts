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

  it('finds a <meta charset> that comes after long scripts, past the first 1,024 bytes', () => {
    const script = `<script>${'var x = 1;\n'.repeat(300)}</script>`;
    const bytes = iconv.encode(`<html><head>${script}<meta charset="windows-1256"></head><body><p>${arabic}</p></body></html>`, 'windows-1256');
    const out = decodeHtml(bytes);
    expect(out.encoding).toBe('windows-1256');
    expect(out.text).toContain(arabic);
  });
  it('reads bytes that are valid UTF-8 as UTF-8 even when the page or the server declares a legacy charset', () => {
    const german = 'Größere Änderungen für Straßenbahnen';
    const chinese = '中文新闻的正文';
    const page = (charset: string, text: string) => Buffer.from(`<html><head><meta charset="${charset}"></head><body><p>${text}</p></body></html>`);
    expect(decodeHtml(page('iso-8859-1', german)).text).toContain(german);
    expect(decodeHtml(page('gb2312', chinese)).text).toContain(chinese);
    expect(decodeHtml(Buffer.from(`<p>${arabic}</p>`), { contentType: 'text/html; charset=iso-8859-1' }).text).toContain(arabic);
  });
  it('keeps a declared legacy charset when the bytes are not UTF-8', () => {
    const german = 'Größere Änderungen für Straßenbahnen';
    const bytes = iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>${german}</p></body></html>`, 'latin1');
    const out = decodeHtml(bytes);
    expect(out.encoding).toBe('windows-1252');
    expect(out.text).toContain(german);
  });
  it('reads an undeclared 8-bit page as windows-1256 when it is written in Arabic and as windows-1252 when in a Latin script', () => {
    const arabicPage = iconv.encode(`<html><body><p>${arabic}</p></body></html>`, 'windows-1256');
    expect(decodeHtml(arabicPage).text).toContain(arabic);
    const french = 'Le député a été élu à Besançon après un débat très animé';
    const frenchPage = iconv.encode(`<html><body><p>${french}</p></body></html>`, 'windows-1252');
    expect(decodeHtml(frenchPage).text).toContain(french);
  });
  it('reads windows-1256 bytes mislabelled as UTF-8 as Arabic, not as replacement characters', () => {
    const bytes = iconv.encode(`<html><head><meta charset="utf-8"></head><body><p>${arabic}</p></body></html>`, 'windows-1256');
    const out = decodeHtml(bytes);
    expect(out.encoding).toBe('windows-1256');
    expect(out.text).toContain(arabic);
  });
  it('does not turn a UTF-8 page with a few stray bytes into windows-1252', () => {
    const text = 'Größere Änderungen für Straßenbahnen in München, Düsseldorf und Köln';
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'), Buffer.from(text), Buffer.from([0x96]), Buffer.from('</p></body></html>')]);
    expect(decodeHtml(bytes).text).toContain(text);
  });
});
