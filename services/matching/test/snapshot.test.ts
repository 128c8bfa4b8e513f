import { dayOf } from '../src/domain/calendar';
import { STATE } from '../src/domain/model/returnee-table';
import { DEFAULT_WEIGHTS } from '../src/domain/scoring/weights';
import { candidateSearch } from '../src/domain/search/candidate-search';
import { courseSearch } from '../src/domain/search/course-search';
import { jobSearch } from '../src/domain/search/job-search';
import { captureModel, restoreModel } from '../src/store/model-snapshot';
import { decodeSnapshot, encodeSnapshot } from '../src/store/snapshot-codec';
import { loadSynthetic } from '../src/synthetic/load-synthetic';

const TODAY = '2026-11-23';
const today = dayOf(TODAY);
const now = Date.parse('2026-11-23T03:00:00Z');

describe('snapshot codec', () => {
  it('when a model is captured, encoded, decoded and restored, then it answers every query exactly as before', async () => {
    const { model } = loadSynthetic({ returnees: 2_000, jobs: 2_000, cohorts: 200 }, { today: TODAY, seed: 3 });
    model.offsets.set('cases.returnee.profile-published.v1:0', '2000');
    const captured = captureModel(model, new Date(now));
    const file = Buffer.concat(await encodeSnapshot(captured.meta, captured.parts));
    const result = restoreModel(decodeSnapshot(file), DEFAULT_WEIGHTS, 'neighbours');
    if (!('model' in result)) throw new Error(result.refused);
    const copy = result.model;
    expect(Object.fromEntries(copy.offsets)).toEqual({ 'cases.returnee.profile-published.v1:0': '2000' });
    for (let p = 0; p < model.returnees.size; p += 7) {
      if (!model.returnees.has(p, STATE.profile)) continue;
      expect(jobSearch(copy, p, 20, now, today)).toEqual(jobSearch(model, p, 20, now, today));
      expect(courseSearch(copy, p, 5, now, today).map((c) => [c.cohort.facts.cohortId, c.score])).toEqual(courseSearch(model, p, 5, now, today).map((c) => [c.cohort.facts.cohortId, c.score]));
    }
    for (let j = 0; j < model.jobs.size; j += 11) expect(candidateSearch(copy, j, 20, now, today)).toEqual(candidateSearch(model, j, 20, now, today));
  });

  it('when the file is cut short or is not a snapshot, then decoding refuses it', async () => {
    const { model } = loadSynthetic({ returnees: 10, jobs: 10, cohorts: 1 }, { today: TODAY });
    const captured = captureModel(model, new Date(now));
    const file = Buffer.concat(await encodeSnapshot(captured.meta, captured.parts));
    expect(() => decodeSnapshot(file.subarray(0, file.length - 3))).toThrow(/truncated/);
    expect(() => decodeSnapshot(Buffer.from('hello world!'))).toThrow(/not a matching snapshot/);
  });
});
