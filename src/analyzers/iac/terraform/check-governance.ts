import type { Reporter } from '../common.js';
import { evaluate } from '../hcl/eval.js';
import { isLiteralSecret } from '../shell.js';
import type { TfModule, TfResource } from './model.js';
import { attr, child, isOff, nested, text } from './model.js';
import type { Statement } from './policy.js';
import { documentStatements, policyStatements } from './policy.js';
import {
  TF_CLOUDTRAIL,
  TF_FLOW_LOGS,
  TF_IAM_WILDCARD,
  TF_IMDSV1,
  TF_KMS_ROTATION,
  TF_LB_LOGS,
  TF_PUBLIC_BUCKET,
  TF_S3_LOGGING,
  TF_PROVIDER_CREDS,
} from './rules.js';

const POLICY_TYPES = new Set([
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_s3_bucket_policy',
]);

function isAdmin(st: Statement): boolean {
  return (
    st.effect === 'Allow' && st.actions.some((a) => a === '*' || a === '*:*') && st.resources.includes('*')
  );
}

/** IAM wildcards, public bucket policies, audit logging, key rotation, instance metadata. */
export function checkGovernance(rep: Reporter, r: TfResource, mod: TfModule): void {
  const s = mod.scope;
  const b = r.block.body;
  const a = (name: string) => attr(b, name, s);

  let statements: Statement[] = [];
  if (r.kind === 'data' && r.type === 'aws_iam_policy_document') statements = documentStatements(b, s);
  else if (r.kind === 'resource' && POLICY_TYPES.has(r.type) && b.attributes.get('policy'))
    statements = policyStatements(b.attributes.get('policy')!.expr, s);
  for (const st of statements) {
    if (isAdmin(st))
      rep.add(
        TF_IAM_WILDCARD,
        st.actionLine,
        `${r.address} allows "*" actions on "*" resources.`,
        `${r.address}:admin`,
      );
    if (
      r.type === 'aws_s3_bucket_policy' &&
      st.effect === 'Allow' &&
      st.publicPrincipal &&
      !st.hasCondition
    ) {
      rep.add(
        TF_PUBLIC_BUCKET,
        st.principalLine,
        `${r.address} allows any principal ("*") without a condition.`,
        `${r.address}:principal`,
      );
    }
  }
  if (r.type === 'azurerm_role_definition') {
    for (const p of nested(b, 'permissions')) {
      const acts = attr(p.body, 'actions', s);
      if (acts && Array.isArray(acts.value) && acts.value.includes('*')) {
        rep.add(TF_IAM_WILDCARD, acts.line, `${r.address} grants every action ("*").`, `${r.address}:admin`);
      }
    }
  }

  if (r.kind !== 'resource') return;
  switch (r.type) {
    case 'aws_cloudtrail': {
      const on = a('enable_logging');
      if (on && isOff(on.value))
        rep.add(TF_CLOUDTRAIL, on.line, `${r.address} sets enable_logging = false.`, `${r.address}:logging`);
      const val = a('enable_log_file_validation');
      if (!val || isOff(val.value)) {
        rep.add(
          TF_CLOUDTRAIL,
          val?.line ?? r.block.line,
          `${r.address} does not enable log file validation.`,
          `${r.address}:validation`,
          { severity: 'medium' },
        );
      }
      break;
    }
    case 'aws_s3_bucket': {
      if (child(b, 'logging') || /log/i.test(r.name) || /log/i.test(text(a('bucket')?.value))) break;
      if (!(mod.textByType.get('aws_s3_bucket_logging') ?? '').includes(`${r.address}.`)) {
        rep.add(
          TF_S3_LOGGING,
          r.block.line,
          `${r.address} has no access logging configured.`,
          `${r.address}:logging`,
        );
      }
      break;
    }
    case 'aws_vpc':
      if (!(mod.textByType.get('aws_flow_log') ?? '').includes(`${r.address}.`)) {
        rep.add(
          TF_FLOW_LOGS,
          r.block.line,
          `${r.address} has no aws_flow_log in this module.`,
          `${r.address}:flowlogs`,
        );
      }
      break;
    case 'google_compute_subnetwork':
      // Proxy-only and private-service-connect subnets cannot carry flow logs.
      if (!child(b, 'log_config') && !a('purpose')) {
        rep.add(
          TF_FLOW_LOGS,
          r.block.line,
          `${r.address} has no log_config (VPC flow logs).`,
          `${r.address}:flowlogs`,
        );
      }
      break;
    case 'google_compute_instance':
    case 'google_compute_instance_template': {
      const md = a('metadata');
      const legacy = md?.attr.expr.entries?.find((e) => e.key === 'disable-legacy-endpoints');
      const v = legacy ? evaluate(legacy.value, s) : undefined;
      if (legacy && (v === false || v === 'false' || v === 'FALSE')) {
        rep.add(
          TF_IMDSV1,
          legacy.keyLine,
          `${r.address} enables the legacy metadata endpoints.`,
          `${r.address}:imds`,
        );
      }
      break;
    }
    case 'aws_lb':
    case 'aws_alb':
    case 'aws_elb': {
      const logs = child(b, 'access_logs');
      const enabled = attr(logs?.body, 'enabled', s);
      if (!logs)
        rep.add(TF_LB_LOGS, r.block.line, `${r.address} has no access_logs block.`, `${r.address}:logs`);
      else if (enabled && isOff(enabled.value))
        rep.add(TF_LB_LOGS, enabled.line, `${r.address} disables access logs.`, `${r.address}:logs`);
      break;
    }
    case 'aws_kms_key': {
      const spec = a('customer_master_key_spec')?.value;
      if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') break; // asymmetric and HMAC keys cannot rotate
      const rot = a('enable_key_rotation');
      if (!rot || isOff(rot.value))
        rep.add(
          TF_KMS_ROTATION,
          rot?.line ?? r.block.line,
          `${r.address} does not enable key rotation.`,
          `${r.address}:rotation`,
        );
      break;
    }
    case 'google_kms_crypto_key':
      if (!a('rotation_period') && (!a('purpose') || a('purpose')?.value === 'ENCRYPT_DECRYPT')) {
        rep.add(
          TF_KMS_ROTATION,
          r.block.line,
          `${r.address} has no rotation_period.`,
          `${r.address}:rotation`,
        );
      }
      break;
    case 'aws_instance':
    case 'aws_launch_template':
    case 'aws_launch_configuration': {
      // Instances launched from a template take their metadata options from it (checked there).
      if (r.type === 'aws_instance' && child(b, 'launch_template')) break;
      const md = child(b, 'metadata_options');
      const endpoint = attr(md?.body, 'http_endpoint', s)?.value;
      if (endpoint === 'disabled') break;
      const tokens = attr(md?.body, 'http_tokens', s);
      if (!tokens)
        rep.add(
          TF_IMDSV1,
          md?.line ?? r.block.line,
          `${r.address} does not require IMDSv2 (http_tokens = "required").`,
          `${r.address}:imds`,
        );
      else if (tokens.value === 'optional')
        rep.add(
          TF_IMDSV1,
          tokens.line,
          `${r.address} allows IMDSv1 (http_tokens = "optional").`,
          `${r.address}:imds`,
        );
      break;
    }
    default:
      break;
  }
}

/** Credentials written into provider blocks (literal values, or variables with literal defaults). */
export function checkProviders(rep: Reporter, blocks: TfResource['block'][], mod: TfModule): void {
  for (const p of blocks) {
    const name = p.labels[0] ?? '?';
    for (const at of p.body.attributes.values()) {
      const v = attr(p.body, at.name, mod.scope)?.value;
      if (typeof v !== 'string') continue;
      const secretName =
        isLiteralSecret(at.name, v) || (at.name === 'credentials' && v.trimStart().startsWith('{'));
      if (secretName) {
        rep.add(
          TF_PROVIDER_CREDS,
          at.line,
          `provider "${name}" sets ${at.name} to a literal credential.`,
          `provider.${name}:${at.name}`,
          { secret: v },
        );
      }
    }
  }
}
