export function dataDir(): string | null;
export interface BodyPage { id: string; url: string | null; bytes: Buffer; body: string }
export interface SnippetPage { id: string; url: string | null; bytes: Buffer; with: string[]; without: string[] }
export interface DatePage { id: string; url: string | null; bytes: Buffer; published: string }
export interface FundusPage extends BodyPage { title: string | null; authors: string[]; authorsAnnotated: boolean; published: string | null; crawlDate: string | null }
export function loadScrapinghub(dir: string | null): BodyPage[];
export function loadTrafilatura(dir: string | null): SnippetPage[];
export function loadHtmldate(dir: string | null): DatePage[];
export function loadFundus(dir: string | null): FundusPage[];
