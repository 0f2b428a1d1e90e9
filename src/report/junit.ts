import type { Finding } from '../core/finding.js';
import { atOrAbove } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import { locationText, stripControl } from './common.js';
import type { Reporter } from './types.js';

/** Escapes text and attribute values for XML 1.0, dropping characters XML cannot hold. */
export function xmlEscape(s: string): string {
  return stripControl(s).replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** Attribute values also encode line breaks and tabs, which XML parsers would otherwise normalise to spaces. */
function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v)).replace(/[\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`)}"`)
    .join('');
}

interface Case {
  xml: string;
  failure: boolean;
  skipped: boolean;
  error: boolean;
}

function findingCase(f: Finding, failOn: ScanResult['summary']['gate']['failOn']): Case {
  const name = `${f.title} at ${locationText(f)}`;
  const head = `    <testcase${attrs({ classname: `vanguard.${f.analyzer}.${f.ruleId}`, name, file: f.location.path, line: f.location.startLine })}>`;
  const body = `${f.message}\n\nRule: ${f.ruleId} (${f.severity}, confidence ${f.confidence})\nFix: ${f.remediation}${f.cwe.length > 0 ? `\nCWE: ${f.cwe.map((c) => `CWE-${c}`).join(', ')}` : ''}`;
  if (f.suppression) {
    return {
      xml: `${head}\n      <skipped${attrs({ message: `suppressed (${f.suppression.kind}): ${f.suppression.reason}` })}/>\n    </testcase>`,
      failure: false,
      skipped: true,
      error: false,
    };
  }
  // Below the gate: reported in the output, but the test case passes, as the build does.
  if (failOn === 'none' || !atOrAbove(f.severity, failOn)) {
    return {
      xml: `${head}\n      <system-out>${xmlEscape(body)}</system-out>\n    </testcase>`,
      failure: false,
      skipped: false,
      error: false,
    };
  }
  return {
    xml: `${head}\n      <failure${attrs({ message: f.message, type: f.severity })}>${xmlEscape(body)}</failure>\n    </testcase>`,
    failure: true,
    skipped: false,
    error: false,
  };
}

function suite(name: string, cases: Case[], timeSeconds: number): string {
  const a = attrs({
    name,
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped).length,
    time: timeSeconds.toFixed(3),
  });
  return `  <testsuite${a}>\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`;
}

/**
 * JUnit XML for CI test reports: a suite per analyzer with a test case per finding (failing at
 * or above the gate, skipped when suppressed) or one passing case when it found nothing; files
 * an analyzer could not read are errors; a last suite holds the gate verdict.
 */
export const junitReport: Reporter = (result: ScanResult) => {
  const gate = result.summary.gate;
  const suites: string[] = [];
  const all: Case[] = [];
  const ids = [
    ...new Set<string>([...result.analyzers.map((a) => a.id), ...result.findings.map((f) => f.analyzer)]),
  ];
  for (const id of ids) {
    const run = result.analyzers.find((a) => a.id === id);
    const cases = result.findings.filter((f) => f.analyzer === id).map((f) => findingCase(f, gate.failOn));
    for (const e of run?.errors ?? []) {
      cases.push({
        xml: `    <testcase${attrs({ classname: `vanguard.${id}`, name: `analyse ${e.path}`, file: e.path })}>\n      <error${attrs({ message: e.message, type: e.code })}/>\n    </testcase>`,
        failure: false,
        skipped: false,
        error: true,
      });
    }
    if (cases.length === 0) {
      const files = run ? `${run.filesAnalyzed} files` : 'no files';
      cases.push({
        xml: `    <testcase${attrs({ classname: `vanguard.${id}`, name: `no findings (${files})` })}/>`,
        failure: false,
        skipped: false,
        error: false,
      });
    }
    all.push(...cases);
    suites.push(suite(`vanguard ${id}`, cases, (run?.durationMs ?? 0) / 1000));
  }
  const gateCase: Case = {
    xml: gate.failed
      ? `    <testcase${attrs({ classname: 'vanguard.gate', name: 'policy gate' })}>\n      <failure${attrs({ message: gate.reason, type: 'gate' })}/>\n    </testcase>`
      : `    <testcase${attrs({ classname: 'vanguard.gate', name: 'policy gate' })}>\n      <system-out>${xmlEscape(gate.reason)}</system-out>\n    </testcase>`,
    failure: gate.failed,
    skipped: false,
    error: false,
  };
  all.push(gateCase);
  suites.push(suite('vanguard gate', [gateCase], 0));
  const top = attrs({
    name: 'vanguard',
    tests: all.length,
    failures: all.filter((c) => c.failure).length,
    errors: all.filter((c) => c.error).length,
    skipped: all.filter((c) => c.skipped).length,
    time: (result.durationMs / 1000).toFixed(3),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${top}>\n${suites.join('\n')}\n</testsuites>\n`;
};
