import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../../core/source-file.js';
import { iacAnalyzer } from '../index.js';

/** A plaintext URL in a test's or a fixture's configuration is the opt-in audit profile's. */
const CFG = '[general]\nbase_url: http://archive.acme-shop.io/\n';
const NGINX = 'location / {\n    proxy_pass http://172.23.42.2:9001/;\n}\n';

async function lines(path: string, text: string, options: Record<string, unknown> = {}): Promise<number[]> {
  const found = await iacAnalyzer.analyze(makeSourceFile(path, text), makeMemoryContext({}, options));
  // What the scan reports: a default scan's held-back findings (ScanResult.heldBack) are not.
  return found
    .filter((f) => f.ruleId === 'iac/plaintext-protocol' && !f.heldBack)
    .map((f) => f.location.startLine);
}

describe("plaintext-protocol in a test's configuration", () => {
  it('is reported only with --profile audit', async () => {
    for (const path of [
      'pkg/testing/mail_archive.cfg',
      'tests/ratelimit/nginx.conf',
      'test/fixtures/app.cfg',
    ]) {
      const text = path.endsWith('nginx.conf') ? NGINX : CFG;
      expect(await lines(path, text)).toEqual([]);
      const held = await iacAnalyzer.analyze(makeSourceFile(path, text), makeMemoryContext({}, {}));
      expect(held.map((f) => [f.location.startLine, f.heldBack])).toEqual([[2, true]]);
      expect(await lines(path, text, { profile: 'audit' })).toEqual([2]);
    }
  });
  it("keeps the program's own configuration, and a test folder the user's role globs call source", async () => {
    expect(await lines('etc/app/archive.cfg', CFG)).toEqual([2]);
    expect(await lines('conf/nginx.conf', NGINX)).toEqual([2]);
    expect(
      await lines('pkg/testing/mail_archive.cfg', CFG, { roles: { source: ['pkg/testing/**'] } }),
    ).toEqual([2]);
  });
});
