import type { Severity } from '../../core/finding.js';

/**
 * Alertmanager has no fixed severities; the `severity` label is a convention. These are the values
 * in common use (Prometheus operator, kube-prometheus, PagerDuty-style), lowercased.
 */
export const ALERTMANAGER_SEVERITY: Record<string, Severity> = {
  emergency: 'critical',
  critical: 'critical',
  page: 'critical',
  alert: 'critical',
  error: 'high',
  high: 'high',
  major: 'high',
  warning: 'medium',
  warn: 'medium',
  medium: 'medium',
  minor: 'low',
  low: 'low',
  info: 'info',
  informational: 'info',
  none: 'info',
};

/** An Alertmanager alert without a `severity` label (or with an unknown one). */
export const ALERTMANAGER_DEFAULT: Severity = 'medium';

/** Falco's eight priorities (syslog's levels). */
export const FALCO_SEVERITY: Record<string, Severity> = {
  emergency: 'critical',
  alert: 'critical',
  critical: 'critical',
  error: 'high',
  warning: 'medium',
  notice: 'low',
  informational: 'info',
  info: 'info',
  debug: 'info',
};

export function alertmanagerSeverity(label: string | undefined): Severity {
  return (
    (label !== undefined ? ALERTMANAGER_SEVERITY[label.trim().toLowerCase()] : undefined) ??
    ALERTMANAGER_DEFAULT
  );
}

/** A Falco priority's severity; undefined for a value Falco never sends (the payload is refused). */
export function falcoSeverity(priority: string): Severity | undefined {
  return FALCO_SEVERITY[priority.trim().toLowerCase()];
}
