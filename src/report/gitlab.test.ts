import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { makeFinding, makeResult } from '../../test/helpers/scan-result.js';
import { gitlabCodeQualityReport } from './gitlab-codequality.js';
import { GITLAB_SAST_SCHEMA, gitlabSastReport } from './gitlab-sast.js';
import { reporterFor } from './index.js';

const opts = { tty: false };
const ajv = new Ajv({ allErrors: true, strict: false });

// The shapes GitLab documents. Code Quality: docs.gitlab.com/ci/testing/code_quality (required
// description, check_name, fingerprint, severity, location.path, location.lines.begin).
const CODE_QUALITY = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1 },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};

// The required parts of security-report-schemas 15.x sast-report-format.json.
const TOOL = {
  type: 'object',
  required: ['id', 'name', 'version', 'vendor'],
  properties: { vendor: { type: 'object', required: ['name'] } },
};
const SAST = {
  type: 'object',
  required: ['version', 'vulnerabilities', 'scan'],
  properties: {
    version: { type: 'string', pattern: '^15\\.' },
    scan: {
      type: 'object',
      required: ['analyzer', 'scanner', 'start_time', 'end_time', 'status', 'type'],
      properties: {
        analyzer: TOOL,
        scanner: TOOL,
        type: { const: 'sast' },
        status: { enum: ['success', 'failure'] },
        start_time: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' },
        end_time: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' },
        messages: {
          type: 'array',
          items: {
            type: 'object',
            required: ['level', 'value'],
            properties: { level: { enum: ['info', 'warn', 'fatal'] } },
          },
        },
      },
    },
    vulnerabilities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'identifiers', 'location'],
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string', maxLength: 255 },
          severity: { enum: ['Info', 'Unknown', 'Low', 'Medium', 'High', 'Critical'] },
          identifiers: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              type: 'object',
              required: ['type', 'name', 'value'],
              properties: { type: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 } },
            },
          },
          location: {
            type: 'object',
            required: ['file', 'start_line'],
            properties: { file: { type: 'string' }, start_line: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};

function valid(schema: object, data: unknown): string {
  const check = ajv.compile(schema);
  return check(data) ? '' : ajv.errorsText(check.errors);
}

const sqli = makeFinding({
  severity: 'critical',
  location: { path: 'src/users.js', startLine: 12, endLine: 14 },
});
const dep = makeFinding({
  ruleId: 'deps/GHSA-jfh8-c2jp-5v3q',
  analyzer: 'deps',
  severity: 'high',
  title: 'log4j-core 2.14.1: Remote code injection in Log4j',
  cwe: [502, 917],
  location: { path: 'pom.xml', startLine: 13 },
  package: {
    ecosystem: 'Maven',
    name: 'org.apache.logging.log4j:log4j-core',
    version: '2.14.1',
    purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    fixedIn: ['2.15.0'],
    advisories: ['GHSA-jfh8-c2jp-5v3q', 'CVE-2021-44228'],
    direct: true,
  },
});
const low = makeFinding({ severity: 'low', location: { path: 'Dockerfile', startLine: 1 } });
const suppressed = makeFinding({ suppression: { kind: 'exception', reason: 'accepted until the rewrite' } });
const result = makeResult([sqli, dep, low, suppressed], undefined, {
  startedAt: '2026-12-02T10:00:00.123Z',
  finishedAt: '2026-12-02T10:00:02.456Z',
});

describe('gitlab-codequality', () => {
  const issues = JSON.parse(gitlabCodeQualityReport(result, opts)) as {
    check_name: string;
    severity: string;
    fingerprint: string;
    location: { path: string; lines: { begin: number; end?: number } };
  }[];

  it('writes the documented Code Quality shape, one issue per unsuppressed finding', () => {
    expect(valid(CODE_QUALITY, issues)).toBe('');
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines])).toEqual([
      ['code/js-sql-injection', 'blocker', 'src/users.js', { begin: 12, end: 14 }],
      ['deps/GHSA-jfh8-c2jp-5v3q', 'critical', 'pom.xml', { begin: 13 }],
      ['code/js-sql-injection', 'minor', 'Dockerfile', { begin: 1 }],
    ]);
    expect(issues.map((i) => i.fingerprint)).toEqual([sqli.fingerprint, dep.fingerprint, low.fingerprint]);
  });

  it('is registered as a --format', () => {
    expect(reporterFor('gitlab-codequality')).toBe(gitlabCodeQualityReport);
    expect(gitlabCodeQualityReport(makeResult([]), opts).trim()).toBe('[]');
  });
});

describe('gitlab-sast', () => {
  const report = JSON.parse(gitlabSastReport(result, opts)) as {
    version: string;
    scan: { status: string; start_time: string; end_time: string; messages: { value: string }[] };
    vulnerabilities: {
      id: string;
      severity: string;
      identifiers: { type: string; value: string }[];
      location: { file: string; start_line: number; end_line: number };
    }[];
  };

  it('writes the shape of security report schema 15 with the rule as primary identifier', () => {
    expect(valid(SAST, report)).toBe('');
    expect(report.version).toBe(GITLAB_SAST_SCHEMA);
    expect(report.scan.start_time).toBe('2026-12-02T10:00:00');
    expect(report.scan.end_time).toBe('2026-12-02T10:00:02');
    expect(report.vulnerabilities.map((v) => [v.severity, v.location])).toEqual([
      ['Critical', { file: 'src/users.js', start_line: 12, end_line: 14 }],
      ['High', { file: 'pom.xml', start_line: 13, end_line: 13 }],
      ['Low', { file: 'Dockerfile', start_line: 1, end_line: 1 }],
    ]);
    expect(report.vulnerabilities[1]!.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual([
      'vanguard_rule_id:deps/GHSA-jfh8-c2jp-5v3q',
      'ghsa:GHSA-jfh8-c2jp-5v3q',
      'cve:CVE-2021-44228',
      'cwe:502',
      'cwe:917',
    ]);
  });

  it('gives each vulnerability a stable UUID-shaped id, unique in the report', () => {
    const ids = report.vulnerabilities.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(JSON.parse(gitlabSastReport(result, opts))).toEqual(report);
  });

  it('reports a partial scan as failure, with its warnings', () => {
    const partial = {
      ...result,
      status: 'partial' as const,
      warnings: [
        { code: 'file-not-analyzed', analyzer: 'code', message: 'src/big.js not scanned: too large' },
      ],
    };
    const r = JSON.parse(gitlabSastReport(partial, opts)) as typeof report;
    expect(valid(SAST, r)).toBe('');
    expect(r.scan.status).toBe('failure');
    expect(r.scan.messages.map((m) => m.value)).toEqual(['code: src/big.js not scanned: too large']);
    expect(reporterFor('gitlab-sast')).toBe(gitlabSastReport);
  });
});
