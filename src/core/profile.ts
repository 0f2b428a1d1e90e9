import { ConfigError } from './errors.js';

/**
 * Rule profiles. `default` is what every scan runs: findings precise enough to act on in real applications.
 * `audit` (opt-in: `--profile audit`, or `profile: audit` in vanguard.yaml) adds rules that report a dangerous
 * API given a value that is not fixed by the program text, with nothing known of where the value comes from:
 * leads for a security review (what Semgrep users know as an audit ruleset), low confidence by design.
 */
export const PROFILES = ['default', 'audit'] as const;
export type Profile = (typeof PROFILES)[number];

/** True when a rule of `ruleProfile` runs in a scan of `scanProfile`: `audit` adds to `default`. */
export function profileIncludes(scanProfile: Profile, ruleProfile: Profile): boolean {
  return ruleProfile === 'default' || scanProfile === 'audit';
}

/** An analyzer's `profile` option (from `--profile` or vanguard.yaml's `profile`); unset means `default`. */
export function profileOption(analyzer: string, options: Readonly<Record<string, unknown>>): Profile {
  const v = options['profile'];
  if (v === undefined) return 'default';
  if (typeof v !== 'string' || !(PROFILES as readonly string[]).includes(v))
    throw new ConfigError(`${analyzer}: option "profile" must be one of ${PROFILES.join(', ')}`);
  return v as Profile;
}
