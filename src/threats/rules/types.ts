import type { Principle } from '../../core/finding.js';
import type { Control, DataAsset, Flow, TechnicalAsset } from '../model.js';
import type { ModelIndex } from '../model-index.js';

export const STRIDE = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const;
export type Stride = (typeof STRIDE)[number];

/** 1 unlikely, 2 likely, 3 very likely. */
export type Likelihood = 1 | 2 | 3;
/** 1 limited, 2 serious, 3 severe. */
export type Impact = 1 | 2 | 3;

export interface Mitigation {
  text: string;
  principles: Principle[];
  /** Declaring this control on the asset (`controls:`) satisfies the mitigation. */
  control?: Control;
}

/** Where a rule found a threat: one asset or one flow of the model. */
export interface Hit {
  subject: { kind: 'asset'; asset: TechnicalAsset } | { kind: 'flow'; flow: Flow };
  message: string;
  /** Data whose sensitivity sets the impact when the rule's impact is 'data'. */
  data?: readonly DataAsset[];
}

export interface ThreatRule {
  /** Short kebab-case id; the finding rule id is `threats/<id>`. */
  id: string;
  title: string;
  description: string;
  stride: Stride[];
  cwe: number[];
  principles: Principle[];
  likelihood: Likelihood;
  /** Fixed, or raised to the sensitivity of the data involved (never below 1). */
  impact: Impact | 'data';
  mitigations: Mitigation[];
  check(m: ModelIndex): Hit[];
}

export const assetHit = (asset: TechnicalAsset, message: string, data?: readonly DataAsset[]): Hit => ({
  subject: { kind: 'asset', asset },
  message,
  ...(data ? { data } : {}),
});

export const flowHit = (flow: Flow, message: string, data?: readonly DataAsset[]): Hit => ({
  subject: { kind: 'flow', flow },
  message,
  ...(data ? { data } : {}),
});
