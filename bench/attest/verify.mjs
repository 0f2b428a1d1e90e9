// Verification time of a signed provenance file after start-up (docs/performance.md).
// Usage: node bench/attest/verify.mjs [subjects=1000] [dependencies=2000] [runs=50]   (after `npm run build`)
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [subjects = 1000, deps = 2000, runs = 50] = process.argv.slice(2).map(Number);
const { provenanceStatement, INTOTO_PAYLOAD_TYPE } = await import(join(root, 'dist/attest/provenance.js'));
const { signEnvelope } = await import(join(root, 'dist/attest/dsse.js'));
const { toBundle } = await import(join(root, 'dist/attest/bundle.js'));
const { verifyProvenance } = await import(join(root, 'dist/attest/verify.js'));
const { sha256File } = await import(join(root, 'dist/attest/artifacts.js'));
console.log(
  `${subjects} subjects, ${deps} dependencies, ${runs} runs; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

const dir = mkdtempSync(join(tmpdir(), 'vg-verify-bench-'));
const artifact = randomBytes(10 * 1024 * 1024); // random bytes: no seed to log, the content does not matter
writeFileSync(join(dir, 'app.bin'), artifact);
const sha = createHash('sha256').update(artifact).digest('hex');
const hex = (i) => createHash('sha256').update(String(i)).digest('hex');
const statement = provenanceStatement({
  subjects: [
    { name: 'app.bin', sha256: sha },
    ...Array.from({ length: subjects - 1 }, (_, i) => ({ name: `f${i}`, sha256: hex(i) })),
  ],
  command: ['make'],
  workingDirectory: '',
  artifacts: ['**'],
  source: { uri: 'git+https://example.com/acme/app@refs/heads/main', digest: { gitCommit: 'a'.repeat(40) } },
  dependencies: Array.from({ length: deps }, (_, i) => ({
    uri: `pkg:npm/p${i}@1.0.0`,
    digest: { sha512: hex(i) + hex(i + 1) },
  })),
  env: { ci: 'none', builderId: 'urn:vanguard:builder:ci' },
  startedOn: new Date(),
  finishedOn: new Date(),
  exitCode: 0,
  watchLog: { sha256: hex('log') },
  verdict: {
    tampered: false,
    complete: true,
    trackedFiles: 1,
    watchedFolders: 1,
    events: 0,
    tamperedPaths: [],
    addedPaths: [],
    coverageLost: [],
  },
});
for (const alg of ['ec', 'ed25519']) {
  const { privateKey, publicKey } =
    alg === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const text = JSON.stringify(
    toBundle(signEnvelope(Buffer.from(JSON.stringify(statement)), INTOTO_PAYLOAD_TYPE, privateKey, 'k'), 'k'),
  );
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = verifyProvenance({
      artifactSha256: sha,
      artifactName: 'app.bin',
      provenanceText: text,
      provenancePath: 'p',
      key: publicKey,
      expect: { commit: 'a'.repeat(40), builderId: 'urn:vanguard:builder:ci' },
    });
    times.push(performance.now() - t);
    if (out.findings.length > 0) throw new Error(JSON.stringify(out.findings));
  }
  times.sort((a, b) => a - b);
  console.log(
    `${alg}: provenance ${(text.length / 1024).toFixed(0)} KB; verify median ${times[Math.floor(runs / 2)].toFixed(2)} ms, p95 ${times[Math.floor(runs * 0.95)].toFixed(2)} ms, first ${times.at(-1).toFixed(2)} ms max`,
  );
  if (alg === 'ec') {
    writeFileSync(join(dir, 'p.sigstore.json'), text);
    writeFileSync(join(dir, 'k.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
  }
}
let t = performance.now();
await sha256File(join(dir, 'app.bin'));
console.log(`hashing the 10 MB artifact: ${(performance.now() - t).toFixed(1)} ms`);
const cli = join(root, 'dist/cli/main.js');
t = performance.now();
spawnSync(process.execPath, [cli, '--version']);
const start = performance.now() - t;
t = performance.now();
const r = spawnSync(
  process.execPath,
  [
    cli,
    'verify',
    join(dir, 'app.bin'),
    '--provenance',
    join(dir, 'p.sigstore.json'),
    '--key',
    join(dir, 'k.pub'),
  ],
  { encoding: 'utf8' },
);
console.log(
  `CLI: vanguard verify ${(performance.now() - t).toFixed(0)} ms end to end (exit ${r.status}); vanguard --version ${start.toFixed(0)} ms`,
);
