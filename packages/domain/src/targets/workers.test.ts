import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTS, POSTINGS, post, STAFF, staff } from './test-fixtures.ts';
import {
  certifiedCount,
  isCertifiedOn,
  postedWorkers,
  postingRunsOn,
  professionalBasis,
  staffInCounty,
} from './workers.ts';

describe('who is a professional (P-T2) and certified (P-T7) on a day', () => {
  it('certified from the day the certificate was obtained, not the day before', () => {
    const p = staff('x', 'org-a', '2024-09-01');
    expect(isCertifiedOn(p, '2024-08-31')).toBe(false);
    expect(isCertifiedOn(p, '2024-09-01')).toBe(true);
  });

  it('a professional holds a certificate, or a social-work degree at associate level or above', () => {
    expect(professionalBasis(staff('a', 'o', '2020-01-01'), '2026-01-01')).toBe('certificate');
    expect(
      professionalBasis(staff('b', 'o', undefined, { level: 'associate', socialWorkMajor: true }), '2026-01-01'),
    ).toBe('socialWorkDegree');
    expect(
      professionalBasis(staff('c', 'o', undefined, { level: 'vocational', socialWorkMajor: true }), '2026-01-01'),
    ).toBe(undefined);
    expect(
      professionalBasis(staff('d', 'o', undefined, { level: 'master', socialWorkMajor: false }), '2026-01-01'),
    ).toBe(undefined);
  });
});

describe('postings', () => {
  it('run from their first through their last day', () => {
    const p = post('x', 'o', '450602001001', '2024-01-01', '2024-12-31');
    expect([
      postingRunsOn(p, '2023-12-31'),
      postingRunsOn(p, '2024-01-01'),
      postingRunsOn(p, '2024-12-31'),
      postingRunsOn(p, '2025-01-01'),
    ]).toEqual([false, true, true, false]);
  });

  it('on 2026-06-30: p6’s posting has ended; p3 is posted but no professional', () => {
    const workers = postedWorkers(POSTINGS, STAFF, '2026-06-30');
    expect(workers.map((w) => [w.personId, w.community, w.professional, w.certified])).toEqual([
      ['p1', '450602001001', true, true],
      ['p2', '450602001001', true, false],
      ['p3', '450602001002', false, false],
      ['p5', '450602100201', true, true],
      ['p4', '450681001001', true, true],
    ]);
    expect(workers.find((w) => w.personId === 'p2')?.professionalBasis).toBe('socialWorkDegree');
  });

  it('a person in two communities at once serves in the one posted last; a tie goes to the lower code', () => {
    const twice = [
      post('p1', 'org-a', '450602001001', '2024-01-01'),
      post('p1', 'org-a', '450602001002', '2025-01-01'),
    ];
    expect(postedWorkers(twice, STAFF, '2026-01-01').map((w) => w.community)).toEqual(['450602001002']);
    const tie = [post('p1', 'org-a', '450602001002', '2024-01-01'), post('p1', 'org-a', '450602001001', '2024-01-01')];
    expect(postedWorkers(tie, STAFF, '2026-01-01').map((w) => w.community)).toEqual(['450602001001']);
  });

  it('a posting of someone not in the registry counts for nothing', () => {
    expect(postedWorkers([post('gone', 'org-a', '450602001001', '2024-01-01')], STAFF, '2026-01-01')).toEqual([]);
  });

  it('property: each person serves in at most one community, so professionals posted ≤ professionals on the registry', () => {
    const communities = ['450602001001', '450602001002', '450681001201'];
    const arbPosting = fc.record({
      personId: fc.constantFrom(...STAFF.map((s) => s.personId), 'gone'),
      community: fc.constantFrom(...communities),
      from: fc.constantFrom('2024-01-01', '2025-01-01', '2026-01-01'),
    });
    fc.assert(
      fc.property(fc.array(arbPosting, { maxLength: 20 }), (ps) => {
        const workers = postedWorkers(
          ps.map((p) => post(p.personId, 'org-a', p.community, p.from)),
          STAFF,
          '2026-06-30',
        );
        expect(new Set(workers.map((w) => w.personId)).size).toBe(workers.length);
        expect(workers.filter((w) => w.professional).length).toBeLessThanOrEqual(
          STAFF.filter((s) => professionalBasis(s, '2026-06-30')).length,
        );
      }),
    );
  });
});

describe('certified count (P-T5)', () => {
  it('counts distinct people: one person with two certificates, or on two rows, once', () => {
    const twoCerts = {
      ...staff('x', 'org-a', '2021-01-01'),
      certificates: [
        { level: 'assistant' as const, obtainedOn: '2021-01-01' },
        { level: 'social_worker' as const, obtainedOn: '2024-01-01' },
      ],
    };
    expect(certifiedCount([twoCerts, { ...twoCerts, organisationId: 'org-b' }], '2026-01-01')).toBe(1);
  });

  it('a county counts the staff of its organisations: 港口区 org-a has p1, p2, p3, p6', () => {
    expect(staffInCounty(STAFF, FACTS.organisations, '450602').map((s) => s.personId)).toEqual([
      'p1',
      'p2',
      'p3',
      'p6',
    ]);
    expect(staffInCounty(STAFF, FACTS.organisations, '450600')).toEqual(
      STAFF.filter((s) => s.organisationId === 'org-c'),
    );
  });
});
