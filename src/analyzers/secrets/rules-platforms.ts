import { keywordRules, namedAsIdentifier, tokenRules } from './define.js';
import { UUID, assigned } from './patterns.js';
import type { SecretRule } from './types.js';
import { secretRule } from './types.js';

/** Hosting and infrastructure platforms: DigitalOcean, Heroku, Alibaba, Tencent, Cloudflare, HashiCorp, … */
export const PLATFORM_RULES: SecretRule[] = [
  ...tokenRules('DigitalOcean', [
    [
      'digitalocean-pat',
      'DigitalOcean personal access token',
      'dop_v1_[a-f0-9]{64}',
      'dop_v1_<<hex:64>>',
      'dop_v1_<<hex:10>>',
      { severity: 'critical' },
    ],
    [
      'digitalocean-oauth-token',
      'DigitalOcean OAuth access token',
      'doo_v1_[a-f0-9]{64}',
      'doo_v1_<<hex:64>>',
      'doo_v1_<<hex:10>>',
    ],
    [
      'digitalocean-refresh-token',
      'DigitalOcean OAuth refresh token',
      'dor_v1_[a-f0-9]{64}',
      'dor_v1_<<hex:64>>',
      'dor_v1_<<hex:10>>',
    ],
  ]),
  ...tokenRules('Heroku', [
    [
      'heroku-api-key-v2',
      'Heroku API key',
      'HRKU-AA[0-9A-Za-z_-]{58}',
      'HRKU-AA<<url:58>>',
      'HRKU-AA<<url:8>>',
      { severity: 'critical' },
    ],
  ]),
  secretRule({
    id: 'heroku-api-key',
    title: 'Heroku API key (legacy)',
    provider: 'Heroku',
    pattern: assigned('heroku', UUID),
    severity: 'critical',
    // Heroku's own identifiers are UUIDs too: the app, dyno and CI run ids it sets in the environment.
    check: (m) => (namedAsIdentifier(m, 'uuid') ? false : {}),
    examples: {
      bad: [
        'HEROKU_API_KEY=<<uuid>>',
        'HEROKU_API_KEY_ID=<<uuid>>',
        "  herokuApiKeyId: '<<uuid>>',",
        "  herokuApiKey: '<<uuid>>',",
        "process.env.HEROKU_TOKEN = '<<uuid>>'",
      ],
      good: [
        'HEROKU_APP_NAME=my-app',
        "process.env.HEROKU_TEST_RUN_ID = '<<uuid>>'",
        'HEROKU_APP_ID=<<uuid>>',
        "  herokuDynoId: '<<uuid>>',",
      ],
    },
  }),
  ...tokenRules('Alibaba Cloud', [
    [
      'alibaba-access-key-id',
      'Alibaba Cloud AccessKey ID',
      'LTAI[A-Za-z0-9]{20}',
      'LTAI<<a62:20>>',
      'LTAI<<a62:6>>',
    ],
  ]),
  ...keywordRules('Alibaba Cloud', [
    [
      'alibaba-secret-key',
      'Alibaba Cloud AccessKey secret',
      'alibaba|aliyun|alicloud',
      '[A-Za-z0-9]{30}',
      '<<a62:30>>',
      { severity: 'critical' },
    ],
  ]),
  ...tokenRules('Tencent Cloud', [
    ['tencent-secret-id', 'Tencent Cloud SecretId', 'AKID[A-Za-z0-9]{32}', 'AKID<<a62:32>>', 'AKID<<a62:8>>'],
  ]),
  ...tokenRules('Cloudflare', [
    [
      'cloudflare-origin-ca-key',
      'Cloudflare Origin CA key',
      'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}',
      'v1.0-<<hex:24>>-<<hex:146>>',
      'v1.0-<<hex:24>>-<<hex:10>>',
    ],
  ]),
  ...keywordRules('Cloudflare', [
    [
      'cloudflare-api-token',
      'Cloudflare API token',
      'cloudflare|\\bcf[_-]api',
      '[A-Za-z0-9_-]{40}',
      '<<url:40>>',
    ],
    [
      'cloudflare-global-api-key',
      'Cloudflare global API key',
      'cloudflare|\\bcf[_-]',
      '[a-f0-9]{37}',
      '<<hex:37>>',
      { severity: 'critical' },
    ],
  ]),
  ...tokenRules('HashiCorp', [
    [
      'vault-service-token',
      'HashiCorp Vault token',
      'hv[sb]\\.[A-Za-z0-9_-]{90,}',
      'hvs.<<url:95>>',
      'hvs.<<url:10>>',
      { prefilter: 'hvs\\.|hvb\\.', severity: 'critical' },
    ],
    [
      'terraform-cloud-token',
      'Terraform Cloud / Enterprise API token',
      '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}',
      '<<a62:14>>.atlasv1.<<url:67>>',
      '<<a62:14>>.atlasv1.<<a62:8>>',
      { prefilter: '\\.atlasv1\\.' },
    ],
  ]),
  ...tokenRules('Pulumi', [
    ['pulumi-access-token', 'Pulumi access token', 'pul-[a-f0-9]{40}', 'pul-<<hex:40>>', 'pul-<<hex:8>>'],
  ]),
  ...tokenRules('Doppler', [
    [
      'doppler-token',
      'Doppler service token',
      'dp\\.(?:pt|st|ct|scim|audit)\\.[A-Za-z0-9]{40,44}',
      'dp.pt.<<a62:43>>',
      'dp.pt.<<a62:8>>',
    ],
  ]),
  ...tokenRules('Fly.io', [
    ['flyio-access-token', 'Fly.io access token', 'fo1_[A-Za-z0-9_-]{43}', 'fo1_<<url:43>>', 'fo1_<<url:8>>'],
  ]),
  ...tokenRules('Supabase', [
    [
      'supabase-access-token',
      'Supabase personal access token',
      'sbp_[a-f0-9]{40}',
      'sbp_<<hex:40>>',
      'sbp_<<hex:8>>',
    ],
    [
      'supabase-secret-key',
      'Supabase secret API key',
      'sb_secret_[A-Za-z0-9_-]{31}',
      'sb_secret_<<url:31>>',
      'sb_secret_<<url:8>>',
    ],
  ]),
  ...tokenRules('PlanetScale', [
    [
      'planetscale-token',
      'PlanetScale service token or password',
      'pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}',
      'pscale_pw_<<url:43>>',
      'pscale_pw_<<url:8>>',
    ],
  ]),
  ...tokenRules('Databricks', [
    [
      'databricks-token',
      'Databricks personal access token',
      'dapi[a-f0-9]{32}(?:-\\d)?',
      'dapi<<hex:32>>',
      'dapi<<hex:8>>',
    ],
  ]),
  ...tokenRules('Render', [
    ['render-api-key', 'Render API key', 'rnd_[A-Za-z0-9]{32}', 'rnd_<<a62:32>>', 'rnd_<<a62:8>>'],
  ]),
  ...keywordRules('Scaleway', [
    ['scaleway-secret-key', 'Scaleway secret key', 'scw|scaleway', UUID, '<<uuid>>'],
  ]),
  ...keywordRules('Linode', [
    ['linode-token', 'Linode personal access token', 'linode', '[a-f0-9]{64}', '<<hex:64>>'],
  ]),
  ...tokenRules('Age', [
    [
      'age-secret-key',
      'age encryption secret key',
      'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
      'AGE-SECRET-KEY-1<<bech:58>>',
      'AGE-SECRET-KEY-1<<bech:10>>',
      { severity: 'critical' },
    ],
  ]),
];
