import nanjing from './city-3201.json' with { type: 'json' };
import type { CityTerritoryFile } from './territory.js';

export * from './territory.js';

/** Nanjing (3201): 11 districts, 140 sub-districts, 1,322 communities. */
export const NANJING: CityTerritoryFile = nanjing;

const cities: Record<string, CityTerritoryFile> = { '3201': NANJING };

export function cityTerritory(code: string): CityTerritoryFile | undefined {
  return cities[code];
}
