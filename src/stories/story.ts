/** An open story's state: its centroids, counts, times and the fingerprints of its articles. */
import { Centroid } from './centroid.js';
import type { View } from './features.js';
import type { Fingerprint } from './near-copy.js';

/** Fingerprints kept per story: the first articles, where wire copies of the story cluster. */
export const MAX_FINGERPRINTS = 24;

export interface Story {
  /** The id of the story's first article. */
  id: string;
  /** Creation order: breaks ties so that equal scores never depend on Map order. */
  seq: number;
  size: number;
  centroids: Record<View, Centroid>;
  fingerprints: { id: string; print: Fingerprint }[];
  /** Publication times (ms) of the first and latest article; null while no article had one. */
  firstSeen: number | null;
  lastSeen: number | null;
  /** Article sequence number of the latest join (for the least-recently-updated cap). */
  lastTouched: number;
}

export function newStory(id: string, seq: number, touched: number): Story {
  return {
    id,
    seq,
    size: 0,
    centroids: { title: new Centroid(), lead: new Centroid(), body: new Centroid(), names: new Centroid(), numbers: new Centroid(), years: new Centroid() },
    fingerprints: [],
    firstSeen: null,
    lastSeen: null,
    lastTouched: touched,
  };
}
