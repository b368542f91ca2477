export { scorePages } from '../metric.mjs';
export interface SnippetScore { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; accuracy: number; f1: number }
export function scoreSnippets(rows: { page: { with: string[]; without: string[] }; text: string }[]): SnippetScore;
export interface DateScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export function scoreDates(rows: { page: { published: string }; published: string | null }[]): DateScore;
export function titleRight(truth: string | null, predicted: string | null | undefined): boolean;
export function authorScores(truth: string[], predicted: string[] | null | undefined): { precision: number; recall: number; f1: number };
export function dayRight(truth: string | null, predicted: string | null | undefined): boolean;
