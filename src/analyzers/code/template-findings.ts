import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { FlowStep, RawFinding } from '../../core/finding.js';
import { profileIncludes } from '../../core/profile.js';
import type { Profile } from '../../core/profile.js';
import { findingFrom } from '../../core/rule.js';
import type { FamilyRules } from './engine.js';
import type { ProjectView } from './project.js';
import type { CompiledSources } from './sources.js';
import { templateFlows } from './template-flow.js';
import { escapedByProjectFilter } from './template-escaped-filter.js';
import { PYTHON } from './template-escaped-py.js';
import { templateRules } from './template-rules.js';
import type { TemplateRule } from './template-rules.js';
import { OFF_BLOCK, autoescapeOff, templateEngineOfText, unescapedOutputs } from './templates.js';
import type { UnescapedOutput } from './templates.js';
import type { Trace } from './taint.js';
import { vueConstIsFixed, vueValueIsSanitized } from './vue-script.js';

/** Fills `{name}` placeholders of a template rule's message. */
function say(rule: TemplateRule, vars: Record<string, string>): string {
  return rule.message.replace(/\{(\w+)\}/g, (all, k: string) => vars[k] ?? all);
}

function short(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * The outputs of a template grouped by expression, in order of first appearance: the same variable written
 * raw on several lines (`href="{{{base}}}/reset.css"`, `src="{{{base}}}/app.js"`) is one value to review,
 * so one finding, at its first line, whose message names the others. An expression that names no variable
 * (`{{{.}}}`, `{{{this}}}`) is the current item of the block around it, another value in each block, so
 * each of those stays a finding of its own.
 */
export function byExpression(outputs: readonly UnescapedOutput[]): UnescapedOutput[][] {
  const groups: UnescapedOutput[][] = [];
  const byKey = new Map<string, UnescapedOutput[]>();
  for (const o of outputs) {
    const key = o.expr.replace(/\s+/g, ' ');
    const group = o.names.length > 0 ? byKey.get(key) : undefined;
    if (group) {
      group.push(o);
      continue;
    }
    const fresh = [o];
    groups.push(fresh);
    if (o.names.length > 0) byKey.set(key, fresh);
  }
  return groups;
}

/** `line 15`, `lines 15 and 16`, `lines 15, 16 and 41`. */
function linesText(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

/**
 * Raw outputs every scan reports (`code/template-unescaped-output`): a plain output inside a block that turns
 * escaping off (3 true of 4 judged on the accuracy bench) and Mustache's `{{& }}` (6 of 7, the shape of a
 * documented weakness, tileserver-gl's CVE-2020-15500). Every other construct is the audit profile's lead.
 */
const EVERY_SCAN: ReadonlySet<string> = new Set([OFF_BLOCK, '{{& }}']);

/**
 * The audit findings of a template file: unescaped outputs of variables, auto-escaping turned off; those of
 * rules a scan of `profile` does not run are not looked for.
 */
export function templateFileFindings(file: SourceFile, profile: Profile = 'default'): RawFinding[] {
  const engine = templateEngineOfText(file.ext, file.text);
  if (!engine) return [];
  const rules = templateRules();
  const out: RawFinding[] = [];
  const at = (line: number, column: number) => ({
    path: file.path,
    startLine: line,
    startColumn: column,
    snippet: file.lines()[line - 1]?.trim().slice(0, 200) ?? '',
  });
  // Two shapes of one check: a value written raw inside a block that turns escaping off, or by Mustache's `{{& }}`
  // (every scan), and a value its own construct writes raw (`|safe`, `{{{ }}}`, `<%-`, …: the opt-in audit
  // profile's lead).
  const inOffBlock = rules.get('escaping-off-output')!;
  const ownConstruct = rules.get('unescaped-output')!;
  const runs = (r: TemplateRule): boolean => profileIncludes(profile, r.profile ?? 'default');
  const ruleOf = (o: UnescapedOutput): TemplateRule =>
    EVERY_SCAN.has(o.construct) ? inOffBlock : ownConstruct;
  const outputs = runs(inOffBlock) || runs(ownConstruct) ? unescapedOutputs(file.text, engine) : [];
  const kept = outputs.filter(
    (o) =>
      runs(ruleOf(o)) &&
      !(
        engine === 'vue' &&
        o.construct === 'v-html' &&
        // A component's own constant (`const msg = $t('key', { … })` in `<script setup>`) is no data, nor a
        // computed property or method that returns only sanitized markup (`DOMPurify.sanitize(marked(x))`).
        (vueConstIsFixed(file.text, o.expr) || vueValueIsSanitized(file.text, o.expr))
      ),
  );
  for (const shape of [inOffBlock, ownConstruct])
    for (const [o, ...again] of byExpression(kept.filter((k) => ruleOf(k) === shape))) {
      if (!o) continue;
      const lines = [...new Set(again.map((a) => a.line).filter((l) => l !== o.line))];
      const more = lines.length === 0 ? '' : `; it is written raw on ${linesText(lines)} too`;
      out.push(
        findingFrom(shape, {
          message: say(shape, { expr: short(o.expr), construct: o.construct, again: more }),
          location: at(o.line, o.column),
          fingerprintKey: `${o.construct}\0${o.expr}`,
        }),
      );
    }
  const off = rules.get('autoescape-off')!;
  if (!profileIncludes(profile, off.profile ?? 'default')) return out;
  for (const b of autoescapeOff(file.text, engine)) {
    out.push(
      findingFrom(off, {
        message: say(off, { construct: b.construct }),
        location: at(b.line, b.column),
        fingerprintKey: b.construct,
      }),
    );
  }
  return out;
}

function flowOfTemplate(t: Trace, file: string, template: string, line: number, expr: string): FlowStep[] {
  const p = (x: string | undefined): string => (x === undefined || x === '' ? file : x);
  return [
    { path: p(t.sourcePath), line: t.sourceLine, label: t.source, kind: 'source' },
    ...t.steps.map((s): FlowStep => ({ path: p(s.path), line: s.line, label: s.text, kind: 'step' })),
    { path: template, line, label: short(expr), kind: 'sink' },
  ];
}

/**
 * Taint-confirmed template findings for a code file: its render calls that pass request data into a
 * variable the template writes unescaped. The finding sits in the template, with the flow from the code.
 */
export async function renderFindings(
  file: SourceFile,
  view: ProjectView,
  fam: FamilyRules,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const http = fam.sources.get('http');
  const sources: CompiledSources[] = http ? [http] : [];
  const rule = templateRules().get('request-data')!;
  // HTML escaping functions clean a value for a template as they do for a response body.
  const xss = fam.rules.find((r) => /\/(js|py)-xss-response$/.test(r.id))?.taint?.sanitizers ?? [];
  const sanitizers = [...fam.sanitizers, ...xss];
  const all = await templateFlows(view, sources, sanitizers, ctx.paths, (p) => ctx.readFile(p));
  // A Python view's template output that a project filter escapes last writes no request data raw.
  const flows = [];
  for (const f of all)
    if (!PYTHON.test(file.path) || !(await escapedByProjectFilter(ctx, f.template, f.output))) flows.push(f);
  return flows.map((f) => {
    const path = describe(f.trace, file.path, f.template, f.output.line);
    const finding = findingFrom(rule, {
      message: say(rule, {
        source: f.trace.source,
        expr: short(f.output.expr),
        construct: f.output.construct,
        template: f.template,
        path,
      }),
      confidence: f.weak ? 'medium' : rule.confidence,
      location: { path: f.template, startLine: f.output.line, startColumn: f.output.column },
      fingerprintKey: `${f.output.construct}\0${f.output.expr}\0${f.trace.source}`,
    });
    finding.flow = flowOfTemplate(f.trace, file.path, f.template, f.output.line, f.output.expr);
    return finding;
  });
}

function describe(t: Trace, file: string, template: string, line: number): string {
  const hops = [`${t.source} (${t.sourcePath ?? file}:${t.sourceLine})`];
  for (const s of t.steps) hops.push(`${s.text} (${s.path ?? file}:${s.line})`);
  hops.push(`${template}:${line}`);
  return hops.join(' → ');
}
