/** Facts about Compose, Kubernetes and Terraform files, by file. */
import { composeUnits, isComposeFile } from './iac-compose.js';
import { k8sUnits } from './iac-k8s.js';
import { terraformUnits } from './iac-terraform.js';
import type { IacUnit } from './iac-unit.js';

export { composeUnits, isComposeFile } from './iac-compose.js';
export { k8sUnits } from './iac-k8s.js';
export { terraformUnits } from './iac-terraform.js';
export { normName } from './iac-unit.js';
export type { Fact, FactType, IacUnit, UnitCategory } from './iac-unit.js';

/** True for files the cross-check reads: Compose, Kubernetes manifests (any YAML with kind/apiVersion), Terraform. */
export function isIacPath(name: string, ext: string): boolean {
  return ext === 'tf' || ext === 'yaml' || ext === 'yml' || isComposeFile(name);
}

/** Units of one IaC file by its name and content; non-IaC YAML gives none. */
export function iacUnits(path: string, text: string): IacUnit[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.tf')) return terraformUnits(text, path);
  if (isComposeFile(name)) return composeUnits(text, path);
  // Helm and other templated manifests are not YAML until rendered; their facts are unknown, not errors.
  if (text.includes('{{')) return [];
  if (/^\s*kind:\s*\S/m.test(text) && /^\s*apiVersion:\s*\S/m.test(text)) return k8sUnits(text, path);
  return [];
}
