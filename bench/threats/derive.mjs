// Times threat derivation, diagrams and the model-versus-code cross-check on generated models.
// Run after `npm run build`: node bench/threats/derive.mjs [assets=2000]
import { performance } from 'node:perf_hooks';
import { loadThreatModel } from '../../dist/threats/load.js';
import { deriveThreats } from '../../dist/threats/derive.js';
import { toDot, toMermaid } from '../../dist/threats/diagram.js';
import { iacUnits } from '../../dist/threats/iac-facts.js';
import { crossCheck } from '../../dist/threats/crosscheck.js';

const n = Number(process.argv[2] ?? 2000);
const kinds = ['web-app', 'api', 'service', 'database', 'cache', 'queue', 'storage', 'build-server'];
const zones = ['internet', 'dmz', 'app', 'data'];
const lines = ['version: 1', 'title: bench', 'zones:'];
for (const [i, z] of zones.entries())
  lines.push(`  - { id: ${z}, trust: ${['internet', 'dmz', 'internal', 'restricted'][i]} }`);
lines.push(
  'data:',
  '  - { id: pii, confidentiality: confidential, pii: true }',
  '  - { id: creds, confidentiality: strictly-confidential, credentials: true }',
);
lines.push('assets:', '  - { id: user, kind: user, zone: internet }');
for (let i = 0; i < n; i++) {
  lines.push(
    `  - { id: a${i}, kind: ${kinds[i % kinds.length]}, zone: ${zones[1 + (i % 3)]}, processes: [pii], stores: [${i % 5 === 0 ? 'creds' : 'pii'}], iac: [deploy/compose-${i % 50}.yml#s${i}] }`,
  );
}
lines.push('flows:');
let flows = 0;
for (let i = 0; i < n; i++) {
  lines.push(
    `  - { id: f${flows++}, from: ${i === 0 ? 'user' : `a${i - 1}`}, to: a${i}, protocol: ${i % 2 ? 'https' : 'http'}, data: [pii] }`,
  );
  lines.push(
    `  - { id: f${flows++}, from: a${i}, to: a${(i * 7) % n}, protocol: sql, authentication: password }`,
  );
}
const text = lines.join('\n') + '\n';
const files = {};
for (let c = 0; c < 50; c++) {
  const svc = ['services:'];
  for (let i = c; i < n; i += 50)
    svc.push(`  s${i}:`, `    image: app:${i}`, '    ports:', `      - "${8000 + (i % 1000)}:8080"`);
  files[`deploy/compose-${c}.yml`] = svc.join('\n') + '\n';
}

// First run (cold: JIT, schema compile) and the median of five more (warm).
const time = (label, fn) => {
  let t = performance.now();
  const r = fn();
  const cold = performance.now() - t;
  const warm = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    fn();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(20)} cold ${cold.toFixed(1).padStart(8)} ms   warm ${warm[2].toFixed(1).padStart(8)} ms`,
  );
  return r;
};
console.log(
  `model: ${n} assets, ${flows} flows, ${(text.length / 1024).toFixed(0)} KiB; IaC: ${Object.keys(files).length} Compose files`,
);
const model = time('load + validate', () => loadThreatModel(text, 'threatmodel.yaml'));
const d = time('derive (34 rules)', () => deriveThreats(model, new Date('2026-11-22')));
console.log(`  ${d.threats.length} threats`);
time('mermaid', () => toMermaid(model, d.threats));
time('dot', () => toDot(model, d.threats));
const units = time('IaC facts', () => Object.entries(files).flatMap(([p, t]) => iacUnits(p, t)));
const drift = time('cross-check', () => crossCheck([model], units));
console.log(`  ${units.length} units, ${drift.length} mismatches`);
