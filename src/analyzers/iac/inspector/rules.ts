import { iacRule } from '../common.js';

export const NODE_INSPECTOR_EXPOSED = iacRule({
  id: 'iac/node-inspector-exposed',
  title: 'Node inspector listens on every interface',
  description:
    '`node --inspect=0.0.0.0` (or `--inspect-brk`, `--inspect-wait`, `::`) in a start command opens the V8 inspector to the network: whoever reaches the port runs any JavaScript in the process, with its files, secrets and privileges, and no password is asked.',
  severity: 'high',
  confidence: 'high',
  cwe: [94, 306],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Leave the inspector on 127.0.0.1 (`--inspect`, the default, or `--inspect=127.0.0.1:9229`) and reach it by an SSH tunnel or `kubectl port-forward`; keep it out of production start commands and images.',
});
