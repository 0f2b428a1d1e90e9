import type { Reporter } from '../common.js';
import { parseImageRef } from '../image-ref.js';
import { isLiteralSecret } from '../shell.js';
import type { YMap, YNode } from '../../../parse/yaml/tree.js';
import { dig, entry, get, isFalse, isTrue, items, str } from '../../../parse/yaml/tree.js';
import {
  K8S_CAPABILITIES,
  K8S_HOST_NAMESPACE,
  K8S_HOSTPATH,
  K8S_IMAGE_UNPINNED,
  K8S_NO_LIMITS,
  K8S_PRIV_ESCALATION,
  K8S_PRIVILEGED,
  K8S_RUN_AS_ROOT,
  K8S_SA_TOKEN,
  K8S_SECRET_IN_ENV,
  K8S_WRITABLE_ROOT_FS,
} from './rules.js';

const DANGEROUS_CAPS = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_PTRACE',
  'SYS_MODULE',
  'SYS_RAWIO',
  'DAC_READ_SEARCH',
  'BPF',
  'SYS_BOOT',
  'SYS_TIME',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'PERFMON',
  'NET_RAW',
]);
const SENSITIVE_PATHS = new Set([
  '/',
  '/etc',
  '/proc',
  '/sys',
  '/boot',
  '/dev',
  '/root',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/run',
  '/run',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/etc/kubernetes',
  '/var/lib/etcd',
]);

/** Where the pod spec of a workload kind lives. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
};

function normalisePath(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** Checks one pod spec; `id` names the workload for messages and fingerprints. */
export function checkPodSpec(rep: Reporter, spec: YNode, id: string): void {
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
    const e = entry(spec, key);
    if (e && isTrue(e.value, 'kubernetes'))
      rep.add(K8S_HOST_NAMESPACE, e.keyLine, `${id} sets ${key}: true.`, `${id}:${key}`);
  }
  for (const vol of items(get(spec, 'volumes'))) {
    const pathEntry = entry(get(vol, 'hostPath'), 'path');
    const p = str(pathEntry?.value);
    if (pathEntry && p !== undefined && SENSITIVE_PATHS.has(normalisePath(p))) {
      rep.add(K8S_HOSTPATH, pathEntry.keyLine, `${id} mounts host path ${p}.`, `${id}:hostPath:${p}`);
    }
  }
  const automount = entry(spec, 'automountServiceAccountToken');
  if (automount && isTrue(automount.value, 'kubernetes')) {
    rep.add(
      K8S_SA_TOKEN,
      automount.keyLine,
      `${id} mounts its service account token explicitly.`,
      `${id}:automount`,
    );
  }
  const podSc = get(spec, 'securityContext');
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of items(get(spec, list))) {
      if (c.kind === 'map')
        checkContainer(rep, c, podSc, `${id} container ${str(get(c, 'name')) ?? '?'}`, list === 'containers');
    }
  }
}

function checkContainer(rep: Reporter, c: YMap, podSc: YNode | undefined, id: string, main: boolean): void {
  const sc = get(c, 'securityContext');
  const priv = entry(sc, 'privileged');
  if (priv && isTrue(priv.value, 'kubernetes'))
    rep.add(K8S_PRIVILEGED, priv.keyLine, `${id} is privileged.`, `${id}:privileged`);

  const esc = entry(sc, 'allowPrivilegeEscalation');
  if (esc && isTrue(esc.value, 'kubernetes')) {
    rep.add(K8S_PRIV_ESCALATION, esc.keyLine, `${id} sets allowPrivilegeEscalation: true.`, `${id}:ape`, {
      severity: 'high',
    });
  } else if (!esc && !(priv && isTrue(priv.value, 'kubernetes'))) {
    rep.add(K8S_PRIV_ESCALATION, c.line, `${id} does not set allowPrivilegeEscalation: false.`, `${id}:ape`);
  }

  const user = entry(sc, 'runAsUser') ?? entry(podSc, 'runAsUser');
  const nonRoot = entry(sc, 'runAsNonRoot') ?? entry(podSc, 'runAsNonRoot');
  const uid = user?.value.kind === 'scalar' ? Number(user.value.value) : undefined;
  if (user && uid === 0) {
    rep.add(K8S_RUN_AS_ROOT, user.keyLine, `${id} runs as UID 0 (root).`, `${id}:root`, { severity: 'high' });
  } else if (nonRoot && isFalse(nonRoot.value, 'kubernetes') && !(uid !== undefined && uid > 0)) {
    rep.add(K8S_RUN_AS_ROOT, nonRoot.keyLine, `${id} sets runAsNonRoot: false.`, `${id}:root`);
  } else if (!(nonRoot && isTrue(nonRoot.value, 'kubernetes')) && !(uid !== undefined && uid > 0)) {
    rep.add(
      K8S_RUN_AS_ROOT,
      c.line,
      `${id} sets neither runAsNonRoot: true nor a non-zero runAsUser.`,
      `${id}:root`,
    );
  }

  for (const cap of items(dig(sc, 'capabilities', 'add'))) {
    const name = str(cap)?.toUpperCase().replace(/^CAP_/, '');
    if (name && DANGEROUS_CAPS.has(name))
      rep.add(K8S_CAPABILITIES, cap.line, `${id} adds capability ${name}.`, `${id}:cap:${name}`);
  }

  const ro = entry(sc, 'readOnlyRootFilesystem');
  if (ro && isFalse(ro.value, 'kubernetes'))
    rep.add(K8S_WRITABLE_ROOT_FS, ro.keyLine, `${id} sets readOnlyRootFilesystem: false.`, `${id}:rofs`);
  else if (!ro && main)
    rep.add(K8S_WRITABLE_ROOT_FS, c.line, `${id} does not set readOnlyRootFilesystem: true.`, `${id}:rofs`);

  if (main && get(dig(c, 'resources'), 'limits')?.kind !== 'map') {
    rep.add(
      K8S_NO_LIMITS,
      entry(c, 'resources')?.keyLine ?? c.line,
      `${id} has no resource limits.`,
      `${id}:limits`,
    );
  }

  const img = entry(c, 'image');
  const image = str(img?.value);
  if (img && image !== undefined && !image.includes('{{') && !image.includes('$')) {
    const ref = parseImageRef(image);
    if (ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest')) {
      rep.add(
        K8S_IMAGE_UNPINNED,
        img.keyLine,
        `${id} uses image ${image} ${ref.tag === 'latest' ? 'tagged latest' : 'without a tag or digest'}.`,
        `${id}:image:${ref.name}`,
      );
    }
  }

  for (const ev of items(get(c, 'env'))) {
    const name = str(get(ev, 'name'));
    const val = entry(ev, 'value');
    const v = str(val?.value);
    if (name && val && v !== undefined && isLiteralSecret(name, v)) {
      rep.add(
        K8S_SECRET_IN_ENV,
        val.keyLine,
        `${id} sets ${name} to a literal credential.`,
        `${id}:env:${name}`,
        { secret: v },
      );
    }
  }
}
