import { iacRule } from '../common.js';

export const K8S_PRIVILEGED = iacRule({
  id: 'iac/k8s-privileged',
  title: 'Privileged container',
  description:
    'A privileged container has every capability and the host devices; escaping to the node is trivial.',
  severity: 'critical',
  confidence: 'high',
  cwe: [250],
  principles: ['zoning-containment'],
  remediation:
    'Remove `privileged: true`; grant only the specific capability the workload needs under `securityContext.capabilities.add`.',
});

export const K8S_PRIV_ESCALATION = iacRule({
  id: 'iac/k8s-allow-privilege-escalation',
  title: 'Privilege escalation allowed',
  description:
    'With `allowPrivilegeEscalation` left true (the default), setuid binaries can gain more privileges than the process started with.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [269],
  principles: ['zoning-containment'],
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
});

export const K8S_RUN_AS_ROOT = iacRule({
  id: 'iac/k8s-run-as-root',
  title: 'Container may run as root',
  description:
    'Without `runAsNonRoot: true` or a non-zero `runAsUser`, the container runs as whatever user the image chose, usually root.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [250],
  principles: ['zoning-containment'],
  remediation:
    'Set `securityContext.runAsNonRoot: true` and a non-zero `runAsUser` (e.g. 10001) on the pod or container.',
});

export const K8S_CAPABILITIES = iacRule({
  id: 'iac/k8s-dangerous-capabilities',
  title: 'Dangerous Linux capability added',
  description:
    'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or ALL give a container near-root power over the node.',
  severity: 'high',
  confidence: 'high',
  cwe: [250],
  principles: ['zoning-containment'],
  remediation:
    'Drop all capabilities (`capabilities.drop: [ALL]`) and add back only narrow ones such as NET_BIND_SERVICE.',
});

export const K8S_HOST_NAMESPACE = iacRule({
  id: 'iac/k8s-host-namespace',
  title: 'Pod shares a host namespace',
  description:
    "`hostNetwork`, `hostPID` or `hostIPC` put the pod in the node's namespaces: it sees host processes, traffic or shared memory.",
  severity: 'high',
  confidence: 'high',
  cwe: [668],
  principles: ['zoning-containment'],
  remediation:
    'Remove `hostNetwork`/`hostPID`/`hostIPC` (or set them to false); expose ports through a Service instead.',
});

export const K8S_HOSTPATH = iacRule({
  id: 'iac/k8s-sensitive-hostpath',
  title: 'Sensitive host path mounted',
  description:
    'Mounting the container runtime socket or system directories of the node gives the pod control of the node.',
  severity: 'high',
  confidence: 'high',
  cwe: [668],
  principles: ['zoning-containment'],
  remediation:
    'Remove the hostPath volume; use a ConfigMap, Secret, emptyDir or a PersistentVolumeClaim instead.',
});

export const K8S_WRITABLE_ROOT_FS = iacRule({
  id: 'iac/k8s-writable-root-fs',
  title: 'Root filesystem is writable',
  description:
    'A writable root filesystem lets an attacker drop tools and persist changes inside the container.',
  severity: 'low',
  confidence: 'medium',
  cwe: [732],
  principles: ['zoning-containment'],
  remediation:
    'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the application must write.',
});

export const K8S_NO_LIMITS = iacRule({
  id: 'iac/k8s-missing-resource-limits',
  title: 'No resource limits',
  description:
    'A container without CPU and memory limits can starve its neighbours on the node (denial of service).',
  severity: 'low',
  confidence: 'medium',
  cwe: [770],
  principles: ['zoning-containment'],
  remediation: 'Set `resources.limits.memory` and `resources.limits.cpu` (and requests) for every container.',
});

export const K8S_IMAGE_UNPINNED = iacRule({
  id: 'iac/k8s-image-unpinned',
  title: 'Container image not pinned',
  description:
    'An image without a tag or tagged `latest` can change between deployments; what runs is not what was reviewed.',
  severity: 'medium',
  confidence: 'high',
  cwe: [1357],
  principles: ['asset-management'],
  remediation: 'Reference the image by version tag and digest: `image: registry/app:1.4.2@sha256:<digest>`.',
});

export const K8S_SECRET_IN_ENV = iacRule({
  id: 'iac/k8s-secret-in-env',
  title: 'Literal credential in container env',
  description:
    'A credential written into the manifest is readable by everyone with access to the repository and the cluster API.',
  severity: 'high',
  confidence: 'medium',
  cwe: [798],
  principles: ['authentication', 'encryption'],
  remediation:
    'Store the value in a Secret (or an external secret store) and reference it with `valueFrom.secretKeyRef`.',
});

export const K8S_SERVICE_PORT = iacRule({
  id: 'iac/k8s-service-exposes-sensitive-port',
  title: 'Service exposes an admin or database port outside the cluster',
  description:
    'A LoadBalancer or NodePort Service makes the port reachable from outside the cluster; databases and remote-administration services must stay internal.',
  severity: 'high',
  confidence: 'medium',
  cwe: [668],
  principles: ['zoning-containment', 'authentication'],
  remediation:
    'Use `type: ClusterIP` for the Service, or restrict it with `loadBalancerSourceRanges` and a NetworkPolicy; reach admin ports through a bastion or `kubectl port-forward`.',
});

export const K8S_RBAC_WILDCARD = iacRule({
  id: 'iac/k8s-rbac-wildcard',
  title: 'RBAC rule grants wildcard access',
  description:
    'A `*` in verbs or resources grants every current and future permission on the API group, far beyond least privilege.',
  severity: 'high',
  confidence: 'high',
  cwe: [269],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'List the exact resources and verbs the subject needs (e.g. `resources: [configmaps]`, `verbs: [get, list]`).',
});

export const K8S_SA_TOKEN = iacRule({
  id: 'iac/k8s-sa-token-automount',
  title: 'Service account token mounted automatically',
  description:
    'Most workloads never call the Kubernetes API; an automatically mounted token is a free credential for an attacker inside the pod.',
  severity: 'low',
  confidence: 'medium',
  cwe: [668],
  principles: ['authentication'],
  remediation:
    'Set `automountServiceAccountToken: false` on the ServiceAccount or pod spec, and enable it only for pods that call the API.',
});

export const K8S_DEFAULT_NAMESPACE = iacRule({
  id: 'iac/k8s-default-namespace',
  title: 'Resource placed in the default namespace',
  description:
    'The default namespace mixes unrelated workloads, so RBAC, network policies and quotas cannot separate them.',
  severity: 'low',
  confidence: 'high',
  cwe: [668],
  principles: ['zoning-containment', 'asset-management'],
  remediation: 'Create a namespace per application or team and set `metadata.namespace` to it.',
});

export const K8S_RULES = [
  K8S_PRIVILEGED,
  K8S_PRIV_ESCALATION,
  K8S_RUN_AS_ROOT,
  K8S_CAPABILITIES,
  K8S_HOST_NAMESPACE,
  K8S_HOSTPATH,
  K8S_WRITABLE_ROOT_FS,
  K8S_NO_LIMITS,
  K8S_IMAGE_UNPINNED,
  K8S_SECRET_IN_ENV,
  K8S_SERVICE_PORT,
  K8S_RBAC_WILDCARD,
  K8S_SA_TOKEN,
  K8S_DEFAULT_NAMESPACE,
];
