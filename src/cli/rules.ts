import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { PROFILES, profileIncludes } from '../core/profile.js';
import type { Profile } from '../core/profile.js';
import { createRegistry } from '../analyzers/index.js';
import { ruleMetaOf, rulesFor } from '../analyzers/code/index.js';
import { testRuleFolder } from '../analyzers/code/rule-tests.js';
import { UsageError } from '../core/errors.js';
import type { RuleMeta } from '../core/rule.js';
import { ruleOwasp } from '../core/rule.js';
import { PROBE_RULES } from '../probe/rules.js';
import { EXIT } from './errors.js';

interface ListOptions {
  analyzer?: string;
  profile?: string;
  json?: boolean;
  rules?: string[];
}

function catalogue(extraDirs: readonly string[] = []): RuleMeta[] {
  // The probe's rules check running services, not files: they are listed beside the analyzers'.
  const all = [...createRegistry().rules().values(), ...PROBE_RULES];
  if (extraDirs.length === 0) return all;
  const known = new Set(all.map((r) => r.id));
  const custom = rulesFor(
    extraDirs.map((d) => resolve(d)),
    'audit',
  ).set.rules.filter((r) => !known.has(r.id));
  return [...all, ...custom.map(ruleMetaOf)];
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** `vanguard rules list | show <id> | test <dir>`: read the rule catalogue and test custom rules. */
export function registerRules(program: Command): void {
  const rules = program.command('rules').description('List, show and test rules');

  rules
    .command('list')
    .description('List every rule (id, severity, tier, profile, CWE, title)')
    .option('--analyzer <id>', 'only the rules of one analyzer')
    .addOption(
      new Option('--profile <name>', 'only the rules a scan of this profile runs').choices([...PROFILES]),
    )
    .option('--rules <dir...>', 'also list custom code rules from these folders')
    .option('--json', 'print JSON')
    .action((opts: ListOptions) => {
      const wanted = opts.profile as Profile | undefined;
      const list = catalogue(opts.rules).filter(
        (r) =>
          (!opts.analyzer || r.analyzer === opts.analyzer) &&
          (!wanted || profileIncludes(wanted, r.profile ?? 'default')),
      );
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      for (const r of list.sort((a, b) => (a.id < b.id ? -1 : 1))) {
        const cwe = r.cwe.map((c) => `CWE-${c}`).join(',');
        // Tier: how code findings are established (taint, pattern, audit); '-' for other analyzers.
        // Profile: `audit` for the opt-in audit rules (`scan --profile audit`), `default` for the others, and
        // `default*` for a default rule some of whose shapes only the audit profile reports (`rules show`).
        const profile = r.profile ?? (r.auditShapes?.length ? 'default*' : 'default');
        process.stdout.write(
          `${pad(r.id, 42)} ${pad(r.severity, 8)} ${pad(r.tier ?? '-', 7)} ${pad(profile, 8)} ${pad(cwe, 18)} ${r.title}\n`,
        );
      }
      if (list.some((r) => r.profile === undefined && r.auditShapes?.length))
        process.stdout.write(
          'default*: some of its findings only with --profile audit (see: vanguard rules show <id>)\n',
        );
      process.stdout.write(`${list.length} rules\n`);
    });

  rules
    .command('show <id>')
    .description('Show one rule: why it matters, how to fix, taxonomy')
    .option('--rules <dir...>', 'also look in custom code rule folders')
    .option('--json', 'print JSON')
    .action((id: string, opts: { rules?: string[]; json?: boolean }) => {
      const r = catalogue(opts.rules).find((x) => x.id === id);
      if (!r) throw new UsageError(`unknown rule "${id}" (see: vanguard rules list)`);
      const code = rulesFor(
        (opts.rules ?? []).map((d) => resolve(d)),
        'audit',
      ).set.rules.find((x) => x.id === id);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ ...r, owasp: ruleOwasp(r), definition: code }, null, 2)}\n`);
        return;
      }
      const lines = [
        `${r.id}: ${r.title}`,
        `  analyzer:    ${r.analyzer}`,
        `  severity:    ${r.severity} (confidence ${r.confidence})`,
        ...(r.tier ? [`  tier:        ${r.tier}`] : []),
        `  profile:     ${r.profile === 'audit' ? 'audit (opt-in: scan --profile audit)' : 'default'}`,
        ...(r.auditShapes ?? []).map((shape) => `  audit only:  ${shape}`),
        `  CWE:         ${r.cwe.map((c) => `CWE-${c}`).join(', ')}`,
        `  OWASP:       ${ruleOwasp(r).join(', ')}`,
        `  principles:  ${r.principles.join(', ')}`,
      ];
      if (code) {
        lines.push(`  languages:   ${code.languages.join(', ')}`, `  class:       ${code.class}`);
        lines.push(`  defined in:  ${code.file}`);
        if (code.taint) {
          lines.push(`  sources:     ${code.taint.sources.join(', ')}`);
          for (const s of code.taint.sinks)
            lines.push(
              `  sink:        ${JSON.stringify(s.matcher.rule)} arg ${s.args.join(',') || '(match)'}`,
            );
        }
      }
      lines.push('', `  ${r.description}`, '', `  Fix: ${r.remediation}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  rules
    .command('test <dir>')
    .description('Run the rules in <dir> against their examples in <dir>/tests/<rule>/bad.* and good.*')
    .action((dir: string) => {
      const report = testRuleFolder(resolve(dir));
      if (report.rules === 0)
        throw new UsageError(`no rules found in ${dir} (expected *.yaml files with a "rules:" list)`);
      for (const m of report.missingExamples)
        process.stdout.write(`FAIL ${m.rule}: no ${m.missing.join(' or ')} example\n`);
      for (const r of report.results) {
        const ok = r.missed.length === 0 && r.unexpected.length === 0;
        let line = `${ok ? 'ok  ' : 'FAIL'} ${r.rule} ${r.file}`;
        if (r.missed.length > 0) line += `  missed lines ${r.missed.join(', ')}`;
        if (r.unexpected.length > 0) line += `  unexpected findings on lines ${r.unexpected.join(', ')}`;
        process.stdout.write(`${line}\n`);
      }
      const failed = report.results.filter((r) => r.missed.length > 0 || r.unexpected.length > 0).length;
      process.stdout.write(
        `${report.rules} rules, ${report.results.length} examples, ${failed} failed, ${report.missingExamples.length} without examples\n`,
      );
      if (!report.passed) process.exitCode = EXIT.policyFailed;
    });
}
