/**
 * A story's timeline from its articles and their assignments: who reported first, who followed
 * and when, which articles were copies. Pure: the store, the CLI and the API all build it here.
 */
import type { StoryArticle, StoryAssignment } from './types.js';
import { publishedTime } from './time.js';

export interface TimelineEntry {
  id: string;
  site: string | null;
  published: string | null;
  language: string | null;
  title: string | null;
  /** The earlier article of the story this one nearly copies. */
  copyOf?: string;
}

export interface StoryTimeline {
  story: string;
  /** The most representative headline per language: the title of the first original report. */
  labels: Record<string, string>;
  firstSeen: string | null;
  lastSeen: string | null;
  articles: number;
  /** Articles that are not copies of another: the coverage. */
  originals: number;
  sources: number;
  languages: string[];
  /** Outlets in the order they first reported. */
  outlets: { site: string; first: string | null; articles: number }[];
  entries: TimelineEntry[];
}

/*
 * Order: by publication time; an article without one keeps its place in the stream (it is
 * placed after the dated articles that came before it), and equal times keep stream order.
 */
function ordered(entries: { entry: TimelineEntry; seq: number }[]): TimelineEntry[] {
  let clock = -Infinity;
  const keyed = entries.map(({ entry, seq }) => {
    const t = publishedTime(entry.published);
    if (t !== null) clock = Math.max(clock, t);
    return { entry, seq, t: t ?? clock };
  });
  return keyed.sort((a, b) => a.t - b.t || a.seq - b.seq).map(({ entry }) => entry);
}

/** Builds the timeline of every story, in the order the stories opened. */
export function storyTimelines(articles: readonly StoryArticle[], assignments: readonly StoryAssignment[]): StoryTimeline[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groups = new Map<string, { entry: TimelineEntry; seq: number }[]>();
  assignments.forEach((assignment, seq) => {
    const article = byId.get(assignment.id);
    const entry: TimelineEntry = {
      id: assignment.id,
      site: article?.site ?? null,
      published: article?.published ?? null,
      language: article?.language ?? null,
      title: article?.title ?? null,
    };
    if (assignment.copyOf !== undefined) entry.copyOf = assignment.copyOf;
    let group = groups.get(assignment.story);
    if (group === undefined) groups.set(assignment.story, (group = []));
    group.push({ entry, seq });
  });
  return [...groups].map(([story, group]) => timelineOf(story, ordered(group)));
}

function timelineOf(story: string, entries: TimelineEntry[]): StoryTimeline {
  const labels: Record<string, string> = {};
  const outlets = new Map<string, { site: string; first: string | null; articles: number }>();
  const languages = new Set<string>();
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  for (const entry of entries) {
    const language = entry.language ?? 'und';
    languages.add(language);
    if (entry.copyOf === undefined && entry.title && labels[language] === undefined) labels[language] = entry.title;
    if (entry.published !== null) {
      if (firstSeen === null) firstSeen = entry.published;
      lastSeen = entry.published;
    }
    if (entry.site !== null) {
      const outlet = outlets.get(entry.site);
      if (outlet === undefined) outlets.set(entry.site, { site: entry.site, first: entry.published, articles: 1 });
      else outlet.articles++;
    }
  }
  return {
    story,
    labels,
    firstSeen,
    lastSeen,
    articles: entries.length,
    originals: entries.filter((e) => e.copyOf === undefined).length,
    sources: outlets.size,
    languages: [...languages].sort(),
    outlets: [...outlets.values()],
    entries,
  };
}
