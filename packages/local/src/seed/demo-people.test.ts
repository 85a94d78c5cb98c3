import {
  certificateProblems,
  DONGXING_2026,
  FANGCHENGGANG_2023,
  flagsOf,
  isValidIdCardNumber,
  PersonInput,
  staffSummary,
} from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TODAY } from './demo-people.ts';

const count = (flags: string[][], flag: string) => flags.filter((f) => f.includes(flag)).length;

describe('the demo staff', () => {
  it('gives each demo organisation 10–30 valid people with unique numbers', () => {
    const certificates = new Set<string>();
    for (const { people } of DEMO_PEOPLE) {
      expect(people.length).toBeGreaterThanOrEqual(10);
      expect(people.length).toBeLessThanOrEqual(30);
      const ids = new Set(people.map((p) => p.input.idCardNumber));
      expect(ids.size).toBe(people.length);
      for (const { input } of people) {
        expect(PersonInput.safeParse(input).success).toBe(true);
        expect(isValidIdCardNumber(input.idCardNumber, DEMO_TODAY)).toBe(true);
        expect(input.idCardNumber).toMatch(/^4506\d\d(19(7[5-9]|[89]\d)|2000)/);
        for (const c of input.certificates) {
          // Registered after it was obtained, for the term N-4 gives, as the registry would take them.
          expect(certificateProblems(c, FANGCHENGGANG_2023.parameters)).toEqual([]);
          expect(certificates.has(c.number)).toBe(false);
          certificates.add(c.number);
        }
      }
    }
  });

  it('is the same on every machine (seeded pseudo-random, fixed ids for links)', () => {
    expect(DEMO_PEOPLE.map((o) => [o.people[0]?.id, o.people[0]?.input.name])).toEqual([
      ['f7e5f74d-c9ff-481d-beef-0766bb11935f', '覃佳怡'],
      ['7e23e2bf-32ec-47aa-86f9-bff985865766', '杨国强'],
    ]);
  });

  it('shows the flags it was planned to show on 2026-11-25', () => {
    const [yangguang, tongxin] = DEMO_PEOPLE;
    const flagsIn = (entry: typeof yangguang, rules: typeof FANGCHENGGANG_2023) =>
      entry!.people.map((p) => flagsOf(staffSummary(p.input, rules.parameters, DEMO_TODAY, rules.region)));
    const a = flagsIn(yangguang, FANGCHENGGANG_2023);
    expect([
      count(a, 'below-floor'),
      count(a, 'registration-expiring'),
      count(a, 'registration-expired'),
      count(a, 'ce-short'),
    ]).toEqual([3, 2, 1, 4]);
    const b = flagsIn(tongxin, DONGXING_2026);
    expect([
      count(b, 'below-floor'),
      count(b, 'registration-expiring'),
      count(b, 'registration-expired'),
      count(b, 'ce-short'),
    ]).toEqual([2, 1, 1, 2]);
    // One public-institution and one part-time person in each; some came from Nanning (450100).
    for (const { people } of DEMO_PEOPLE) {
      expect(people.filter((p) => p.input.employmentType === 'public_institution')).toHaveLength(1);
      expect(people.filter((p) => p.input.employmentType === 'part_time')).toHaveLength(1);
      expect(people.some((p) => p.input.employment.some((e) => e.region === '450100'))).toBe(true);
    }
  });
});
