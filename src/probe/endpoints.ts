import type { RawFinding, Severity } from '../core/finding.js';
import { probeFinding } from './finding.js';
import { isHtml, type HttpResponse } from './http.js';
import { EXPOSED_ENDPOINT } from './rules.js';

/**
 * Admin, debug and metrics endpoints that should not answer the public, each confirmed by what it
 * serves (a status code alone is not proof: single-page apps answer 200 to every path).
 */
export interface Endpoint {
  path: string;
  what: string;
  severity: Severity;
  cwe: number[];
  confirm(text: string, res: HttpResponse): boolean;
}

const ENV_LINE = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]{0,100}\s*=/;

export const ENDPOINTS: readonly Endpoint[] = [
  {
    path: '/.git/HEAD',
    what: 'the Git repository (sources and history can be downloaded)',
    severity: 'high',
    cwe: [538],
    confirm: (t) => /^(?:ref: refs\/[\w./-]{1,200}|[0-9a-f]{40}|[0-9a-f]{64})\s*$/.test(t),
  },
  {
    path: '/.env',
    what: 'an environment file (typically credentials)',
    severity: 'high',
    cwe: [538],
    confirm: (t, res) => {
      if (isHtml(res) || t.trimStart().startsWith('<')) return false;
      const lines = t.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
      return (
        lines.length > 0 && lines.filter((l) => ENV_LINE.test(l)).length >= Math.max(1, lines.length * 0.8)
      );
    },
  },
  {
    path: '/server-status',
    what: 'Apache server-status (client addresses and requested URLs)',
    severity: 'medium',
    cwe: [200],
    confirm: (t) => /Apache Server Status for/i.test(t),
  },
  {
    path: '/server-info',
    what: 'Apache server-info (the full server configuration)',
    severity: 'medium',
    cwe: [200],
    confirm: (t) => /Apache Server Information/i.test(t),
  },
  {
    path: '/actuator/env',
    what: 'the Spring Boot actuator environment (configuration and secrets)',
    severity: 'high',
    cwe: [215],
    confirm: (t) => /"propertySources"\s*:/.test(t) && /"activeProfiles"\s*:/.test(t),
  },
  {
    path: '/metrics',
    what: 'Prometheus metrics (internal names, routes and counts)',
    severity: 'medium',
    cwe: [200],
    confirm: (t) => /^# (?:HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]{0,200} /m.test(t),
  },
  {
    path: '/debug/pprof/',
    what: 'the Go pprof profiler (memory, goroutines, command line)',
    severity: 'high',
    cwe: [489],
    confirm: (t) => /\/debug\/pprof\/goroutine/.test(t) && /profiles/i.test(t),
  },
  {
    path: '/phpinfo.php',
    what: 'phpinfo() (configuration, paths and environment)',
    severity: 'medium',
    cwe: [200],
    confirm: (t) => /<title>PHP \d[^<]{0,100}phpinfo\(\)<\/title>/i.test(t) || /PHP Version \d/.test(t),
  },
  {
    path: '/console',
    what: 'the Werkzeug interactive debugger console (code execution)',
    severity: 'critical',
    cwe: [489],
    confirm: (t) => /Werkzeug/i.test(t) && /console/i.test(t) && /debugger/i.test(t),
  },
];

/** A confirmed exposure of `ep` at `origin`; the body itself never goes into the report. */
export function checkEndpoint(ep: Endpoint, origin: string, res: HttpResponse): RawFinding[] {
  if (res.status !== 200) return [];
  const text = res.body.toString('utf8');
  if (!ep.confirm(text, res)) return [];
  const place = `${origin}${ep.path}`;
  return [
    probeFinding(EXPOSED_ENDPOINT, place, `${place} serves ${ep.what}.`, `endpoint:${ep.path}`, {
      severity: ep.severity,
      cwe: ep.cwe,
    }),
  ];
}
