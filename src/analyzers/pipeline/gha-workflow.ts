import { EMPTY_SCOPE, type Taint, type TaintScope } from './expressions.js';
import { checkCondition } from './gha-conditions.js';
import { checkExpressions } from './gha-document.js';
import { SECRET_TRIGGERS, envSecrets, envTaint, stringInputs, type Wf } from './gha-scope.js';
import { checkTriggers } from './gha-triggers.js';
import { checkStep, guardsForks, jobOutputTaint, provenanceEnv, type JobState } from './gha-steps.js';
import { checkImage, checkUses } from './gha-uses.js';
import {
  GHA_CACHE_POISONING,
  GHA_INSECURE_COMMANDS,
  GHA_PERMISSIONS,
  GHA_SECRETS_INHERIT,
  GHA_SELF_HOSTED,
  GHA_UNUSED_ID_TOKEN,
  HARDCODED_CREDENTIAL,
  PUBLISH_WITHOUT_PROVENANCE,
} from './rules-gha.js';
import { Reporter } from './report.js';
import type { YEntry, YNode } from './yaml.js';
import { entry, get, isFalse, items, str } from './yaml.js';

const WRITE_SCOPES =
  /^(?:contents|packages|actions|deployments|pull-requests|issues|statuses|checks|security-events|id-token|pages|attestations|discussions|repository-projects)$/;

function hasWrite(perm: YNode | undefined): boolean {
  if (str(perm) === 'write-all') return true;
  if (perm?.kind !== 'map') return false;
  return [...perm.entries.values()].some(
    (e) => WRITE_SCOPES.test(e.key) && str(e.value) === 'write' && e.key !== 'id-token',
  );
}

function checkWriteAll(wf: Wf, e: YEntry | undefined, where: string, key: string): void {
  const all = str(e?.value);
  if (!e || (all !== 'write-all' && all !== 'read-all')) return;
  wf.rep.add(
    GHA_PERMISSIONS,
    wf.rep.find(e.keyLine, e.keyLine, all),
    all === 'write-all'
      ? `${where} grants write-all: every scope of the token can write.`
      : `${where} grants read-all: the token can read every scope (packages, security events, actions…), not only what the job needs.`,
    key,
    { severity: all === 'write-all' ? 'high' : 'low' },
  );
}

/** Write scopes granted at the top of a workflow with several jobs: every job gets them, needed or not. */
function checkTopWrites(wf: Wf, topPerm: YEntry | undefined, jobCount: number): void {
  const perm = topPerm?.value;
  if (jobCount < 2 || perm?.kind !== 'map') return;
  for (const [scope, e] of perm.entries) {
    if (str(e.value) !== 'write') continue;
    wf.rep.add(
      GHA_PERMISSIONS,
      wf.rep.key(e.keyLine, scope),
      `The workflow grants ${scope}: write to all ${jobCount} jobs; grant it in the job that needs it.`,
      `perm:top:${scope}`,
      { severity: scope === 'contents' || scope === 'id-token' || scope === 'packages' ? 'medium' : 'low' },
    );
  }
}

function checkInsecureEnv(wf: Wf, env: YNode | undefined, where: string): void {
  const e = entry(env, 'ACTIONS_ALLOW_UNSECURE_COMMANDS');
  if (e && !isFalse(e.value))
    wf.rep.add(
      GHA_INSECURE_COMMANDS,
      wf.rep.key(e.keyLine, 'ACTIONS_ALLOW_UNSECURE_COMMANDS'),
      `${where} sets ACTIONS_ALLOW_UNSECURE_COMMANDS, re-enabling ::set-env and ::add-path.`,
      `insecure:${where}`,
    );
}

/** True when the workflow builds releases: release events or pushes of tags. */
function releaseTriggered(wf: Wf): boolean {
  if (wf.triggers.has('release')) return true;
  const push = wf.triggers.get('push')?.value;
  return entry(push, 'tags') !== undefined;
}

/** The values a matrix key takes in a job: its list, and what `include:` entries set it to. */
function matrixValues(job: YNode, key: string): string[] {
  const matrix = get(get(job, 'strategy'), 'matrix');
  const out = items(get(matrix, key)).map(str);
  for (const inc of items(get(matrix, 'include'))) out.push(str(get(inc, key)));
  return [...new Set(out.filter((v): v is string => v !== undefined && v.trim() !== ''))];
}

function checkContainer(wf: Wf, job: YNode, where: string, jobId: string): void {
  const c = entry(job, 'container');
  const image = str(c?.value) ?? str(get(c?.value, 'image'));
  if (c && image !== undefined) {
    const line = (str(c.value) !== undefined ? c.keyLine : entry(c.value, 'image')?.keyLine) ?? c.keyLine;
    // `container: ${{ matrix.image }}` runs every image the matrix lists.
    const fromMatrix = /^\s*\$\{\{\s*matrix\.([\w-]{1,100})\s*\}\}\s*$/.exec(image)?.[1];
    const images = fromMatrix !== undefined ? matrixValues(job, fromMatrix) : [image];
    for (const img of images)
      checkImage(wf, img, line, `${where} container`, `${jobId}:container`, fromMatrix && image.trim());
  }
  const holders: [YNode | undefined, string][] = [[c?.value, `${where} container`]];
  const services = get(job, 'services');
  if (services?.kind === 'map')
    for (const [name, s] of services.entries) {
      const img = entry(s.value, 'image');
      if (img && str(img.value) !== undefined)
        checkImage(wf, str(img.value)!, img.keyLine, `${where} service ${name}`, `${jobId}:service:${name}`);
      holders.push([s.value, `${where} service ${name}`]);
    }
  for (const [holder, label] of holders) {
    const pw = entry(get(holder, 'credentials'), 'password');
    const v = str(pw?.value);
    if (pw && v !== undefined && !v.includes('${{') && v.trim() !== '')
      wf.rep.add(
        HARDCODED_CREDENTIAL,
        wf.rep.key(pw.keyLine, 'password'),
        `${label} has a literal registry password in \`credentials.password\`.`,
        `cred:${label}`,
        { secret: v },
      );
  }
}

/** Checks one GitHub Actions workflow document. */
export function checkWorkflow(wf: Wf, root: YNode): void {
  const rep = wf.rep;
  const topPerm = entry(root, 'permissions');
  checkWriteAll(wf, topPerm, 'The workflow', 'perm:top');
  checkInsecureEnv(wf, get(root, 'env'), 'The workflow');
  checkExpressions(wf, root);
  const inputs = stringInputs(wf.triggers);
  const baseScope: TaintScope = { ...EMPTY_SCOPE, inputs, inputKind: 'workflow input' };
  const wfEnv = envTaint(get(root, 'env'), baseScope);
  const wfSecrets = envSecrets(get(root, 'env'));
  const defaultShell = str(get(get(get(root, 'defaults'), 'run'), 'shell'));

  const jobsEntry = entry(root, 'jobs');
  const jobs = jobsEntry?.value;
  if (!jobsEntry || jobs?.kind !== 'map') return;
  checkTriggers(wf, root, jobs);
  const needsTaint = new Map<string, Taint>();
  const states: { jobId: string; job: YNode; js: JobState }[] = [];
  const unscoped: string[] = [];
  // Jobs in order of `needs`, as far as declared order allows: two passes let outputs flow forward.
  // The collecting pass is needed only when jobs pass outputs on.
  const hasOutputs = [...jobs.entries.values()].some((e) => get(e.value, 'outputs') !== undefined);
  for (let pass = hasOutputs ? 0 : 1; pass < 2; pass++) {
    states.length = 0;
    let oidcSomewhere = false;
    for (const [jobId, je] of jobs.entries) {
      const job = je.value;
      const where = `job ${jobId}`;
      const env = envTaint(get(job, 'env'), { ...baseScope, needs: needsTaint }, new Map(wfEnv));
      const scope: TaintScope = { ...baseScope, env, needs: needsTaint };
      const runsOn = JSON.stringify(
        str(get(job, 'runs-on')) ?? items(get(job, 'runs-on')).map(str),
      ).toLowerCase();
      const shell =
        str(get(get(get(job, 'defaults'), 'run'), 'shell')) ??
        defaultShell ??
        (runsOn.includes('windows') ? 'pwsh' : 'bash');
      const permE = entry(job, 'permissions');
      const perm = permE?.value ?? topPerm?.value;
      const privileged =
        [...wf.triggers.keys()].some((t) => SECRET_TRIGGERS.has(t)) ||
        hasWrite(perm) ||
        perm === undefined ||
        wf.triggers.has('push') ||
        wf.triggers.has('release');
      const js: JobState = {
        wf,
        jobId,
        where,
        scope,
        steps: new Map(),
        secretEnv: envSecrets(get(job, 'env'), new Set(wfSecrets)),
        shell,
        privileged,
        sameRepoGuard: guardsForks(get(job, 'if')),
        publishes: [],
        caches: [],
        usesOidc: false,
        provenance: provenanceEnv(get(job, 'env')) ?? provenanceEnv(get(root, 'env')),
      };
      if (pass === 1) {
        checkJob(wf, job, js, jobId, where);
        if (!permE) unscoped.push(jobId);
        const idTok = permE && get(permE.value, 'id-token');
        if (idTok && str(idTok) === 'write' && !js.usesOidc && !entry(job, 'uses'))
          rep.add(
            GHA_UNUSED_ID_TOKEN,
            rep.key(entry(permE.value, 'id-token')!.keyLine, 'id-token'),
            `${where} grants id-token: write, but no step uses OIDC (cloud login, signing, trusted publishing).`,
            `idtoken:${jobId}`,
          );
        if (js.usesOidc || entry(job, 'uses')) oidcSomewhere = true;
      } else {
        // Silent pass: only collect tainted step outputs, so later jobs see what earlier ones produce.
        const quiet: JobState = { ...js, wf: { ...wf, rep: new Reporter(wf.file, true), uses: [] } };
        items(get(job, 'steps')).forEach((step, i) => checkStep(quiet, step, i));
        jobOutputTaint(get(job, 'outputs'), { ...scope, steps: js.steps }, jobId, needsTaint);
      }
      states.push({ jobId, job, js });
    }
    if (pass === 1 && topPerm && str(get(topPerm.value, 'id-token')) === 'write' && !oidcSomewhere)
      rep.add(
        GHA_UNUSED_ID_TOKEN,
        rep.key(entry(topPerm.value, 'id-token')!.keyLine, 'id-token'),
        'The workflow grants id-token: write to every job, but no job uses OIDC.',
        'idtoken:top',
      );
  }
  checkTopWrites(wf, topPerm, jobs.entries.size);
  // A workflow only ever called by others runs with the caller's token, except where it calls further.
  const calledOnly = wf.triggers.size === 1 && wf.triggers.has('workflow_call');
  if (!topPerm)
    for (const jobId of unscoped) {
      const je = jobs.entries.get(jobId)!;
      if (calledOnly && !entry(je.value, 'uses')) continue;
      rep.add(
        GHA_PERMISSIONS,
        rep.key(je.keyLine, jobId),
        `No top-level permissions, and job ${jobId} sets none: its token gets the repository default, read-write on older repositories and organisations.`,
        `perm:missing:${jobId}`,
        { severity: 'low' },
      );
    }
  const release = releaseTriggered(wf);
  for (const { js } of states) {
    const publishing = release || js.publishes.length > 0;
    for (const c of js.caches) {
      if (publishing)
        rep.add(
          GHA_CACHE_POISONING,
          c.pos,
          `${c.what} restores a cache in a job that ${release ? 'builds a release' : 'publishes'}: a cache entry planted by any default-branch workflow ends up in what you ship.`,
          `cache:${c.what}`,
        );
      else if (wf.privileged === 'pull_request_target')
        rep.add(
          GHA_CACHE_POISONING,
          c.pos,
          `${c.what} uses a cache in a pull_request_target job, which reads and writes the default branch's cache scope.`,
          `cache:${c.what}`,
        );
    }
  }
  if (!wf.attests)
    for (const { js } of states)
      for (const p of js.publishes)
        rep.add(
          PUBLISH_WITHOUT_PROVENANCE,
          p.pos,
          `${js.where} ${p.what}, and no step of this workflow attests or signs what it publishes.`,
          `publish:${js.jobId}:${p.what}`,
        );
}

function checkJob(wf: Wf, job: YNode, js: JobState, jobId: string, where: string): void {
  const rep = wf.rep;
  checkWriteAll(wf, entry(job, 'permissions'), where, `perm:${jobId}`);
  checkInsecureEnv(wf, get(job, 'env'), where);
  checkCondition(wf, entry(job, 'if'), where);
  const reusable = entry(job, 'uses');
  if (reusable) checkUses(wf, reusable, where);
  const secrets = entry(job, 'secrets');
  if (secrets && str(secrets.value) === 'inherit')
    rep.add(
      GHA_SECRETS_INHERIT,
      rep.find(secrets.keyLine, secrets.keyLine, 'inherit'),
      `${where} passes every secret to ${str(reusable?.value) ?? 'the called workflow'}.`,
      `inherit:${jobId}`,
    );
  const runsOn = entry(job, 'runs-on');
  if (runsOn && wf.publicTrigger) {
    const labels = [
      str(runsOn.value),
      ...items(runsOn.value).map(str),
      ...items(get(runsOn.value, 'labels')).map(str),
      str(get(runsOn.value, 'labels')),
    ];
    if (labels.some((l) => l?.toLowerCase() === 'self-hosted'))
      rep.add(
        GHA_SELF_HOSTED,
        rep.find(runsOn.keyLine, runsOn.keyLine + 5, 'self-hosted'),
        `${where} runs on a self-hosted runner and is triggered by ${wf.publicTrigger}.`,
        `selfhosted:${jobId}`,
      );
  }
  checkContainer(wf, job, where, jobId);
  items(get(job, 'steps')).forEach((step, i) => {
    checkCondition(
      wf,
      entry(step, 'if'),
      `${where} step ${str(get(step, 'name')) ?? str(get(step, 'id')) ?? i + 1}`,
    );
    checkStep(js, step, i);
  });
}
