import { z } from 'zod';
import { regionChain, regionLevel } from '../tenancy/region.ts';
import { date } from '../units/units.ts';
import { RuleSet, RuleSetView } from './rule-set.ts';

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

/** Where the rule set in force comes from, seen from the region asked about. */
export const RULE_SET_SOURCES = ['own', 'city', 'province'] as const;
export type RuleSetSource = (typeof RULE_SET_SOURCES)[number];

export const InForce = z.object({
  region: z.string().describe('The region asked about'),
  date,
  source: z.enum(RULE_SET_SOURCES).describe('Whose rule set applies (P-U1)'),
  reason: z.string().describe('Why this one applies, in a sentence (P-U1)'),
  ruleSet: RuleSet,
});
export type InForce = z.infer<typeof InForce>;

/** The rule set in force as it is shown: with the rule each parameter serves. */
export const RuleSetInForce = InForce.extend({ ruleSet: RuleSetView }).meta({ id: 'RuleSetInForce' });
export type RuleSetInForce = z.infer<typeof RuleSetInForce>;

export function sourceOf(asked: string, found: RuleSet): RuleSetSource {
  if (found.region === asked) return 'own';
  return regionLevel(found.region) === 'city' ? 'city' : 'province';
}

/** The rule set found in force for a region on a date, with where it comes from and why it applies (P-U1). */
export function describeInForce(region: string, date: string, ruleSet: RuleSet): InForce {
  const source = sourceOf(region, ruleSet);
  const latest = `the latest published for ${ruleSet.region} on or before ${date} (from ${ruleSet.effectiveFrom}, version ${ruleSet.version})`;
  const reason =
    source === 'own'
      ? `${region} has its own rule set: ${latest}`
      : `${region} has none of its own in force, so its ${source}'s applies (P-U1): ${latest}`;
  return { region, date, source, reason, ruleSet };
}
