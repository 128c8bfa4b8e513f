import { provinces } from '@hoanhap/reference';
import { dayOf, type Day } from '../domain/calendar';
import { syntheticGeography, syntheticTrades, type Geography, type Trades } from './synthetic-geography';

/** Everything a synthetic item is drawn from; item i of each stream is a pure function of (world, i). */
export interface SyntheticWorld {
  seed: number;
  today: Day;
  geography: Geography;
  trades: Trades;
  employers: number;
  otherProvinces(provinceCode: string): string[];
}

export function syntheticWorld(options: { seed: number; today: string; employers?: number }): SyntheticWorld {
  const codes = provinces().map((p) => p.code);
  return {
    seed: options.seed,
    today: dayOf(options.today),
    geography: syntheticGeography(options.seed),
    trades: syntheticTrades(options.seed),
    employers: options.employers ?? 8_000,
    otherProvinces: (code) => codes.filter((c) => c !== code),
  };
}
