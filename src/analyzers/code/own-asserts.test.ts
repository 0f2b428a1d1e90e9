import { describe, expect, it } from 'vitest';
import { namedForChecking } from './own-asserts.js';

describe('namedForChecking: a callee whose name may say it checks', () => {
  it.each(['versionInWhitelist', 'isWhitelisted', 'whitelistedPath', 'checkPath', 'utils.isAllowed'])(
    '%s may be a check',
    (name) => expect(namedForChecking(name)).toBe(true),
  );
  it.each(['inList', 'loadRelease', 'isArray', 'white'])('%s is not', (name) =>
    expect(namedForChecking(name)).toBe(false),
  );
});
