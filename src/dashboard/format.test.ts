import { describe, expect, it } from 'vitest';
import { axisTop } from './format.js';

describe('the top of a value axis', () => {
  it('is a little above the largest value, and at least 1 (an MTTR of seconds is not an axis of zeros)', () => {
    expect(axisTop(20)).toBeCloseTo(22);
    expect(axisTop(0.0001)).toBe(1);
    expect(axisTop(0)).toBe(1);
  });
});
