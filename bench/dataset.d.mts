export function devsetDir(): string | null;
export interface DevPage { id: string; url: string | null; html: string; expected: string }
export function loadDevset(dir?: string | null): DevPage[];
