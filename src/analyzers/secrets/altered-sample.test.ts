import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';
import { forProfile } from './audit-shapes.js';

/**
 * A token in a commented sample its own comment says was altered is the audit profile's, lowered one step there,
 * never dropped.
 */
const scan = (text: string, path = 'pkg/plugins/notify_chat.py') =>
  scanText(text, path).filter((d) => d.ruleId === 'secrets/generic-api-key');
const rnd = seededRandom(2718);
const token = (): string => expandTemplate('<<hex:40>>', rnd);
const sample = (intro: string, email: string) =>
  [
    '    def login(self):',
    "        ok, response = self._fetch('users/login', payload=payload)",
    `        # ${intro}`,
    '        # {',
    '        #     "timezone": "UTC",',
    `        #     "email": "${email}",`,
    ...Array.from({ length: 30 }, (_, i) => `        #     "flag_${i}": false,`),
    `        #     "token": "${token()}",`,
    '        #     "lang": "en"',
    '        # }',
    "        self.token = response.get('token')",
  ].join('\n');
const ALTERED_INTRO =
  'Our response object looks like this (content has been altered for presentation purposes):';

describe('a token in a commented sample whose comment says it was altered', () => {
  it('leaves it to the audit profile, lowered to medium with the reason, when the sample also holds a documentation-reserved name', () => {
    const path = 'pkg/plugins/notify_chat.py';
    const text = sample(ALTERED_INTRO, 'user@example.com');
    const found = scan(text, path);
    expect(found.map((d) => [d.severity, d.auditOnly])).toEqual([['medium', true]]);
    expect(found[0]?.note).toMatch(/altered/);
    expect(forProfile(found, path, text, {})).toEqual([]);
    expect(forProfile(found, path, text, { profile: 'audit' })).toEqual(found);
    const redacted = scan(sample('Sample reply (IDs redacted):', 'jane@example.org'), 'src/client.js');
    expect(redacted.map((d) => [d.severity, d.auditOnly])).toEqual([['medium', true]]);
  });
  it('keeps the nearest real leaks at their level', () => {
    // A pasted response that says nothing of an alteration: a real session token, as they leak.
    const plain = sample('Our response object looks like this:', 'user@example.com');
    const kept = scan(plain);
    expect(kept.map((d) => [d.severity, d.auditOnly])).toEqual([[undefined, undefined]]);
    expect(forProfile(kept, 'pkg/plugins/notify_chat.py', plain, {})).toEqual(kept);
    // Said to be altered, but the person's own address is still in it: the alteration was not made.
    expect(scan(sample(ALTERED_INTRO, 'jordan.p@twist-team.io')).map((d) => d.severity)).toEqual([undefined]);
    expect(scan(sample(ALTERED_INTRO, 'jordan@my-example.com')).map((d) => d.severity)).toEqual([undefined]);
    // The same token assigned in code below such a comment: the program uses it.
    const code = `# Content altered for presentation (user@example.com).\nTOKEN = "${token()}"\n`;
    expect(scan(code).map((d) => d.severity)).toEqual([undefined]);
    // A blank line ends the comment block: the word in another comment does not reach the sample.
    const apart = `# A fake account is made for user@example.com in setUp.\n\n${sample('Response:', 'x@acme.io')}`;
    expect(scan(apart).map((d) => d.severity)).toEqual([undefined]);
  });
});
