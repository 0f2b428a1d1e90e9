import type { SourceFile } from '../../core/analyzer.js';
import { exprTaint, type StepTaint, type Taint, type TaintScope } from './expressions.js';
import type { Reporter } from './report.js';
import type { YEntry, YNode } from './yaml.js';
import { entry, get, items, str } from './yaml.js';

/** Options of the pipeline analyzer (`options.pipeline` in vanguard.yaml). */
export interface PipelineOptions {
  /** Owners (users or organisations) whose actions may be referenced by tag, e.g. your own org. */
  trustedOwners: string[];
  /** Also require SHA pins for GitHub's own actions (actions/*, github/*). */
  strictPinning: boolean;
  /** Treat actions of the repository's own owner like local actions (the owner from `owner` or GITHUB_REPOSITORY). */
  sameOwner: boolean;
  /** The repository's owner, for `sameOwner`. */
  owner?: string;
  /** The scan's profile is `audit` (`--profile audit`): the shapes the default profile leaves out are reported. */
  audit?: boolean;
}

/** One `uses:` reference, kept for the advisory lookups done once per file. */
export interface UsesRef {
  action: string;
  ref: string;
  /** The version named in a trailing comment (`@<sha> # v4.2.2`). */
  comment?: string;
  line: number;
  where: string;
}

/** What the checks of one workflow or action share. */
export interface Wf {
  rep: Reporter;
  file: SourceFile;
  opts: PipelineOptions;
  kind: 'workflow' | 'action';
  /** Trigger name → its entry under `on:` (undefined for the string and list forms). */
  triggers: Map<string, YEntry | undefined>;
  /** `pull_request_target` or `workflow_run`: a write token and secrets next to untrusted data. */
  privileged: string | undefined;
  /** A trigger that anyone can fire (pull requests, issues, comments). */
  publicTrigger: string | undefined;
  uses: UsesRef[];
  /** Steps that attest or sign anywhere in the file (provenance counts for the whole workflow). */
  attests: boolean;
}

const PRIVILEGED = ['pull_request_target', 'workflow_run'];
const PUBLIC = [
  'pull_request',
  'pull_request_target',
  'issue_comment',
  'issues',
  'discussion',
  'discussion_comment',
  'pull_request_review',
  'pull_request_review_comment',
  'fork',
  'watch',
  'workflow_run',
];
/** Triggers whose jobs get secrets and a token that can write, while outsiders control the event. */
export const SECRET_TRIGGERS = new Set([
  'pull_request_target',
  'workflow_run',
  'issue_comment',
  'issues',
  'discussion',
  'discussion_comment',
  'pull_request_review',
  'pull_request_review_comment',
]);

/** The triggers of a workflow (`on: push`, `on: [push, pull_request]`, `on: { push: … }`). */
export function triggersOf(root: YNode | undefined): Map<string, YEntry | undefined> {
  const e = entry(root, 'on') ?? entry(root, 'true');
  const out = new Map<string, YEntry | undefined>();
  const on = e?.value;
  const s = str(on);
  if (s !== undefined) out.set(s, undefined);
  for (const it of items(on)) if (str(it) !== undefined) out.set(str(it)!, undefined);
  if (on?.kind === 'map') for (const [k, v] of on.entries) out.set(k, v);
  return out;
}

/** Builds the shared state of one workflow. */
export function workflowState(
  rep: Reporter,
  file: SourceFile,
  opts: PipelineOptions,
  root: YNode | undefined,
  kind: 'workflow' | 'action',
): Wf {
  const triggers = kind === 'workflow' ? triggersOf(root) : new Map<string, YEntry | undefined>();
  return {
    rep,
    file,
    opts,
    kind,
    triggers,
    privileged: PRIVILEGED.find((t) => triggers.has(t)),
    publicTrigger: PUBLIC.find((t) => triggers.has(t)),
    uses: [],
    attests: false,
  };
}

/** Names of env variables (of a map node) whose values carry attacker-controlled text. */
export function envTaint(
  env: YNode | undefined,
  scope: TaintScope,
  into = new Map<string, Taint>(),
): Map<string, Taint> {
  if (env?.kind !== 'map') return into;
  for (const [name, e] of env.entries) {
    const v = str(e.value);
    if (v === undefined || !v.includes('${{')) continue;
    let t: Taint | undefined;
    for (const m of v.matchAll(/\$\{\{([\s\S]{0,2000}?)\}\}/g)) t ??= exprTaint(m[1]!, scope);
    if (t) into.set(name.toLowerCase(), t);
  }
  return into;
}

/** Names of env variables (of a map node) that hold secrets. */
export function envSecrets(env: YNode | undefined, into = new Set<string>()): Set<string> {
  if (env?.kind !== 'map') return into;
  for (const [name, e] of env.entries)
    if (/\$\{\{[^}]{0,300}\bsecrets\./.test(str(e.value) ?? '')) into.add(name.toLowerCase());
  return into;
}

/** The string inputs of `workflow_dispatch` / `workflow_call` (free text; booleans, numbers and choices are not). */
export function stringInputs(triggers: Map<string, YEntry | undefined>): Set<string> {
  const out = new Set<string>();
  for (const t of ['workflow_dispatch', 'workflow_call']) {
    const inputs = get(triggers.get(t)?.value, 'inputs');
    if (inputs?.kind !== 'map') continue;
    for (const [name, e] of inputs.entries) {
      const type = str(get(e.value, 'type')) ?? 'string';
      if (type === 'string') out.add(name.toLowerCase());
    }
  }
  return out;
}

/** A scope with more tainted step outputs. */
export function withSteps(scope: TaintScope, steps: Map<string, StepTaint>): TaintScope {
  return { ...scope, steps };
}
