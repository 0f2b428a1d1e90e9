import { describe, expect, it } from 'vitest';
import { axisTop, duration } from './format.js';

describe('the top of a value axis', () => {
  it('is a little above the largest value, and at least 1 (an MTTR of seconds is not an axis of zeros)', () => {
    expect(axisTop(20)).toBeCloseTo(22);
    expect(axisTop(0.0001)).toBe(1);
    expect(axisTop(0)).toBe(1);
  });
});

describe('a duration', () => {
  const DAY = 86_400_000;
  it('rounds days as `vanguard metrics` does, so the dashboard and the CLI show one number', () => {
    expect(duration(26.5 * DAY)).toBe('26.5 days');
    expect(duration(3.25 * DAY)).toBe('3.25 days');
    expect(duration(5 * 3_600_000)).toBe('5.0 h');
    expect(duration(120 * DAY)).toBe('17 weeks');
    expect(duration(null)).toBe('—');
  });
});
