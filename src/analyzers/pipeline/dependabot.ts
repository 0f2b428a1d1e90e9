import type { Reporter } from './report.js';
import { DEPENDABOT_HTTP_REGISTRY, DEPENDABOT_INSECURE_EXEC } from './rules-gitlab.js';
import type { YNode } from './yaml.js';
import { entry, get, items, str } from './yaml.js';

/** Checks a Dependabot configuration (`.github/dependabot.yml`, version 2). */
export function checkDependabot(rep: Reporter, root: YNode): void {
  items(get(root, 'updates')).forEach((u, i) => {
    const e = entry(u, 'insecure-external-code-execution');
    if (e && str(e.value) === 'allow') {
      const eco = str(get(u, 'package-ecosystem')) ?? `update ${i + 1}`;
      rep.add(
        DEPENDABOT_INSECURE_EXEC,
        rep.key(e.keyLine, 'insecure-external-code-execution'),
        `The ${eco} updates (${str(get(u, 'directory')) ?? '/'}) let dependency code run inside Dependabot with the registry credentials.`,
        `dbexec:${eco}:${str(get(u, 'directory')) ?? ''}`,
      );
    }
  });
  const registries = get(root, 'registries');
  if (registries?.kind !== 'map') return;
  for (const [name, r] of registries.entries) {
    const url = entry(r.value, 'url');
    const v = str(url?.value);
    if (url && v !== undefined && /^http:\/\//i.test(v.trim()))
      rep.add(
        DEPENDABOT_HTTP_REGISTRY,
        rep.find(url.keyLine, url.keyLine, v.trim()),
        `Registry ${name} is reached over plain HTTP (${v.trim()}): its credentials and packages cross the network unencrypted.`,
        `dbhttp:${name}`,
      );
  }
}
