import { keywordRules, tokenRules } from './define.js';
import { END64, assigned } from './patterns.js';
import type { SecretRule } from './types.js';
import { secretRule } from './types.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Cloud providers: AWS, Google Cloud, Azure, DigitalOcean, Heroku, Alibaba, Tencent, Cloudflare, … */
export const CLOUD_RULES: SecretRule[] = [
  secretRule({
    id: 'aws-access-key',
    title: 'AWS access key ID',
    provider: 'AWS',
    pattern: '\\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\\b',
    prefilter: 'AKIA|ASIA|ABIA|ACCA|A3T',
    severity: 'critical',
    confidence: 'high',
    examples: {
      bad: ['aws_access_key_id = AKIA<<b32:16>>', 'export AWS_ACCESS_KEY_ID="ASIA<<b32:16>>"'],
      good: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIA<<b32:8>>'],
    },
  }),
  secretRule({
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    prefilter: '(?i:aws[\\w.-]*(?:secret|sk)|secret[_-]?access)',
    pattern: assigned('aws[\\w.-]{0,20}(?:secret|sk)|secret[_-]?access[_-]?key', '[A-Za-z0-9/+]{40}', END64),
    severity: 'critical',
    minEntropy: 4,
    examples: {
      bad: ['aws_secret_access_key = <<b64:40>>', '"SecretAccessKey": "<<b64:40>>"'],
      good: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'aws_secret_access_key = ${AWS_SECRET}',
      ],
    },
  }),
  secretRule({
    id: 'aws-session-token',
    title: 'AWS session token',
    provider: 'AWS',
    prefilter: '(?i:aws[\\w.-]*session|security[_-]?token)',
    pattern: assigned('aws[\\w.-]{0,20}session[_-]?token|security[_-]?token', '[A-Za-z0-9/+=]{100,}', END64),
    minEntropy: 4,
    examples: {
      bad: ['aws_session_token = IQoJb3JpZ2lu<<b64:300>>'],
      good: ['aws_session_token = <<b64:20>>'],
    },
  }),
  ...tokenRules('AWS', [
    [
      'aws-mws-key',
      'Amazon MWS auth token',
      `amzn\\.mws\\.${UUID}`,
      'amzn.mws.<<uuid>>',
      'amzn.mws.<<hex:8>>',
    ],
    [
      'aws-bedrock-api-key',
      'Amazon Bedrock API key',
      'ABSK[A-Za-z0-9+/]{108,}={0,2}',
      'ABSK<<b64:120>>',
      'ABSK<<b64:20>>',
      { end: END64 },
    ],
  ]),
  ...tokenRules('Google Cloud', [
    ['gcp-api-key', 'Google Cloud API key', 'AIza[0-9A-Za-z_-]{35}', 'AIza<<url:35>>', 'AIza<<url:20>>'],
    [
      'gcp-oauth-client-secret',
      'Google OAuth client secret',
      'GOCSPX-[A-Za-z0-9_-]{28}',
      'GOCSPX-<<url:28>>',
      'GOCSPX-<<url:10>>',
    ],
    [
      'gcp-oauth-access-token',
      'Google OAuth access token',
      'ya29\\.[0-9A-Za-z_-]{30,}',
      'ya29.<<url:120>>',
      'ya29.<<url:10>>',
    ],
    [
      'gcp-oauth-refresh-token',
      'Google OAuth refresh token',
      '1//0[0-9A-Za-z_-]{40,}',
      '1//0<<url:60>>',
      '1//0<<url:10>>',
    ],
    [
      'firebase-cloud-messaging-key',
      'Firebase Cloud Messaging server key',
      'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
      'AAAA<<url:7>>:APA91b<<url:134>>',
      'AAAA<<url:7>>:<<url:20>>',
      { prefilter: ':APA91b' },
    ],
  ]),
  secretRule({
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key',
    provider: 'Google Cloud',
    pattern: '"private_key_id"\\s{0,5}:\\s{0,5}"([0-9a-f]{40})"',
    severity: 'critical',
    confidence: 'high',
    examples: {
      path: 'deploy/service-account.json',
      bad: ['{\n  "type": "service_account",\n  "project_id": "demo",\n  "private_key_id": "<<hex:40>>",\n}'],
      good: ['{ "type": "service_account", "private_key_id": "" }'],
    },
  }),
  secretRule({
    id: 'azure-storage-connection-string',
    title: 'Azure Storage connection string',
    provider: 'Azure Storage',
    pattern: `DefaultEndpointsProtocol=https?;AccountName=[a-z0-9]{3,24};AccountKey=([A-Za-z0-9+/]{86}==)${END64}`,
    severity: 'critical',
    confidence: 'high',
    examples: {
      bad: [
        '"Storage": "DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=<<b64:86>>==;EndpointSuffix=core.windows.net"',
      ],
      good: ['DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=${KEY}'],
    },
  }),
  secretRule({
    id: 'azure-cosmosdb-connection-string',
    title: 'Azure Cosmos DB connection string',
    provider: 'Azure Cosmos DB',
    pattern: `AccountEndpoint=https://[^;\\s]{1,};AccountKey=([A-Za-z0-9+/]{86}==)${END64}`,
    severity: 'critical',
    confidence: 'high',
    examples: {
      bad: ['COSMOS=AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=<<b64:86>>==;'],
      good: ['COSMOS=AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=;'],
    },
  }),
  secretRule({
    id: 'azure-storage-account-key',
    title: 'Azure Storage account key',
    provider: 'Azure Storage',
    pattern: assigned('account[_-]?key|storage[_-]?key|azure[_-]?key', '[A-Za-z0-9+/]{86}==', END64),
    severity: 'critical',
    minEntropy: 4,
    examples: { bad: ['AZURE_STORAGE_KEY=<<b64:86>>=='], good: ['AZURE_STORAGE_KEY=<<b64:20>>=='] },
  }),
  secretRule({
    id: 'azure-service-bus-connection-string',
    title: 'Azure Service Bus / Event Hubs connection string',
    provider: 'Azure Service Bus',
    pattern: `Endpoint=sb://[^;\\s]{1,};SharedAccessKeyName=[^;\\s]{1,};SharedAccessKey=([A-Za-z0-9+/]{43}=)${END64}`,
    confidence: 'high',
    examples: {
      bad: [
        'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<<b64:43>>=',
      ],
      good: ['Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>'],
    },
  }),
  secretRule({
    id: 'azure-app-configuration-connection-string',
    title: 'Azure App Configuration connection string',
    provider: 'Azure App Configuration',
    pattern: `Endpoint=https://[a-z0-9-]{1,60}\\.azconfig\\.io;Id=[^;\\s]{1,60};Secret=([A-Za-z0-9+/]{43}=)${END64}`,
    confidence: 'high',
    examples: {
      bad: ['Endpoint=https://acme.azconfig.io;Id=<<a62:8>>;Secret=<<b64:43>>='],
      good: ['Endpoint=https://acme.azconfig.io;Id=x;Secret=${SECRET}'],
    },
  }),
  secretRule({
    id: 'azure-sas-token',
    title: 'Azure shared access signature',
    provider: 'Azure Storage',
    prefilter: 'sig=',
    pattern: `sv=\\d{4}-\\d{2}-\\d{2}&[^\\s"']{0,}?sig=([A-Za-z0-9%+/]{40,})`,
    examples: {
      bad: [
        'url = "https://acme.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=<<b64:43>>%3D"',
      ],
      good: ['url = "https://acme.blob.core.windows.net/c?sv=2022-11-02&sig="'],
    },
  }),
  secretRule({
    id: 'azure-ad-client-secret',
    title: 'Azure AD (Entra ID) client secret',
    provider: 'Microsoft Entra ID',
    pattern: `(?:^|[\\s'"=:;,(])([A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?:$|[^A-Za-z0-9_~.-])`,
    prefilter: 'Q~',
    severity: 'critical',
    confidence: 'high',
    minEntropy: 3,
    examples: {
      bad: ['AZURE_CLIENT_SECRET=<<a62:3>>8Q~<<a62:34>>'],
      good: ['AZURE_CLIENT_SECRET=<<a62:3>>8Q~<<a62:5>>'],
    },
  }),
  ...keywordRules('Azure DevOps', [
    [
      'azure-devops-pat',
      'Azure DevOps personal access token',
      'azure[_-]?devops|\\bado[_-]|vsts|azdo',
      '[a-z0-9]{52}|[A-Za-z0-9]{84}',
      '<<low:52>>',
    ],
  ]),
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
    examples: { bad: ['HEROKU_API_KEY=<<uuid>>'], good: ['HEROKU_APP_NAME=my-app'] },
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
