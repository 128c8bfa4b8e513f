import { MatchingModel } from '../domain/model/matching-model';
import type { Reach } from '../domain/model/vocabulary';
import { DEFAULT_WEIGHTS, type Weights } from '../domain/scoring/weights';
import { syntheticProfile, syntheticRestrictions } from './synthetic-returnees';
import { syntheticCohort, syntheticJob, syntheticLoanProducts } from './synthetic-offers';
import { syntheticWorld, type SyntheticWorld } from './synthetic-world';

export interface SyntheticSizes {
  returnees: number;
  jobs: number;
  cohorts: number;
}

/**
 * A model filled straight from synthetic payloads, without Kafka: for unit tests of the searches (indexed
 * vs full scan on the same data). The service itself only ever learns from events.
 */
export function loadSynthetic(sizes: SyntheticSizes, options: { seed?: number; today: string; weights?: Weights; reach?: Reach }): { model: MatchingModel; world: SyntheticWorld } {
  const world = syntheticWorld({ seed: options.seed ?? 42, today: options.today, employers: Math.max(10, Math.floor(sizes.jobs / 6)) });
  const model = new MatchingModel(options.weights ?? DEFAULT_WEIGHTS, options.reach);
  for (let i = 0; i < sizes.returnees; i++) {
    model.returnees.applyProfile(syntheticProfile(world, i));
    model.returnees.applyRestrictions(syntheticRestrictions(world, i));
  }
  for (let i = 0; i < sizes.jobs; i++) model.jobs.apply(syntheticJob(world, i), 0);
  for (let i = 0; i < sizes.cohorts; i++) model.cohorts.apply(syntheticCohort(world, i));
  for (const product of syntheticLoanProducts()) model.cohorts.applyProduct(product);
  return { model, world };
}
