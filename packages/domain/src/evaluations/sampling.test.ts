import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawSample, isSampleable, type SampleCandidate, sampleSize } from './sampling.ts';

const population = (n: number, counties = ['450602']): SampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `org${i % 3}/c${String(i).padStart(3, '0')}`,
    county: counties[i % counties.length] as string,
  }));

describe('N-6 spot-check sample', () => {
  it('takes at least the share, rounded up', () => {
    expect(sampleSize(10, 3000)).toBe(3);
    expect(sampleSize(11, 3000)).toBe(4);
    expect(sampleSize(1, 3000)).toBe(1);
    expect(sampleSize(0, 3000)).toBe(0);
    expect(drawSample({ population: population(11), seed: 's', share: 3000, stratified: false }).sample).toHaveLength(
      4,
    );
  });

  it('is the same for the same population and seed, whatever order the population came in', () => {
    const pop = population(40, ['450602', '450603', '450681']);
    const a = drawSample({ population: pop, seed: 'seed-2026', share: 3000, stratified: true });
    const b = drawSample({ population: [...pop].reverse(), seed: 'seed-2026', share: 3000, stratified: true });
    expect(b).toEqual(a);
  });

  it('draws another sample with another seed', () => {
    const pop = population(40);
    const a = drawSample({ population: pop, seed: 'a', share: 3000, stratified: false });
    const b = drawSample({ population: pop, seed: 'b', share: 3000, stratified: false });
    expect(a.sample).not.toEqual(b.sample);
  });

  it('stratified: rounds up in each county, so every county is checked', () => {
    // 5 in 450602, 5 in 450603, 1 in 450681 → 2 + 2 + 1 = 5 (unstratified: ceil(0.3 × 11) = 4).
    const pop: SampleCandidate[] = [
      ...population(5, ['450602']),
      ...population(5, ['450603']).map((c) => ({ ...c, id: `x/${c.id}` })),
      { id: 'y/only', county: '450681' },
    ];
    const drawn = drawSample({ population: pop, seed: 's', share: 3000, stratified: true });
    expect(drawn.sample).toHaveLength(5);
    expect(drawn.strata).toEqual([
      { county: '450602', population: 5, sampled: 2 },
      { county: '450603', population: 5, sampled: 2 },
      { county: '450681', population: 1, sampled: 1 },
    ]);
    expect(drawn.sample).toContain('y/only');
  });

  it('properties: reproducible, a subset of the population, of the right size, in population order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 60 }),
        fc.string(),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (ids, seed, share, stratified) => {
          const pop = ids.map((id, i) => ({ id, county: i % 2 ? '450602' : '450681' }));
          const a = drawSample({ population: pop, seed, share, stratified });
          expect(drawSample({ population: [...pop].reverse(), seed, share, stratified })).toEqual(a);
          const order = a.population.map((c) => c.id);
          expect(a.sample.every((id) => order.includes(id))).toBe(true);
          expect(a.sample).toEqual(order.filter((id) => a.sample.includes(id)));
          const expected = stratified
            ? a.strata.reduce((s, st) => s + sampleSize(st.population, share), 0)
            : sampleSize(ids.length, share);
          expect(a.sample).toHaveLength(expected);
        },
      ),
    );
  });

  it('never samples a contract of one year or less, or one not running in the year', () => {
    const running = { status: 'running', startDate: '2025-03-01', endDate: '2027-02-28' };
    expect(isSampleable(running, 24, 2026)).toBe(true);
    expect(isSampleable(running, 12, 2026)).toBe(false);
    expect(isSampleable({ ...running, status: 'signed' }, 24, 2026)).toBe(false);
    expect(isSampleable(running, 24, 2028)).toBe(false);
  });
});
