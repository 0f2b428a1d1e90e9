import type { Analyzer } from '../core/analyzer.js';
import { VanguardError } from '../core/errors.js';
import type { AnalyzerId } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';

/** The analyzers a scan can run, by id. Registering an id twice or asking for an unknown one fails loudly. */
export class AnalyzerRegistry {
  private readonly byId = new Map<AnalyzerId, Analyzer>();

  register(analyzer: Analyzer): this {
    if (this.byId.has(analyzer.id)) {
      throw new VanguardError('DUPLICATE_ANALYZER', `analyzer "${analyzer.id}" is registered twice`);
    }
    this.byId.set(analyzer.id, analyzer);
    return this;
  }

  get(id: string): Analyzer {
    const a = this.byId.get(id as AnalyzerId);
    if (!a) {
      throw new VanguardError(
        'UNKNOWN_ANALYZER',
        `unknown analyzer "${id}" (known: ${this.ids().join(', ')})`,
      );
    }
    return a;
  }

  has(id: string): boolean {
    return this.byId.has(id as AnalyzerId);
  }

  ids(): AnalyzerId[] {
    return [...this.byId.keys()];
  }

  all(): Analyzer[] {
    return [...this.byId.values()];
  }

  /** Every static rule of every analyzer, by id. */
  rules(): Map<string, RuleMeta> {
    const m = new Map<string, RuleMeta>();
    for (const a of this.byId.values()) for (const r of a.rules) m.set(r.id, r);
    return m;
  }
}
