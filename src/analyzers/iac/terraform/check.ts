import type { AnalyzerContext, SourceFile } from '../../../core/analyzer.js';
import type { RawFinding } from '../../../core/finding.js';
import { Reporter } from '../common.js';
import { parseHcl } from '../hcl/parser.js';
import { checkData } from './check-data.js';
import { checkGovernance, checkProviders } from './check-governance.js';
import { checkFirewalls, checkListeners } from './check-network.js';
import { moduleContext } from './module-context.js';
import { resourcesOf } from './model.js';

/** Runs the Terraform rules over one .tf file, resolving variables and locals of its folder. */
export async function checkTerraform(file: SourceFile, ctx: AnalyzerContext): Promise<RawFinding[]> {
  const parsed = parseHcl(file.text);
  const resources = resourcesOf(parsed);
  const providers = parsed.body.blocks.filter((b) => b.type === 'provider');
  if (resources.length === 0 && providers.length === 0) return [];
  const mod = await moduleContext(file.path, parsed, ctx);
  const rep = new Reporter(file);
  for (const r of resources) {
    if (r.kind === 'resource') {
      checkFirewalls(rep, r, mod);
      checkListeners(rep, r, mod);
      checkData(rep, r, mod);
    }
    checkGovernance(rep, r, mod);
  }
  checkProviders(rep, providers, mod);
  return rep.findings;
}
