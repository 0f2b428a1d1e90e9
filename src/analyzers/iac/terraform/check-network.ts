import type { HclBody } from '../hcl/ast.js';
import type { HclValue } from '../hcl/eval.js';
import type { Reporter } from '../common.js';
import { describePorts, sensitivePortsIn } from '../common.js';
import type { Attr, TfModule, TfResource } from './model.js';
import { attr, child, isOff, nested, nestedOrList, strings, text } from './model.js';
import { TF_LB_HTTP, TF_OLD_TLS, TF_SG_OPEN } from './rules.js';

const WORLD = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any', '0.0.0.0']);
const ALL_PROTOCOLS = new Set(['-1', 'all', '*']);

function num(v: HclValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d{1,5}$/.test(v)) return Number(v);
  return undefined;
}

/** Sensitive ports covered by a port spec such as 22, "22", "1000-2000", "*". */
function portsOf(spec: HclValue | undefined): number[] | undefined {
  if (spec === undefined) return undefined;
  if (spec === '*') return sensitivePortsIn(0, 65535);
  const n = num(spec);
  if (n !== undefined) return sensitivePortsIn(n, n);
  if (typeof spec === 'string') {
    const m = /^(\d{1,5})-(\d{1,5})$/.exec(spec.trim());
    return m ? sensitivePortsIn(Number(m[1]), Number(m[2])) : undefined;
  }
  return undefined;
}

function report(rep: Reporter, r: TfResource, src: Attr, ports: number[], where: string): void {
  if (ports.length === 0) return;
  const shown = ports.length > 6 ? `${describePorts(ports.slice(0, 6))}, …` : describePorts(ports);
  rep.add(
    TF_SG_OPEN,
    src.line,
    `${r.address}${where} admits ${strings(src.value).filter((c) => WORLD.has(c.toLowerCase()))[0] ?? 'the internet'} to ${shown}.`,
    `${r.address}${where}:${ports.join(',')}`,
  );
}

function openSource(...attrs: (Attr | undefined)[]): Attr | undefined {
  return attrs.find((a) => a && strings(a.value).some((c) => WORLD.has(c.toLowerCase())));
}

/** AWS security groups and rules, GCP firewalls, Azure network security rules. */
export function checkFirewalls(rep: Reporter, r: TfResource, mod: TfModule): void {
  const s = mod.scope;
  const b = r.block.body;
  const awsRule = (
    body: HclBody,
    where: string,
    cidrs: string[],
    fromKey: string,
    toKey: string,
    protoKey: string,
  ): void => {
    const src = openSource(...cidrs.map((c) => attr(body, c, s)));
    if (!src) return;
    const proto = text(attr(body, protoKey, s)?.value);
    if (ALL_PROTOCOLS.has(proto.toLowerCase())) return report(rep, r, src, sensitivePortsIn(0, 65535), where);
    const from = num(attr(body, fromKey, s)?.value);
    const to = num(attr(body, toKey, s)?.value) ?? from;
    if (from === undefined || to === undefined) return;
    report(rep, r, src, from === 0 && to === 0 ? [] : sensitivePortsIn(from, to), where);
  };
  switch (r.type) {
    case 'aws_security_group':
      for (const ing of nestedOrList(b, 'ingress', s)) {
        awsRule(
          ing.body,
          ` ingress (line ${ing.line})`,
          ['cidr_blocks', 'ipv6_cidr_blocks'],
          'from_port',
          'to_port',
          'protocol',
        );
      }
      break;
    case 'aws_security_group_rule':
      if (attr(b, 'type', s)?.value === 'ingress')
        awsRule(b, '', ['cidr_blocks', 'ipv6_cidr_blocks'], 'from_port', 'to_port', 'protocol');
      break;
    case 'aws_vpc_security_group_ingress_rule':
      awsRule(b, '', ['cidr_ipv4', 'cidr_ipv6'], 'from_port', 'to_port', 'ip_protocol');
      break;
    case 'google_compute_firewall': {
      const dir = attr(b, 'direction', s)?.value;
      if (dir !== undefined && dir !== 'INGRESS') return;
      const src = openSource(attr(b, 'source_ranges', s));
      if (!src) return;
      const ports = new Set<number>();
      for (const allow of nested(b, 'allow')) {
        const list = attr(allow.body, 'ports', s);
        if (!list) sensitivePortsIn(0, 65535).forEach((p) => ports.add(p));
        else if (Array.isArray(list.value))
          for (const p of list.value) portsOf(p)?.forEach((x) => ports.add(x));
      }
      report(
        rep,
        r,
        src,
        [...ports].sort((x, y) => x - y),
        '',
      );
      break;
    }
    case 'azurerm_network_security_rule':
      azureRule(rep, r, b, mod, '');
      break;
    case 'azurerm_network_security_group':
      for (const sr of nested(b, 'security_rule'))
        azureRule(rep, r, sr.body, mod, ` security_rule (line ${sr.line})`);
      break;
    default:
      break;
  }
}

function azureRule(rep: Reporter, r: TfResource, body: HclBody, mod: TfModule, where: string): void {
  const s = mod.scope;
  if (text(attr(body, 'direction', s)?.value).toLowerCase() !== 'inbound') return;
  if (text(attr(body, 'access', s)?.value).toLowerCase() !== 'allow') return;
  const src = openSource(attr(body, 'source_address_prefix', s), attr(body, 'source_address_prefixes', s));
  if (!src) return;
  const ports = new Set<number>();
  const single = attr(body, 'destination_port_range', s)?.value;
  portsOf(single)?.forEach((p) => ports.add(p));
  for (const p of strings(attr(body, 'destination_port_ranges', s)?.value))
    portsOf(p)?.forEach((x) => ports.add(x));
  report(
    rep,
    r,
    src,
    [...ports].sort((x, y) => x - y),
    where,
  );
}

const OLD_AWS_POLICIES =
  /^ELBSecurityPolicy-(?:2015-05|2016-08|TLS-1-0-2015-04|TLS-1-1-2017-01|FS-2018-06|FS-1-1-2019-08|TLS13-1-[01]-\d{4}-\d{2})$/;
const OLD_TLS_VALUES =
  /^(?:SSLv3|TLSv1|TLSv1_2016|TLSv1\.1_2016|TLS1_0|TLS1_1|TLS_1_0|TLS_1_1|1\.0|1\.1|Policy-Min-TLS-1-0-2019-07)$/;

/** Plain-HTTP listeners and outdated TLS policies (AWS, Azure, GCP). */
export function checkListeners(rep: Reporter, r: TfResource, mod: TfModule): void {
  const s = mod.scope;
  const b = r.block.body;
  const oldTls = (a: Attr | undefined, what: string): void => {
    if (
      a &&
      typeof a.value === 'string' &&
      (OLD_TLS_VALUES.test(a.value) || (what === 'ssl_policy' && OLD_AWS_POLICIES.test(a.value)))
    ) {
      rep.add(
        TF_OLD_TLS,
        a.line,
        `${r.address} uses ${what} ${a.value}, which allows TLS older than 1.2.`,
        `${r.address}:${what}`,
      );
    }
  };
  switch (r.type) {
    case 'aws_lb_listener':
    case 'aws_alb_listener': {
      const proto = attr(b, 'protocol', s);
      if (proto?.value === 'HTTP') {
        const redirects = nested(b, 'default_action').some(
          (a) =>
            attr(a.body, 'type', s)?.value === 'redirect' &&
            (text(attr(child(a.body, 'redirect')?.body, 'protocol', s)?.value) || 'HTTPS') === 'HTTPS',
        );
        if (!redirects)
          rep.add(
            TF_LB_HTTP,
            proto.line,
            `${r.address} listens on plain HTTP without redirecting to HTTPS.`,
            `${r.address}:http`,
          );
      }
      oldTls(attr(b, 'ssl_policy', s), 'ssl_policy');
      break;
    }
    case 'aws_elb':
      for (const l of nested(b, 'listener')) {
        const p = attr(l.body, 'lb_protocol', s);
        if (typeof p?.value === 'string' && p.value.toLowerCase() === 'http') {
          rep.add(
            TF_LB_HTTP,
            p.line,
            `${r.address} has a plain-HTTP listener.`,
            `${r.address}:http:${text(attr(l.body, 'lb_port', s)?.value)}`,
          );
        }
      }
      break;
    case 'aws_cloudfront_distribution': {
      for (const cb of [...nested(b, 'default_cache_behavior'), ...nested(b, 'ordered_cache_behavior')]) {
        const v = attr(cb.body, 'viewer_protocol_policy', s);
        if (v?.value === 'allow-all')
          rep.add(
            TF_LB_HTTP,
            v.line,
            `${r.address} serves viewers over plain HTTP (allow-all).`,
            `${r.address}:vpp:${cb.line}`,
          );
      }
      const vc = child(b, 'viewer_certificate');
      oldTls(attr(vc?.body, 'minimum_protocol_version', s), 'minimum_protocol_version');
      break;
    }
    case 'aws_api_gateway_domain_name':
      oldTls(attr(b, 'security_policy', s), 'security_policy');
      break;
    case 'aws_elasticsearch_domain':
    case 'aws_opensearch_domain': {
      const dep = child(b, 'domain_endpoint_options');
      oldTls(attr(dep?.body, 'tls_security_policy', s), 'tls_security_policy');
      const https = attr(dep?.body, 'enforce_https', s);
      if (https && isOff(https.value))
        rep.add(
          TF_LB_HTTP,
          https.line,
          `${r.address} accepts plain HTTP (enforce_https = false).`,
          `${r.address}:https`,
        );
      break;
    }
    case 'azurerm_storage_account':
    case 'azurerm_mssql_server':
    case 'azurerm_redis_cache':
      oldTls(
        attr(b, r.type === 'azurerm_redis_cache' ? 'minimum_tls_version' : 'min_tls_version', s),
        'min_tls_version',
      );
      break;
    case 'azurerm_app_service':
    case 'azurerm_linux_web_app':
    case 'azurerm_windows_web_app':
    case 'azurerm_function_app':
    case 'azurerm_linux_function_app':
    case 'azurerm_windows_function_app': {
      const https = attr(b, 'https_only', s);
      if (!https || isOff(https.value))
        rep.add(
          TF_LB_HTTP,
          https?.line ?? r.block.line,
          `${r.address} does not set https_only = true.`,
          `${r.address}:https_only`,
        );
      oldTls(
        attr(child(b, 'site_config')?.body, 'minimum_tls_version', s) ??
          attr(child(b, 'site_config')?.body, 'min_tls_version', s),
        'min_tls_version',
      );
      break;
    }
    case 'google_compute_ssl_policy':
      oldTls(attr(b, 'min_tls_version', s), 'min_tls_version');
      break;
    default:
      break;
  }
}
