import { ASSET_RULES } from './asset-rules.js';
import { FLOW_RULES } from './flow-rules.js';
import { SUPPLY_CHAIN_RULES } from './supply-chain-rules.js';
import type { ThreatRule } from './types.js';

/** Every threat rule, in report order. */
export const THREAT_RULES: readonly ThreatRule[] = [...FLOW_RULES, ...ASSET_RULES, ...SUPPLY_CHAIN_RULES];
