import { confidentialityRank, criticalityRank, DATASTORE_KINDS, trustRank } from './model.js';
import type {
  Control,
  DataAsset,
  Flow,
  TechnicalAsset,
  ThreatModel,
  TrustLevel,
  TrustZone,
} from './model.js';

/** Lookups over a model that rules share: zones, trust, data sensitivity, reachability. */
export class ModelIndex {
  private readonly assetsById = new Map<string, TechnicalAsset>();
  private readonly zonesById = new Map<string, TrustZone>();
  private readonly dataById = new Map<string, DataAsset>();
  private readonly into = new Map<string, Flow[]>();
  private readonly outOf = new Map<string, Flow[]>();
  /** Assets in scope. */
  readonly assets: readonly TechnicalAsset[];
  /** Flows between in-scope assets. */
  readonly flows: readonly Flow[];
  /**
   * Flows with at least one end in scope: what crosses into or out of the system from parties it does
   * not own (a browser, an administrator's laptop, a partner's service). Transport and exposure rules
   * read these, because an attacker on that path does not care which side was modelled.
   */
  readonly edgeFlows: readonly Flow[];

  constructor(readonly model: ThreatModel) {
    for (const a of model.assets) this.assetsById.set(a.id, a);
    for (const z of model.zones) this.zonesById.set(z.id, z);
    for (const d of model.data) this.dataById.set(d.id, d);
    this.assets = model.assets.filter((a) => !a.outOfScope);
    this.flows = model.flows.filter((f) => !this.asset(f.from).outOfScope && !this.asset(f.to).outOfScope);
    this.edgeFlows = model.flows.filter(
      (f) => !this.asset(f.from).outOfScope || !this.asset(f.to).outOfScope,
    );
    // Rules ask for a neighbourhood per asset; indexing once keeps derivation linear in the model size.
    const add = (m: Map<string, Flow[]>, k: string, f: Flow): void => {
      const list = m.get(k);
      if (list) list.push(f);
      else m.set(k, [f]);
    };
    for (const f of this.flows) {
      add(this.into, f.to, f);
      add(this.outOf, f.from, f);
    }
  }

  asset(id: string): TechnicalAsset {
    const a = this.assetsById.get(id);
    if (!a) throw new Error(`model index: unknown asset ${id}`);
    return a;
  }

  zone(a: TechnicalAsset): TrustZone | undefined {
    return a.zone === undefined ? undefined : this.zonesById.get(a.zone);
  }

  /** The trust of an asset's zone; without a zone, people and clients are untrusted, outside services internet. */
  trust(a: TechnicalAsset): TrustLevel {
    const z = this.zone(a);
    if (z) return z.trust;
    if (a.kind === 'user' || a.kind === 'client') return 'untrusted';
    if (a.kind === 'external-service') return 'internet';
    return 'internal';
  }

  /** Different zones, or different trust without zones (a person's browser talking to a service). */
  crossesBoundary(f: Flow): boolean {
    const from = this.asset(f.from);
    const to = this.asset(f.to);
    return from.zone !== to.zone || this.trust(from) !== this.trust(to);
  }

  /** The flow starts on the internet or on an untrusted client. */
  fromInternet(f: Flow): boolean {
    return f.internet || trustRank(this.trust(this.asset(f.from))) <= trustRank('untrusted');
  }

  /** The flow starts at a party the model does not own (out of scope) outside the internal zones. */
  fromOutsideParty(f: Flow): boolean {
    const from = this.asset(f.from);
    return from.outOfScope && trustRank(this.trust(from)) < trustRank('internal');
  }

  /** The flow goes from a less trusted zone to a more trusted one. */
  intoMoreTrusted(f: Flow): boolean {
    return trustRank(this.trust(this.asset(f.from))) < trustRank(this.trust(this.asset(f.to)));
  }

  incoming(a: TechnicalAsset): readonly Flow[] {
    return this.into.get(a.id) ?? [];
  }

  outgoing(a: TechnicalAsset): readonly Flow[] {
    return this.outOf.get(a.id) ?? [];
  }

  reachableFromInternet(a: TechnicalAsset): boolean {
    return a.internetFacing || this.incoming(a).some((f) => this.fromInternet(f));
  }

  dataOfFlow(f: Flow): DataAsset[] {
    return f.data.flatMap((id) => this.dataById.get(id) ?? []);
  }

  dataOfAsset(a: TechnicalAsset): DataAsset[] {
    return [...new Set([...a.stores, ...a.processes])].flatMap((id) => this.dataById.get(id) ?? []);
  }

  /** Data at rest in the asset; a datastore holds what it processes as well. */
  storedData(a: TechnicalAsset): DataAsset[] {
    const ids = this.isDatastore(a) ? new Set([...a.stores, ...a.processes]) : a.stores;
    return [...ids].flatMap((id) => this.dataById.get(id) ?? []);
  }

  /** Shares a host or cluster with other workloads: declared, or containers together in a cluster or namespace zone. */
  sharesRuntime(a: TechnicalAsset): boolean {
    if (a.sharedRuntime) return true;
    const z = this.zone(a);
    if (a.runsOn !== 'container' || !z || (z.kind !== 'cluster' && z.kind !== 'namespace')) return false;
    return this.assets.some((o) => o !== a && o.zone === a.zone && o.runsOn === 'container');
  }

  /** Data at or above `confidential`, personal data or credentials. */
  sensitive(data: readonly DataAsset[]): DataAsset[] {
    return data.filter((d) => confidentialityRank(d.confidentiality) >= 2 || d.pii || d.credentials);
  }

  /** An asset worth attacking: it handles sensitive data or controls identity, secrets or builds. */
  isSensitiveAsset(a: TechnicalAsset): boolean {
    return (
      this.sensitive(this.dataOfAsset(a)).length > 0 ||
      a.kind === 'identity-provider' ||
      a.kind === 'vault' ||
      a.kind === 'build-server'
    );
  }

  isDatastore(a: TechnicalAsset): boolean {
    return DATASTORE_KINDS.has(a.kind);
  }

  has(a: TechnicalAsset, c: Control): boolean {
    return a.controls.includes(c);
  }

  /** Logs locally declared, or ships them to a monitoring asset. */
  logs(a: TechnicalAsset): boolean {
    return this.has(a, 'logging') || this.outgoing(a).some((f) => this.asset(f.to).kind === 'monitoring');
  }

  usesVault(a: TechnicalAsset): boolean {
    return a.secrets === 'vault' || this.outgoing(a).some((f) => this.asset(f.to).kind === 'vault');
  }

  /** Impact 1–3 from the most sensitive of `data` (confidentiality, integrity, credentials). */
  impactOf(data: readonly DataAsset[]): 1 | 2 | 3 {
    let best = 1;
    for (const d of data) {
      const c = confidentialityRank(d.confidentiality);
      const i = criticalityRank(d.integrity);
      const v = d.credentials ? 3 : Math.max(c <= 1 ? 1 : c, i >= 3 ? 3 : i >= 2 ? 2 : 1);
      if (v > best) best = v;
    }
    return best as 1 | 2 | 3;
  }
}
