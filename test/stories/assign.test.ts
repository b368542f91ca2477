// Story assignment on hand-written articles: copies together, look-alike events apart, Arabic
// spelling variants together, streaming equal to batch.
import { describe, expect, it } from 'vitest';
import { assignStories, StoryClusterer, type StoryAssignment } from '../../src/stories/index.js';
import { arabicOther, arabicStory, inTimeOrder, otherNews, quake2019, quake2022, wire } from './articles.js';

const storyOf = (assignments: StoryAssignment[]) => new Map(assignments.map((a) => [a.id, a.story]));

describe('stories: assignment', () => {
  it('puts wire copies in one story and marks them as copies of the first', () => {
    const assigned = assignStories(inTimeOrder([...wire, ...otherNews]));
    const story = storyOf(assigned);
    expect(story.get('w-2')).toBe(story.get('w-1'));
    expect(story.get('w-3')).toBe(story.get('w-1'));
    expect(story.get('o-1')).not.toBe(story.get('w-1'));
    expect(story.get('o-2')).not.toBe(story.get('w-1'));
    expect(assigned.find((a) => a.id === 'w-3')?.copyOf).toBe('w-1');
    expect(story.get('w-1')).toBe('w-1'); // a story's id is its first article's
  });

  it('keeps two earthquakes of the same kind apart: other place, people, numbers and year', () => {
    const story = storyOf(assignStories(inTimeOrder([...quake2019, ...quake2022])));
    expect(new Set(quake2019.map((a) => story.get(a.id))).size).toBe(1);
    expect(new Set(quake2022.map((a) => story.get(a.id))).size).toBe(1);
    expect(story.get('q19-a')).not.toBe(story.get('q22-a'));
  });

  it('holds an Arabic story together across the spellings people use', () => {
    const story = storyOf(assignStories(inTimeOrder([...arabicStory, ...arabicOther])));
    expect(story.get('ar-2')).toBe(story.get('ar-1'));
    expect(story.get('ar-3')).toBe(story.get('ar-1'));
    expect(story.get('ar-x')).not.toBe(story.get('ar-1'));
  });

  it('gives the same stories one by one as in one batch, and on every run', () => {
    const articles = inTimeOrder([...wire, ...otherNews, ...quake2019, ...quake2022, ...arabicStory, ...arabicOther]);
    const batch = assignStories(articles);
    const clusterer = new StoryClusterer();
    const streamed = articles.map((a) => clusterer.add(a));
    expect(streamed).toEqual(batch);
    expect(assignStories(articles)).toEqual(batch);
  });

  it('closes a story after its quiet window: a later look-alike opens a new story', () => {
    const first = quake2019[0]!;
    const months = { ...first, id: 'q19-again', published: '2019-06-04T06:10:00Z' };
    const story = storyOf(assignStories([first, months]));
    expect(story.get('q19-again')).toBe('q19-again');
    const hours = { ...first, id: 'q19-soon', text: `${first.text} Updated.`, published: '2019-03-04T10:00:00Z' };
    expect(storyOf(assignStories([first, hours])).get('q19-soon')).toBe(first.id);
  });
});
