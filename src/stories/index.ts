/** Stories: the same event across outlets and languages, grouped as articles arrive (issue 13). */
export { StoryClusterer, assignStories, type Candidate, type StoryChooser } from './clusterer.js';
export { articleFeatures, VIEWS, type ArticleFeatures, type View } from './features.js';
export { DEFAULT_MODEL, expandFeatures, joinProbability, type StoryModel } from './model.js';
export { PAIR_FEATURES } from './pair-features.js';
export type { StoryArticle, StoryAssignment } from './types.js';
export { storyArticleOf } from './record.js';
export { storyTimelines, type StoryTimeline, type TimelineEntry } from './timeline.js';
