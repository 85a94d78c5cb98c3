import { z } from 'zod';
import type { Jurisdiction } from '../tenancy/jurisdiction.ts';
import { cityOf, knownRegions, regionLevel } from '../tenancy/region.ts';
import { TENANT_STATUSES } from '../tenancy/schemas.ts';
import { count, instant } from '../units/units.ts';

/**
 * Incubation bases (社会组织孵化基地, P-I1) as a bureau sees them, and the P-T1 target: every
 * county-level region has a social-organisation incubation base (by 2025).
 */

/** The rule the coverage figure applies. */
export const BASE_COVERAGE_RULE = 'P-T1' as const;

/** An incubation base on the platform, as a bureau lists it: its public name, region and status only. */
export const IncubationBase = z
  .object({
    tenantId: z.string().describe('The base’s tenant id'),
    name: z.string(),
    nameEn: z.string().optional(),
    region: z.string().describe('GB/T 2260 code of the base’s region (a county, or a city for a city-level base)'),
    status: z.enum(TENANT_STATUSES).describe('Whether its use of Shegong is active or suspended by the platform'),
    createdAt: instant.describe('When the platform created the base'),
  })
  .meta({ id: 'IncubationBase' });
export type IncubationBase = z.infer<typeof IncubationBase>;

const BaseRef = IncubationBase.pick({ tenantId: true, name: true, nameEn: true, status: true });

export const CountyCoverage = z
  .object({
    region: z.string().describe('GB/T 2260 code of the county-level region'),
    covered: z.boolean().describe('Whether at least one incubation base is in this county (P-T1)'),
    bases: z.array(BaseRef).describe('The bases in this county'),
  })
  .meta({ id: 'CountyCoverage' });
export type CountyCoverage = z.infer<typeof CountyCoverage>;

export const BaseCoverage = z
  .object({
    ruleId: z.literal(BASE_COVERAGE_RULE).describe('The rule the figure applies: every county-level region has a base'),
    counties: z.array(CountyCoverage).describe('Every county-level region of the jurisdiction, in code order'),
    covered: count.describe('How many of those counties have a base'),
    total: count.describe('How many county-level regions the jurisdiction has'),
    cityBases: z
      .array(BaseRef)
      .describe('Bases registered at city level: they serve the whole city and count for no county'),
  })
  .meta({ id: 'BaseCoverage' });
export type BaseCoverage = z.infer<typeof BaseCoverage>;

/**
 * The county-level regions (GB/T 2260 xxxxNN, districts 区 and county-level cities 市 included) a
 * jurisdiction holds: a county bureau its own county; a city bureau every county of the city that
 * Shegong knows by name; a province none (its cities are separate jurisdictions, see jurisdictionOf).
 */
export function countiesOf(jurisdiction: Jurisdiction): string[] {
  if (jurisdiction.county) return [jurisdiction.county];
  if (regionLevel(jurisdiction.city) !== 'city') return [];
  return knownRegions()
    .map((r) => r.code)
    .filter((code) => regionLevel(code) === 'county' && cityOf(code) === jurisdiction.city)
    .sort();
}

/**
 * P-T1, per county: whether a base exists there. Choices where the policy is silent:
 * - A base registered at city level (the demo's 防城港市社会组织孵化基地, region 450600) serves the
 *   whole city but lies in no county, so it covers none: P-T1 asks for one in every county-level
 *   region. It is reported apart (`cityBases`), so the bureau sees it.
 * - A base the platform has suspended still counts: suspension stops its use of Shegong, not the
 *   base itself, and the list shows its status beside it.
 * Bases outside the jurisdiction's counties are ignored (the store lists only the jurisdiction's).
 */
export function baseCoverage(jurisdiction: Jurisdiction, bases: readonly IncubationBase[]): BaseCoverage {
  const ref = (b: IncubationBase) => ({
    tenantId: b.tenantId,
    name: b.name,
    ...(b.nameEn ? { nameEn: b.nameEn } : {}),
    status: b.status,
  });
  const counties = countiesOf(jurisdiction).map((region) => {
    const here = bases.filter((b) => b.region === region).map(ref);
    return { region, covered: here.length > 0, bases: here };
  });
  const cityBases = jurisdiction.county ? [] : bases.filter((b) => b.region === jurisdiction.city).map(ref);
  return {
    ruleId: BASE_COVERAGE_RULE,
    counties,
    covered: counties.filter((c) => c.covered).length,
    total: counties.length,
    cityBases,
  };
}
