export function tokenize(text: string): string[];
export function shingles(text: string): Map<string, number>;
export interface PageCounts { tp: number; fp: number; fn: number }
export function pageCounts(expected: string, predicted: string): PageCounts;
export function pagePrecision(c: PageCounts): number;
export function pageRecall(c: PageCounts): number;
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: { precision: number; recall: number; f1: number }[];
}
export function scorePages(pairs: { expected: string; predicted: string }[]): Score;
