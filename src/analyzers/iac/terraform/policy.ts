import type { HclBody, HclExpr } from '../hcl/ast.js';
import type { HclValue, ModuleScope } from '../hcl/eval.js';
import { evaluate, resolveExpr } from '../hcl/eval.js';
import { attr, nested, strings } from './model.js';

/** One IAM policy statement, reduced to what the rules need, with the lines to report. */
export interface Statement {
  effect: string;
  actions: string[];
  resources: string[];
  /** True when the principal is everyone ("*" or {AWS: "*"}). */
  publicPrincipal: boolean;
  hasCondition: boolean;
  actionLine: number;
  principalLine: number;
}

function asList(v: HclValue | undefined): string[] {
  return strings(v);
}

function principalIsPublic(p: HclValue | undefined): boolean {
  if (p === '*') return true;
  if (p !== null && typeof p === 'object' && !Array.isArray(p))
    return Object.values(p).some((v) => strings(v).includes('*'));
  return false;
}

function fromObject(o: { [k: string]: HclValue }, actionLine: number, principalLine: number): Statement {
  return {
    effect: typeof o.Effect === 'string' ? o.Effect : 'Allow',
    actions: asList(o.Action),
    resources: asList(o.Resource),
    publicPrincipal: principalIsPublic(o.Principal),
    hasCondition: o.Condition !== undefined,
    actionLine,
    principalLine,
  };
}

/** Statements of an `aws_iam_policy_document` data source (HCL blocks). */
export function documentStatements(body: HclBody, scope: ModuleScope): Statement[] {
  return nested(body, 'statement').map((st) => {
    const effect = attr(st.body, 'effect', scope);
    const actions = attr(st.body, 'actions', scope);
    const principals = nested(st.body, 'principals');
    return {
      effect: typeof effect?.value === 'string' ? effect.value : 'Allow',
      actions: strings(actions?.value),
      resources: strings(attr(st.body, 'resources', scope)?.value),
      publicPrincipal: principals.some((p) =>
        strings(attr(p.body, 'identifiers', scope)?.value).includes('*'),
      ),
      hasCondition: nested(st.body, 'condition').length > 0,
      actionLine: actions?.line ?? st.line,
      principalLine: principals[0]?.line ?? st.line,
    };
  });
}

/** Statements of a `policy = …` attribute written as jsonencode({...}) or a JSON string/heredoc. */
export function policyStatements(expr: HclExpr, scope: ModuleScope): Statement[] {
  const e = resolveExpr(expr, scope) ?? expr;
  if (e.kind === 'call' && e.name === 'jsonencode' && e.args?.[0])
    return fromHclObject(resolveExpr(e.args[0], scope) ?? e.args[0], scope);
  if (e.kind === 'literal' && typeof e.value === 'string')
    return fromJsonText(e.value, e.heredoc === true ? e.line + 1 : e.line, e.heredoc === true);
  return [];
}

function fromHclObject(e: HclExpr, scope: ModuleScope): Statement[] {
  const st = e.entries?.find((en) => en.key === 'Statement');
  if (!st) return [];
  const stExpr = resolveExpr(st.value, scope) ?? st.value;
  const list = stExpr.kind === 'list' ? (stExpr.items ?? []) : [stExpr];
  const out: Statement[] = [];
  for (const item of list) {
    const v = evaluate(item, scope);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      // Partly dynamic statement: evaluate the keys we can.
      const o: { [k: string]: HclValue } = {};
      for (const en of item.entries ?? []) {
        const ev = evaluate(en.value, scope);
        if (ev !== undefined) o[en.key] = ev;
      }
      if (item.kind !== 'object') continue;
      out.push(fromObject(o, keyLine(item, 'Action'), keyLine(item, 'Principal')));
      continue;
    }
    out.push(fromObject(v, keyLine(item, 'Action'), keyLine(item, 'Principal')));
  }
  return out;
}

function keyLine(item: HclExpr, key: string): number {
  return item.entries?.find((en) => en.key === key)?.keyLine ?? item.line;
}

function fromJsonText(text: string, firstLine: number, multiline: boolean): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // Not JSON (a template or a file reference): nothing to check statically.
    return [];
  }
  if (doc === null || typeof doc !== 'object') return [];
  const raw = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const lines = text.split('\n');
  const find = (re: RegExp): number => {
    if (!multiline) return firstLine;
    const i = lines.findIndex((l) => re.test(l));
    return i >= 0 ? firstLine + i : firstLine;
  };
  return list
    .filter((s): s is { [k: string]: HclValue } => s !== null && typeof s === 'object' && !Array.isArray(s))
    .map((s) => fromObject(s, find(/"(?:Not)?Action"\s{0,10}:\s{0,10}\[?\s{0,10}"\*"/), find(/"Principal"/)));
}
