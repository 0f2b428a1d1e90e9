import { TF_DATA_EXAMPLES } from './terraform-data.js';
import { TF_GOVERNANCE_EXAMPLES } from './terraform-governance.js';
import { TF_NETWORK_EXAMPLES } from './terraform-network.js';
import type { ExampleTable } from './types.js';

/** Terraform rule examples (AWS, GCP, Azure), split by topic. */
export const TERRAFORM_EXAMPLES: ExampleTable = {
  ...TF_NETWORK_EXAMPLES,
  ...TF_DATA_EXAMPLES,
  ...TF_GOVERNANCE_EXAMPLES,
};
