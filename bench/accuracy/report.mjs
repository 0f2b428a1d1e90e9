// Renders the measurement as docs/accuracy.md: precision per analyzer (all findings and high+critical)
// over the pinned applications, the largest noise class per application, and the targets of issue #11.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HIGH = new Set(['critical', 'high']);
// The roles whose findings the issue keeps but lowers (file roles, src/scan/file-roles.ts).
const LOWERED = new Set(['test', 'fixture', 'docs', 'example']);
// Rounded down: a figure is never shown at a target it has not reached (79.8% is 79%, not 80%).
const pct = (a, b) => (b === 0 ? '—' : `${Math.floor((100 * a) / b)}%`);

function tally(items) {
  const judged = items.filter((x) => x.verdict);
  return { all: items.length, judged: judged.length, ok: judged.filter((x) => x.verdict.ok).length };
}

const row = (cells) => `| ${cells.join(' | ')} |`;

/** `{ summary, markdown }` of one run. */
export function renderDoc(measured, meta) {
  const apps = measured.filter((m) => m.pinned);
  const all = apps.flatMap((m) => m.findings);
  const analyzers = [...new Set(all.map((x) => x.f.analyzer))].sort();
  const lines = [];
  const checks = [];
  lines.push(
    row(['analyzer', 'findings', 'judged', 'true', 'precision', 'high+critical judged', 'true', 'precision']),
  );
  lines.push(row(Array(8).fill('---')));
  for (const a of [...analyzers, 'all']) {
    const mine = a === 'all' ? all : all.filter((x) => x.f.analyzer === a);
    const t = tally(mine);
    const h = tally(mine.filter((x) => HIGH.has(x.f.severity)));
    lines.push(
      row([
        a === 'all' ? '**all**' : a,
        t.all,
        t.judged,
        t.ok,
        pct(t.ok, t.judged),
        h.judged,
        h.ok,
        pct(h.ok, h.judged),
      ]),
    );
    if (a !== 'all' && h.judged > 0)
      checks.push([`high+critical precision of ${a} ≥ 90%`, h.ok / h.judged >= 0.9, pct(h.ok, h.judged)]);
    if (a === 'all')
      checks.push([
        'precision over all judged findings ≥ 80%',
        t.ok / Math.max(1, t.judged) >= 0.8,
        pct(t.ok, t.judged),
      ]);
  }
  // The two tiers of issue #12 (proven findings at high confidence, audit leads at medium or low) as a user
  // meets them: what each confidence holds, and what a gate `--min-confidence X` keeps.
  const tiers = [
    row(['confidence', 'findings', 'judged', 'true', 'precision', 'kept by `--min-confidence`', 'precision']),
  ];
  tiers.push(row(Array(7).fill('---')));
  const ORDER = ['high', 'medium', 'low'];
  for (const [i, c] of ORDER.entries()) {
    const t = tally(all.filter((x) => x.f.confidence === c));
    const kept = tally(all.filter((x) => ORDER.indexOf(x.f.confidence) <= i));
    tiers.push(
      row([
        c,
        t.all,
        t.judged,
        t.ok,
        pct(t.ok, t.judged),
        `${c}: ${kept.ok} of ${kept.judged}`,
        pct(kept.ok, kept.judged),
      ]),
    );
  }
  const perApp = [
    row(['application', 'files', 'findings', 'judged', 'true', 'largest noise class', 'share']),
  ];
  perApp.push(row(Array(7).fill('---')));
  const noise = new Map();
  for (const m of apps) {
    const t = tally(m.findings);
    // Findings in tests, fixtures, docs and examples that the scanner lowered to info (the issue keeps them,
    // lowered). A user still sees them in every report, so they count in the noise share like any other finding;
    // the share without them is shown beside it, for reading only, and decides nothing.
    const lowered = m.findings.filter((x) => x.f.severity === 'info' && LOWERED.has(x.f.role ?? 'source'));
    const falseBy = new Map();
    for (const x of m.findings.filter((y) => y.verdict && !y.verdict.ok)) {
      const k = `${x.f.ruleId}\u0000${x.verdict.why}`;
      const e = noise.get(k) ?? { rule: x.f.ruleId, why: x.verdict.why, n: 0, apps: new Set() };
      e.n++;
      e.apps.add(m.target);
      noise.set(k, e);
      falseBy.set(x.f.ruleId, (falseBy.get(x.f.ruleId) ?? 0) + 1);
    }
    const [rule, n] = [...falseBy].sort((a, b) => b[1] - a[1])[0] ?? ['—', 0];
    let share = pct(n, t.all);
    if (lowered.length > 0) {
      const falseOther = new Map();
      for (const x of m.findings)
        if (x.verdict && !x.verdict.ok && !lowered.includes(x))
          falseOther.set(x.f.ruleId, (falseOther.get(x.f.ruleId) ?? 0) + 1);
      const most = Math.max(0, ...falseOther.values());
      share += ` (${pct(most, t.all - lowered.length)} without the ${lowered.length} at info in tests)`;
    }
    perApp.push(row([m.target, m.files, t.all, t.judged, t.ok, rule, share]));
    checks.push([`${m.target}: no noise class above a third of its findings`, n <= t.all / 3, share]);
  }
  const unjudged = all.filter((x) => !x.verdict).length;
  const noiseRows = [...noise.values()]
    .sort((a, b) => b.n - a.n)
    .map((e) => `- \`${e.rule}\` × ${e.n} (${[...e.apps].join(', ')}): ${e.why}`);
  const local = measured
    .filter((m) => !m.pinned)
    .map((m) => {
      const src = m.findings.filter((x) => (x.f.role ?? 'source') === 'source');
      return row([
        m.target,
        m.files,
        m.findings.length,
        src.length,
        src.filter((x) => HIGH.has(x.f.severity)).length,
      ]);
    });
  const held = Object.entries(meta.heldOut ?? {});
  const sum = (k) => held.reduce((n, [, h]) => n + h[k], 0);
  const heldRows = [
    row(['application', 'judged', 'verdicts in', 'findings', 'true', 'precision', 'high+critical true']),
    row(Array(7).fill('---')),
    ...held.map(([app, h]) =>
      row([
        app,
        h.judged,
        h.commit ?? '—',
        h.findings,
        h.true,
        pct(h.true, h.findings),
        `${h.highTrue} of ${h.highJudged}`,
      ]),
    ),
    row([
      '**all held out**',
      '',
      '',
      sum('findings'),
      sum('true'),
      `**${pct(sum('true'), sum('findings'))}**`,
      `${sum('highTrue')} of ${sum('highJudged')} (${pct(sum('highTrue'), sum('highJudged'))})`,
    ]),
  ];
  const checkRows = checks.map(([what, ok, got]) => `- ${ok ? '✓' : '✗ **not met**'} ${what}: ${got}`);
  const notes = readFileSync(fileURLToPath(new URL('notes.md', import.meta.url)), 'utf8').trim();
  const markdown = [
    '# Accuracy on real code',
    '',
    '<!-- Generated by `node bench/accuracy/run.mjs --write-doc`; edit bench/accuracy/notes.md and verdicts.json instead. -->',
    '',
    "`bench/accuracy/run.mjs` fetches real applications from the npm registry and from Debian's archive at pinned",
    'versions (`packages` in `bench/accuracy/targets.json`; `npm pack` or `apt-get download` of a `deb:name=version`,',
    'each checked against its pinned hash, so nothing is installed and no package script runs), scans them as a new',
    'user would, and compares every finding with the verdict the project keeps in',
    '`bench/accuracy/verdicts.json` (true or false, with the reason). It also scans this repository and',
    'installed libraries (`local`), whose findings are counted by role but not judged. The advisory database',
    "is built from the repository's real OSV records (`test/fixtures/osv`). A Debian package's Python modules",
    '(`usr/lib/python3/dist-packages`, which a scan skips as installed dependencies) are moved to `python3/`;',
    'apt fetches only versions its sources still list, so a version a point release replaced must be put in',
    'the cache by hand (snapshot.debian.org, which this machine cannot reach).',
    '',
    '```sh',
    'npx tsc -p tsconfig.build.json && node bench/accuracy/run.mjs --out /tmp/accuracy --write-doc',
    '```',
    '',
    '## Held out: each application as first judged, before any rule changed for it',
    '',
    'The honest figure for code the rules had not seen (recorded in `heldOut` in targets.json, each with the',
    'commit that holds its verdicts). Every application below was then used to fix rules, so the',
    'measurement after this table is a training figure; notes.md below says what was fixed.',
    '',
    ...(held.length > 0 ? heldRows : ['- none recorded']),
    '',
    `## Measured ${meta.date.toISOString().slice(0, 10)} (load average ${meta.load.join(' ')} on 2 shared cores; ${meta.seconds} s)`,
    '',
    'Every application here has been tuned on: this is a training figure, not a held-out one.',
    '',
    `Applications: ${apps.map((m) => `\`${m.target}\``).join(', ')}.`,
    `${all.length} findings, ${all.length - unjudged} judged${unjudged > 0 ? `, ${unjudged} without a verdict yet (not counted)` : ''}.`,
    '',
    ...lines,
    '',
    'By confidence: proven findings (a source reaching a sink, a pattern that is certain) are reported at high',
    'confidence, audit leads (a dangerous sink whose input is not constant) at medium or low; a pipeline that',
    'gates with `--min-confidence high` sees only the first row.',
    '',
    ...tiers,
    '',
    ...perApp,
    '',
    '### Targets of issue #11',
    '',
    ...checkRows,
    '',
    '### Noise classes (findings judged false)',
    '',
    ...(noiseRows.length > 0 ? noiseRows : ['- none']),
    '',
    '### Local code (counted, not judged)',
    '',
    row(['target', 'files', 'findings', 'in source files', 'high+critical in source']),
    row(Array(5).fill('---')),
    ...local,
    '',
    notes,
    '',
  ].join('\n');
  const summary = [...lines, '', ...tiers, '', ...perApp, '', ...checkRows].join('\n');
  return { summary, markdown };
}
