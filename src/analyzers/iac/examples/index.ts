import { COMPOSE_EXAMPLES } from './compose.js';
import { DOCKERFILE_EXAMPLES } from './dockerfile.js';
import { INSPECTOR_EXAMPLES } from './inspector.js';
import { K8S_EXAMPLES } from './k8s.js';
import { PLAINTEXT_EXAMPLES } from './plaintext.js';
import { TERRAFORM_EXAMPLES } from './terraform.js';
import type { ExampleTable } from './types.js';

/** Every iac rule's examples. */
export const IAC_EXAMPLES: ExampleTable = {
  ...DOCKERFILE_EXAMPLES,
  ...K8S_EXAMPLES,
  ...COMPOSE_EXAMPLES,
  ...TERRAFORM_EXAMPLES,
  ...PLAINTEXT_EXAMPLES,
  ...INSPECTOR_EXAMPLES,
};
