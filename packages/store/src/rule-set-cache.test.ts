import { FANGCHENGGANG_2023, type RuleSet } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { latestOn, MAX_VERSIONS, RuleSetCache, TIMELINE_TTL_MS } from './rule-set-cache.ts';

const version = (effectiveFrom: string, n: number): RuleSet => ({
  ...FANGCHENGGANG_2023,
  id: `450600-${effectiveFrom}-v${n}`,
  region: '450600',
  effectiveFrom,
  version: n,
  bureauId: 'bureau',
  publishedAt: '2026-01-01T00:00:00.000Z',
  publishedBy: 'user',
});

describe('RuleSetCache', () => {
  it('answers a timeline until its time is up, then asks again', () => {
    let now = 0;
    const cache = new RuleSetCache(() => now);
    cache.rememberTimeline('450600', [version('2023-01-01', 1)]);
    now = TIMELINE_TTL_MS - 1;
    expect(cache.timeline('450600')).toHaveLength(1);
    now = TIMELINE_TTL_MS;
    expect(cache.timeline('450600')).toBeUndefined();
  });

  it('forgets a region’s timeline when a version is published there, keeping the versions', () => {
    const cache = new RuleSetCache(() => 0);
    cache.rememberTimeline('450600', [version('2023-01-01', 1)]);
    cache.forgetTimeline('450600');
    expect(cache.timeline('450600')).toBeUndefined();
    expect(cache.version('450600-2023-01-01-v1')?.version).toBe(1);
  });

  it('keeps versions frozen, so no caller can change one for every other request', () => {
    const cache = new RuleSetCache();
    cache.rememberVersion(version('2023-01-01', 1));
    const kept = cache.version('450600-2023-01-01-v1') as RuleSet;
    expect(() => {
      (kept.parameters as { taxRate: number }).taxRate = 0;
    }).toThrow(TypeError);
  });

  it('holds at most MAX_VERSIONS versions, letting the least recently used go', () => {
    const cache = new RuleSetCache();
    const first = version('2000-01-01', 1);
    cache.rememberVersion(first);
    cache.rememberVersion(version('2000-01-01', 2));
    cache.version(first.id); // used: now the newest
    for (let n = 3; n <= MAX_VERSIONS + 1; n++) cache.rememberVersion(version('2000-01-01', n));
    expect(cache.version(first.id)).toBeDefined();
    expect(cache.version('450600-2000-01-01-v2')).toBeUndefined();
  });
});

describe('latestOn', () => {
  const timeline = [version('2023-01-01', 1), version('2023-01-01', 2), version('2026-01-01', 1)];
  it('takes the latest date on or before the day, and of one date the highest version', () => {
    expect(latestOn(timeline, '2022-12-31')).toBeUndefined();
    expect(latestOn(timeline, '2023-01-01')?.id).toBe('450600-2023-01-01-v2');
    expect(latestOn(timeline, '2025-12-31')?.id).toBe('450600-2023-01-01-v2');
    expect(latestOn(timeline, '2026-01-01')?.id).toBe('450600-2026-01-01-v1');
  });
});
