/** The article record: one per article, every field typed. Field names are a public contract. */

/** `lead`: the standfirst between the headline and the body; when present it is the first block. */
export type BlockType = 'lead' | 'paragraph' | 'heading' | 'quote' | 'list-item' | 'table' | 'caption';

export interface Block {
  type: BlockType;
  text: string;
}

export interface TraceEntry {
  /** The step that decided something (e.g. "body.candidate", "clean.boilerplate", "date.published"). */
  step: string;
  /** What it decided, in words. */
  reason: string;
  /** The selector-like path or source involved, when there is one. */
  where?: string;
  /** A short sample of the text concerned. */
  text?: string;
}

/** Where a date came from, as the page stated it. */
export interface DateEvidence {
  value: string;
  raw: string;
  /** 'script': JSON or JS keys in inline scripts; 'page': the page-wide search over short texts. */
  source: 'json-ld' | 'microdata' | 'meta' | 'time' | 'url' | 'text' | 'script' | 'page' | 'feed' | 'sitemap';
  confidence: number;
}

export interface Article {
  url: string | null;
  canonicalUrl: string | null;
  id: string | null;
  site: { name: string | null; domain: string | null };
  title: string | null;
  description: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  language: string | null;
  direction: 'rtl' | 'ltr' | null;
  image: { url: string; caption: string | null } | null;
  section: string | null;
  tags: string[];
  blocks: Block[];
  text: string;
  links: { inBody: string[]; related: string[] };
  wordCount: number;
  contentHash: string | null;
  extraction: {
    method: string;
    confidence: number;
    trace: TraceEntry[];
    dates?: { published: DateEvidence | null; modified: DateEvidence | null };
    /** Why the body is empty, when it is. */
    emptyReason?: string;
  };
}

export interface ExtractOptions {
  /** The page's URL: resolves relative links and gives the site's domain. */
  url?: string;
  /** When the page was fetched (ISO 8601): resolves relative dates such as "منذ ساعتين". */
  fetchedAt?: string;
  /** Largest input accepted, in bytes of UTF-16 code units (default 50 MB). */
  maxInputChars?: number;
  /** Time budget for one page in milliseconds (default 10 s). */
  timeBudgetMs?: number;
  /**
   * Which way to lean on borderline boxes (trafilatura's option of the same name):
   * 'precision' drops them, 'recall' keeps them; the default is balanced.
   */
  favor?: Favor;
}

export type Favor = 'precision' | 'balanced' | 'recall';
