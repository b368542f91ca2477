export interface StoryScore {
  b3: { p: number; r: number; f1: number };
  pairwise: { p: number; r: number; f1: number };
  stories: number;
  goldStories: number;
}
export function scoreStories(gold: Map<string, string>, predicted: Map<string, string>): StoryScore;
