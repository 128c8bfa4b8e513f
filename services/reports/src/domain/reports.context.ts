import type { FactRepository } from '../store/fact.repository';
import type { PlaceRepository } from '../store/place.repository';

/** What the use cases and consumers need: the read model's two collections. */
export interface ReportsStore {
  facts: FactRepository;
  places: PlaceRepository;
}

export interface ReportsContext {
  store: ReportsStore;
  clock: () => Date;
}
