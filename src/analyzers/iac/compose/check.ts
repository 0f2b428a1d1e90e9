import type { Reporter } from '../common.js';
import { sensitivePort } from '../common.js';
import { isLiteralSecret } from '../shell.js';
import type { YNode } from '../../../parse/yaml/tree.js';
import { entry, get, isTrue, items, str } from '../../../parse/yaml/tree.js';
import {
  COMPOSE_DOCKER_SOCKET,
  COMPOSE_NETWORK_HOST,
  COMPOSE_PORT_PUBLIC,
  COMPOSE_PRIVILEGED,
  COMPOSE_SECRET_ENV,
} from './rules.js';
import { environment, isNetworkOnlyLogin } from '../../../core/compose-network-only.js';
import { weakPasswordReason } from '../../secrets/weak-password.js';

const SOCKET = /(?:^|\/)(?:docker|containerd|crio|podman)\.sock$/;
const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

/** True when a YAML document looks like a Compose file (services with image/build). */
export function isComposeDoc(root: YNode | undefined): boolean {
  const services = get(root, 'services');
  if (services?.kind !== 'map' || get(root, 'apiVersion')) return false;
  for (const e of services.entries.values()) if (get(e.value, 'image') || get(e.value, 'build')) return true;
  return false;
}

/**
 * Checks every service of a Compose file. `keepNetworkOnly` (the opt-in audit profile, or a folder with another
 * Compose file that may publish the port) also reports a weak literal password of a login only the Compose network
 * reaches (core/compose-network-only.ts), which a default scan leaves out, as the secrets analyzer does.
 */
export function checkCompose(rep: Reporter, root: YNode, keepNetworkOnly = false): void {
  const services = get(root, 'services');
  if (services?.kind !== 'map') return;
  const reported = (line: number, value: string): boolean =>
    keepNetworkOnly || weakPasswordReason(value) === undefined || !isNetworkOnlyLogin(root, line, value);
  for (const [name, svc] of services.entries) checkService(rep, name, svc.value, reported);
}

function checkService(
  rep: Reporter,
  name: string,
  svc: YNode,
  reported: (line: number, value: string) => boolean,
): void {
  const id = `service ${name}`;
  const priv = entry(svc, 'privileged');
  if (priv && isTrue(priv.value, 'compose'))
    rep.add(COMPOSE_PRIVILEGED, priv.keyLine, `${id} is privileged.`, `${id}:privileged`);
  const net = entry(svc, 'network_mode');
  if (net && str(net.value) === 'host')
    rep.add(COMPOSE_NETWORK_HOST, net.keyLine, `${id} uses network_mode: host.`, `${id}:net`);

  for (const v of items(get(svc, 'volumes'))) {
    const source = v.kind === 'map' ? str(get(v, 'source')) : str(v)?.split(':')[0];
    if (source && SOCKET.test(source))
      rep.add(
        COMPOSE_DOCKER_SOCKET,
        entry(v, 'source')?.keyLine ?? v.line,
        `${id} mounts ${source}.`,
        `${id}:sock:${source}`,
      );
  }

  for (const p of items(get(svc, 'ports'))) {
    let host: string;
    let target: number;
    if (p.kind === 'map') {
      host = str(get(p, 'host_ip')) ?? '';
      target = Number(str(get(p, 'target')));
      if (get(p, 'published') === undefined) continue;
    } else {
      const spec = str(p);
      if (spec === undefined) continue;
      const parts = spec.replace(/\/(?:tcp|udp)$/, '').split(':');
      if (parts.length < 2) continue; // a container port alone is published on a random high port
      target = Number(parts.at(-1)!.split('-')[0]);
      host = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
    }
    const svcName = sensitivePort(target);
    if (svcName && ALL_INTERFACES.has(host)) {
      rep.add(
        COMPOSE_PORT_PUBLIC,
        p.line,
        `${id} publishes ${target} (${svcName}) on all interfaces.`,
        `${id}:port:${target}`,
      );
    }
  }

  for (const { key, value, line } of environment(svc))
    if (isLiteralSecret(key, value) && reported(line, value))
      rep.add(COMPOSE_SECRET_ENV, line, `${id} sets ${key} to a literal credential.`, `${id}:env:${key}`, {
        secret: value,
      });
}
