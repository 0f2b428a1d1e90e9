import { SecretEngine } from './engine.js';
import { SECRET_RULES } from './rules.js';
import type { Detection } from './engine.js';

/** Test material: the built-in secret rules run over one text as the file at `path` (name and extension from it). */
const engine = new SecretEngine(SECRET_RULES);

export function scanText(text: string, path: string, productNames: string[] = []): Detection[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  return engine.scan(Buffer.from(text), { path, name, ext, productNames });
}
