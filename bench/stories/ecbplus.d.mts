export function ecbplusPath(): string | null;
export function loadEcbplus(path?: string | null): { id: string; title: string; text: string; language: string; published: string | null; story: string; topic: number }[];
