import { basename } from 'node:path';
import type { Analyzer, AnalyzerContext, FileRef, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { SecretEngine } from './engine.js';
import { SECRET_RULES } from './rules.js';
import { handRunScriptsOf } from '../../core/hand-run.js';
import { lowerInDevServer } from './dev-server.js';
import { withoutCompletionSpecs } from './completion-spec.js';
import { withoutDocExamples } from './documented-default.js';
import { withoutLocalCertKeys } from './local-cert-key.js';
import { severityOf, toFinding } from './to-finding.js';
import { productNameVariants } from './weak-password.js';
import { lowerInSiteClient } from './site-client-key.js';
import { splitForProfile, withAuditShapes } from './audit-shapes.js';

let engine: SecretEngine | undefined;

/** The shared engine, compiled once per process on first use. */
export function secretEngine(): SecretEngine {
  return (engine ??= new SecretEngine(SECRET_RULES));
}

const productCache = new Map<string, Promise<string[]>>();

/** Names a weak password may be built on: the root directory's name and the package name. */
export function productNames(ctx: Pick<AnalyzerContext, 'root' | 'readFile'>): Promise<string[]> {
  let p = productCache.get(ctx.root);
  if (!p) {
    p = (async () => {
      const names = [basename(ctx.root)];
      const pkg = await ctx.readFile('package.json');
      const m = pkg === undefined ? null : /"name"\s*:\s*"([^"]{1,214})"/.exec(pkg.slice(0, 10_000));
      if (m?.[1]) names.push(m[1]);
      return [...new Set(names.flatMap(productNameVariants))];
    })();
    productCache.set(ctx.root, p);
  }
  return p;
}

/** Credentials, keys and weak passwords in files and (with `history: true`) in every commit. */
export const secretsAnalyzer: Analyzer = {
  id: 'secrets',
  description: 'Hard-coded credentials, private keys and weak passwords, in files and git history.',
  rules: SECRET_RULES.map((r) => withAuditShapes(r.meta)),
  // A default scan marks the shapes it leaves to the audit profile (audit-shapes.ts) as held back.
  marksHeldBack: true,
  matches(_file: FileRef): boolean {
    // Secrets hide in every kind of text file; the core already skips binaries and oversized files.
    return true;
  },
  async analyze(file: SourceFile, ctx: AnalyzerContext): Promise<RawFinding[]> {
    const names = await productNames(ctx);
    const scanned = secretEngine().scan(file.bytes, {
      path: file.path,
      name: file.name,
      ext: file.ext,
      productNames: names,
      warn: (m) => ctx.warn(m),
    });
    const specs = withoutCompletionSpecs(scanned, file.text, () => file.lines());
    const documented = await withoutDocExamples(specs, file.path, () => file.lines(), ctx);
    const found = await withoutLocalCertKeys(documented, file.path, file.text, ctx);
    const script = found.length === 0 ? undefined : (await handRunScriptsOf(ctx)).get(file.path);
    const kept = script === undefined ? found : lowerInDevServer(found, file.text, script, severityOf);
    const lowered = lowerInSiteClient(kept, file.text, severityOf);
    const { kept: reported, heldBack } = splitForProfile(
      lowered,
      file.path,
      file.text,
      ctx.options,
      ctx.paths,
    );
    return [
      ...reported.map((d) => toFinding(d, file.path)),
      // Left to the audit profile: marked, so the scan result lists their fingerprints (ScanResult.heldBack).
      ...heldBack.map((d) => ({ ...toFinding(d, file.path), heldBack: true as const })),
    ];
  },
  async analyzeProject(ctx) {
    if (ctx.options.history !== true) return [];
    // Loaded only by history scans: a pre-commit scan never reads history.
    const { scanHistory } = await import('./history.js');
    return scanHistory(ctx, secretEngine(), await productNames(ctx));
  },
};
