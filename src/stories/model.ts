/**
 * The join decision: a logistic regression over the pair features and a few of their products
 * (so that, say, a high body similarity counts for less when the names disagree), trained
 * offline by bench/stories/train.mjs on the development set and committed as data (model.json).
 */
import weights from './model.json' with { type: 'json' };
import { PAIR_FEATURES } from './pair-features.js';

export interface StoryModel {
  features: readonly string[];
  /** Products of two features, by name, appended after the features in this order. */
  interactions: readonly (readonly [string, string])[];
  /** One weight per feature, then one per interaction. */
  weights: number[];
  bias: number;
  /** Join the best candidate when its probability reaches this; otherwise open a new story. */
  threshold: number;
}

export const DEFAULT_MODEL: StoryModel = weights as unknown as StoryModel;

/** Checks that a model was trained on the features this code computes, in the same order. */
export function checkModel(model: StoryModel): StoryModel {
  const sameFeatures = model.features.length === PAIR_FEATURES.length && model.features.every((f, i) => f === PAIR_FEATURES[i]);
  const known = model.interactions.every(([a, b]) => model.features.includes(a) && model.features.includes(b));
  if (!sameFeatures || !known || model.weights.length !== PAIR_FEATURES.length + model.interactions.length) {
    throw new Error(`story model features [${model.features.join(', ')}] do not match [${PAIR_FEATURES.join(', ')}]: retrain with bench/stories/train.mjs`);
  }
  return model;
}

const indexCache = new WeakMap<StoryModel, [number, number][]>();

function interactionIndexes(model: StoryModel): [number, number][] {
  let indexes = indexCache.get(model);
  if (indexes === undefined) {
    indexes = model.interactions.map(([a, b]) => [model.features.indexOf(a), model.features.indexOf(b)]);
    indexCache.set(model, indexes);
  }
  return indexes;
}

/** The features followed by the model's products of features: what the weights apply to. */
export function expandFeatures(model: StoryModel, features: readonly number[]): number[] {
  const out = [...features];
  for (const [i, j] of interactionIndexes(model)) out.push(features[i]! * features[j]!);
  return out;
}

export function joinProbability(model: StoryModel, features: readonly number[]): number {
  const x = expandFeatures(model, features);
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
