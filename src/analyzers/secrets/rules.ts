import { AI_RULES } from './rules-ai.js';
import { CLOUD_RULES } from './rules-cloud.js';
import { COMMERCE_RULES } from './rules-commerce.js';
import { COMMS_RULES } from './rules-comms.js';
import { DEFAULT_SECRET_RULES } from './rules-default-secret.js';
import { DEVTOOLS_RULES } from './rules-devtools.js';
import { GENERIC_RULES } from './rules-generic.js';
import { KEY_RULES } from './rules-keys.js';
import { PLATFORM_RULES } from './rules-platforms.js';
import { SAAS_RULES } from './rules-saas.js';
import { VCS_RULES } from './rules-vcs.js';
import type { SecretRule } from './types.js';

/**
 * Every secret rule, specific formats first: on overlapping matches the earlier specific rule wins, and
 * generic rules (which come last) yield to any specific one.
 */
export const SECRET_RULES: readonly SecretRule[] = [
  ...KEY_RULES,
  ...VCS_RULES,
  ...CLOUD_RULES,
  ...PLATFORM_RULES,
  ...AI_RULES,
  ...COMMERCE_RULES,
  ...COMMS_RULES,
  ...DEVTOOLS_RULES,
  ...SAAS_RULES,
  ...GENERIC_RULES,
  ...DEFAULT_SECRET_RULES,
];
