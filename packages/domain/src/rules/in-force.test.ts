import { describe, expect, it } from 'vitest';
import { RULES } from '../people/test-fixtures.ts';
import { ruleSetInForce } from './in-force.ts';
import type { RuleSet } from './rule-set.ts';

const ruleSet = (id: string, region: string, effectiveFrom: string, version = 1): RuleSet => ({
  id,
  region,
  effectiveFrom,
  version,
  title: id,
  illustrative: [],
  parameters: RULES,
  bureauId: `bureau-${region}`,
  publishedAt: '2023-01-01T00:00:00.000Z',
  publishedBy: 'user-1',
});

// Fangchenggang (450600) published 2023-01-01 and corrected it the same day (version 2), and has a
// new version starting tomorrow; Dongxing (450681, a county of it) has its own from 2024-01-01;
// Guangxi (450000) has one from 2020-01-01.
const TODAY = '2026-03-01';
const CITY_V1 = ruleSet('city-2023-v1', '450600', '2023-01-01', 1);
const CITY_V2 = ruleSet('city-2023-v2', '450600', '2023-01-01', 2);
const CITY_TOMORROW = ruleSet('city-2026', '450600', '2026-03-02');
const DONGXING = ruleSet('dongxing-2024', '450681', '2024-01-01');
const GUANGXI = ruleSet('guangxi-2020', '450000', '2020-01-01');
const ALL = [CITY_TOMORROW, CITY_V2, DONGXING, GUANGXI, CITY_V1];

describe('the rule set in force for a region on a date', () => {
  it('takes the correction (version 2) over version 1 of the same date, in any order', () => {
    expect(ruleSetInForce(ALL, '450600', TODAY)).toBe(CITY_V2);
    expect(ruleSetInForce([...ALL].reverse(), '450600', TODAY)).toBe(CITY_V2);
  });

  it('does not apply a rule set that starts tomorrow until tomorrow', () => {
    expect(ruleSetInForce(ALL, '450600', TODAY)).not.toBe(CITY_TOMORROW);
    expect(ruleSetInForce(ALL, '450600', '2026-03-02')).toBe(CITY_TOMORROW);
  });

  it('applies a county’s own rule set beside its city’s, even when the city’s is newer', () => {
    expect(ruleSetInForce(ALL, '450681', TODAY)).toBe(DONGXING);
    expect(ruleSetInForce(ALL, '450681', '2026-03-02')).toBe(DONGXING);
  });

  it('falls back to the city for a county before its own takes effect, or without one', () => {
    expect(ruleSetInForce(ALL, '450681', '2023-12-31')).toBe(CITY_V2);
    expect(ruleSetInForce(ALL, '450602', TODAY)).toBe(CITY_V2); // Gangkou has none of its own
  });

  it('falls back to the province, and finds nothing before anything took effect', () => {
    expect(ruleSetInForce(ALL, '450600', '2022-12-31')).toBe(GUANGXI);
    expect(ruleSetInForce(ALL, '450100', TODAY)).toBe(GUANGXI); // Nanning
    expect(ruleSetInForce(ALL, '450600', '2019-12-31')).toBeUndefined();
    expect(ruleSetInForce([], '450600', TODAY)).toBeUndefined();
  });

  it('never applies a city’s rule set to another city or a county’s to its city', () => {
    expect(ruleSetInForce([DONGXING], '450600', TODAY)).toBeUndefined();
    expect(ruleSetInForce([CITY_V1], '450100', TODAY)).toBeUndefined();
    expect(ruleSetInForce([DONGXING], '450621', TODAY)).toBeUndefined(); // Shangsi, a sibling county
  });

  it('takes the latest date over a higher version of an earlier date', () => {
    const later = ruleSet('city-2025', '450600', '2025-01-01', 1);
    expect(ruleSetInForce([CITY_V2, later], '450600', TODAY)).toBe(later);
  });
});
