import { createHash } from 'node:crypto';
import { owaspForCwes } from '../../core/taxonomy.js';
import { arr, intList, isObj, obj, optStr, packageKeyOf, ReportError, str, type Obj } from './check.js';
import { toolName } from './tool-name.js';
import type { IngestFinding, InventoryComponent, ParsedReport } from './types.js';

const SPEC_VERSIONS = ['1.4', '1.5', '1.6'];

/** purl type → OSV ecosystem name, so stored inventories match the advisory database. */
const ECOSYSTEMS: Record<string, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  gem: 'RubyGems',
  composer: 'Packagist',
  maven: 'Maven',
  nuget: 'NuGet',
  pub: 'Pub',
  hex: 'Hex',
};

export function isCycloneDx(doc: Obj): boolean {
  return doc.bomFormat === 'CycloneDX';
}

/** Tool names from 1.4's `tools[]` or 1.5+'s `tools.components[]`. */
function bomTool(doc: Obj): string {
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  const tools = meta.tools;
  const list = Array.isArray(tools)
    ? tools
    : isObj(tools) && Array.isArray(tools.components)
      ? tools.components
      : [];
  const first = list.find((t) => isObj(t) && typeof t.name === 'string') as Obj | undefined;
  return typeof first?.name === 'string' ? toolName(first.name) : 'cyclonedx';
}

function decodePurlPart(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** ecosystem, name and version from a purl (`pkg:npm/%40scope/name@1.0.0`). */
export function fromPurl(purl: string): { ecosystem: string; name: string; version: string } | undefined {
  const m = /^pkg:([a-z0-9.+-]+)\/([^@?#]+)@([^?#]+)/i.exec(purl);
  if (!m) return undefined;
  const type = m[1]!.toLowerCase();
  const parts = m[2]!.split('/').map(decodePurlPart);
  const name = type === 'maven' ? parts.join(':') : parts.join('/');
  return { ecosystem: ECOSYSTEMS[type] ?? type, name, version: decodePurlPart(m[3]!) };
}

function severityOf(v: Obj): string {
  const order = ['critical', 'high', 'medium', 'low', 'info'];
  let best = 'medium';
  let found = false;
  for (const r of Array.isArray(v.ratings) ? v.ratings : []) {
    if (!isObj(r) || typeof r.severity !== 'string') continue;
    const s = r.severity === 'none' ? 'info' : r.severity;
    if (!order.includes(s)) continue;
    if (!found || order.indexOf(s) < order.indexOf(best)) best = s;
    found = true;
  }
  return best;
}

function decision(v: Obj): IngestFinding['decided'] {
  const a = isObj(v.analysis) ? v.analysis : undefined;
  const detail = typeof a?.detail === 'string' ? a.detail : '';
  if (a?.state === 'not_affected')
    return { status: 'not-affected', reason: detail || 'not affected (SBOM analysis)' };
  if (a?.state === 'false_positive')
    return { status: 'false-positive', reason: detail || 'false positive (SBOM analysis)' };
  return undefined;
}

/** Reads a CycloneDX 1.4–1.6 JSON BOM: its components become the inventory, its vulnerabilities findings. */
export function parseCycloneDx(doc: Obj): ParsedReport {
  const spec = str(doc.specVersion, 'specVersion', 10);
  if (!SPEC_VERSIONS.includes(spec))
    throw new ReportError(
      `specVersion: CycloneDX ${spec} is not supported (${SPEC_VERSIONS.join(', ')} are)`,
    );
  const tool = bomTool(doc);
  const notes: string[] = [];
  const byRef = new Map<string, InventoryComponent>();
  const walk = (list: unknown, where: string): void => {
    if (list === undefined) return;
    arr(list, where).forEach((c, i) => {
      const o = obj(c, `${where}[${i}]`);
      const purl = optStr(o.purl, `${where}[${i}].purl`, 2000);
      const ref = optStr(o['bom-ref'], `${where}[${i}].bom-ref`, 2000) ?? purl;
      const id = purl ? fromPurl(purl) : undefined;
      if (purl && id && ref) {
        const scope =
          o.scope === 'optional'
            ? 'optional'
            : o.scope === 'excluded'
              ? 'dev'
              : o.scope === 'required'
                ? 'required'
                : 'unknown';
        byRef.set(ref, { ref, purl, ...id, scope, direct: false, declaredIn: '' });
      } else if (purl)
        notes.push(`${where}[${i}]: purl ${purl.slice(0, 80)} has no version; not in the inventory`);
      walk(o.components, `${where}[${i}].components`);
    });
  };
  walk(doc.components, 'components');
  const dependencies = (doc.dependencies === undefined ? [] : arr(doc.dependencies, 'dependencies')).map(
    (d, i) => {
      const o = obj(d, `dependencies[${i}]`);
      const on = o.dependsOn === undefined ? [] : arr(o.dependsOn, `dependencies[${i}].dependsOn`);
      return {
        ref: str(o.ref, `dependencies[${i}].ref`, 2000),
        dependsOn: on.filter((x): x is string => typeof x === 'string'),
      };
    },
  );
  // Direct dependencies are what the BOM's subject depends on.
  const root =
    isObj(doc.metadata) && isObj(doc.metadata.component) ? doc.metadata.component['bom-ref'] : undefined;
  for (const ref of dependencies.find((d) => d.ref === root)?.dependsOn ?? []) {
    const c = byRef.get(ref);
    if (c) c.direct = true;
  }
  const findings: IngestFinding[] = [];
  const hasVulns = doc.vulnerabilities !== undefined;
  (hasVulns ? arr(doc.vulnerabilities, 'vulnerabilities') : []).forEach((v, i) => {
    const w = `vulnerabilities[${i}]`;
    const o = obj(v, w);
    const id = str(o.id, `${w}.id`, 200);
    const cwe = intList(o.cwes, `${w}.cwes`);
    const affects = o.affects === undefined ? [] : arr(o.affects, `${w}.affects`);
    for (const [j, a] of affects.entries()) {
      const ref = str(obj(a, `${w}.affects[${j}]`).ref, `${w}.affects[${j}].ref`, 2000);
      const comp = byRef.get(ref);
      const purl = comp?.purl ?? (ref.startsWith('pkg:') ? ref : undefined);
      if (!purl) {
        notes.push(`${w}.affects[${j}]: ${ref.slice(0, 80)} names no component with a purl; skipped`);
        continue;
      }
      const pkg = fromPurl(purl);
      const title = (typeof o.description === 'string' ? o.description.split('\n')[0] : undefined) ?? id;
      const f: IngestFinding = {
        fingerprint: createHash('sha256').update(`${id}\0${purl}`).digest('hex').slice(0, 32),
        ruleId: `deps/${id}`,
        analyzer: 'deps',
        severity: severityOf(o),
        confidence: 'high',
        title: `${pkg ? `${pkg.name}@${pkg.version}: ` : ''}${title}`.slice(0, 1000),
        message:
          typeof o.detail === 'string' ? o.detail : typeof o.description === 'string' ? o.description : id,
        remediation: typeof o.recommendation === 'string' ? o.recommendation : '',
        location: { path: purl, startLine: 1 },
        cwe,
        owasp: [...new Set(['A03:2025', ...owaspForCwes(cwe)])].sort(),
        principles: ['asset-management'],
        phase: 'build',
        tool,
        advisory: id,
        package: { purl, ...(pkg ?? {}), advisories: [id] },
      };
      const key = packageKeyOf(purl);
      if (key) f.packageKey = key;
      const d = decision(o);
      if (d) f.decided = d;
      findings.push(f);
    }
  });
  return {
    format: 'cyclonedx',
    tools: [tool],
    status: 'complete',
    // A BOM without a vulnerabilities section says nothing about vulnerabilities: it closes nothing.
    scope: hasVulns ? [{ tool, analyzers: ['deps'] }] : [],
    findings,
    inventory: { components: [...byRef.values()], dependencies },
    notes,
  };
}
