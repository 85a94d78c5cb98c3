import { regionChain } from '../tenancy/region.ts';
import type { RuleSet } from './rule-set.ts';

/** Orders rule sets later first: by effectiveFrom, then by version (a correction beats what it corrects). */
function later(a: RuleSet, b: RuleSet): boolean {
  return a.effectiveFrom !== b.effectiveFrom ? a.effectiveFrom > b.effectiveFrom : a.version > b.version;
}

/**
 * The rule set in force for `region` on `date`: among a region's rule sets with effectiveFrom on
 * or before the date, the latest, and of several versions for that date the highest (a correction
 * supersedes the version it corrects). The region's own rule sets come first; only when it has none
 * in force does the search go up regionChain(region): a county, then its city, then the province
 * (P-U1: a county's own detailed rules override its city's, even an older county rule set over a
 * newer city one). A rule set that starts tomorrow is not in force today.
 */
export function ruleSetInForce(candidates: readonly RuleSet[], region: string, date: string): RuleSet | undefined {
  for (const code of regionChain(region)) {
    let best: RuleSet | undefined;
    for (const r of candidates) if (r.region === code && r.effectiveFrom <= date && (!best || later(r, best))) best = r;
    if (best) return best;
  }
  return undefined;
}
