import { describe, expect, it } from 'vitest';
import { literalPrefix, prefilterOf } from './prefilter.js';
import { SECRET_RULES } from './rules.js';

describe('prefilters', () => {
  it('takes the literal prefix, stopping at quantifiers and refusing alternations', () => {
    expect(literalPrefix('\\b(ghp_[A-Za-z0-9]{36})\\b')).toBe('ghp_');
    expect(literalPrefix('https?://x')).toBe('http');
    expect(literalPrefix('(?:AKIA|ASIA)[A-Z]{16}')).toBe('');
    expect(literalPrefix('sk\\.eyJ[A-Za-z]')).toBe('sk.eyJ');
  });

  it('gives every pattern rule a prefilter of at least two characters', () => {
    const missing = SECRET_RULES.filter((r) => r.pattern !== undefined && (prefilterOf(r)?.length ?? 0) < 2);
    expect(missing.map((r) => r.meta.id)).toEqual([]);
  });
});
