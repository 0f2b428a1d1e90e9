import { describe, expect, it } from 'vitest';
import { REPORTER_LOADERS, loadReporter } from './formats.js';
import { REPORTERS } from './index.js';

describe('reporters loaded by format', () => {
  it('name the same formats as REPORTERS and load the same functions', async () => {
    expect(Object.keys(REPORTER_LOADERS)).toEqual(Object.keys(REPORTERS));
    for (const [name, reporter] of Object.entries(REPORTERS)) expect(await loadReporter(name)).toBe(reporter);
  });

  it('refuse an unknown format with the list of known ones', () => {
    expect(() => loadReporter('yml')).toThrow(/unknown format "yml" \(known: table, json, sarif/);
  });
});
