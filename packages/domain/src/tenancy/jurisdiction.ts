import { cityOf, regionLevel } from './region.ts';

/**
 * A bureau's jurisdiction (P-U1): a city bureau sees its own region and every county in it; a
 * county bureau only its own county. Contracts are indexed under the city of their purchaser's
 * region (`R#<city>#CONTRACT`, sort key `<region>#<tenant>#<id>`), so a city reads the whole
 * partition and a county the prefix of its own code.
 *
 * A province bureau is not yet supported across cities (each city is its own index partition): it
 * covers only contracts purchased at province level. No demo or pilot bureau is a province.
 */
export interface Jurisdiction {
  /** The bureau's own region code. */
  region: string;
  /** The index partition it reads: its city (a city is its own city; a province is itself). */
  city: string;
  /** Set for a county bureau: the sort-key prefix within the city's partition. */
  county?: string;
}

export function jurisdictionOf(bureauRegion: string): Jurisdiction {
  const level = regionLevel(bureauRegion);
  if (level === 'county') return { region: bureauRegion, city: cityOf(bureauRegion) as string, county: bureauRegion };
  return { region: bureauRegion, city: bureauRegion };
}

/** Whether a contract purchased in `region` falls in the jurisdiction. */
export function covers(jurisdiction: Jurisdiction, region: string): boolean {
  if (jurisdiction.county) return region === jurisdiction.county;
  if (regionLevel(jurisdiction.city) === 'province') return region === jurisdiction.city;
  return (cityOf(region) ?? region) === jurisdiction.city;
}
