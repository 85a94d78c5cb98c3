import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockOf, fixedClock } from './context.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('clocks', () => {
  it('a fixed clock says the same day however often it is asked', () => {
    const clock = fixedClock('2026-02-28');
    expect([clock.today(), clock.today()]).toEqual(['2026-02-28', '2026-02-28']);
  });

  it("use the deps' own today where given (tests and seeds fix the day)", () => {
    let day = '2026-01-05';
    const clock = clockOf({ today: () => day });
    expect(clock.today()).toBe('2026-01-05');
    day = '2026-01-06';
    expect(clock.today()).toBe('2026-01-06');
  });

  it('otherwise say the day in China, not on the host: 17:00 UTC on 31 January is 1 February in China', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-31T15:59:59Z'));
    const clock = clockOf({});
    expect(clock.today()).toBe('2026-01-31');
    vi.setSystemTime(new Date('2026-01-31T17:00:00Z'));
    // Asked again, not fixed when the clock was made.
    expect(clock.today()).toBe('2026-02-01');
  });
});
