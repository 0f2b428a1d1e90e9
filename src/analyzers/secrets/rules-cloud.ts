import { keywordRules, tokenRules } from './define.js';
import { END64, UUID, assigned } from './patterns.js';
import type { SecretRule } from './types.js';
import { vendorClientKeyVerdict } from './vendor-client-keys.js';
import { presignedVerdict } from './spent-token.js';
import { secretRule } from './types.js';

/** Cloud providers: AWS, Google Cloud, Azure. */
export const CLOUD_RULES: SecretRule[] = [
  secretRule({
    id: 'aws-access-key',
    title: 'AWS access key ID',
    provider: 'AWS',
    pattern: '\\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\\b',
    prefilter: 'AKIA|ASIA|ABIA|ACCA|A3T',
    // Six equal characters in a row never occur in real key ids; they do in hand-made test values.
    check: (m) => (/(.)\1{5}/.test(m.secret.slice(4)) ? false : presignedVerdict(m.line, m.secret)),
    severity: 'critical',
    confidence: 'high',
    examples: {
      bad: [
        'aws_access_key_id = AKIA<<b32:16>>',
        'export AWS_ACCESS_KEY_ID="ASIA<<b32:16>>"',
        // A pre-signed URL still valid (2099): reported, lowered (presignedVerdict).
        'Location: https://b.s3.amazonaws.com/f?X-Amz-Credential=AKIA<<b32:16>>%2F20990101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20990101T000000Z&X-Amz-Expires=300&X-Amz-Signature=<<hex:64>>',
      ],
      good: [
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        'AKIA<<b32:8>>',
        'key = AKIAZZZZZZ<<b32:10>>',
        // A pre-signed URL that expired in 2021: its key id opens nothing.
        'Location: https://b.s3.amazonaws.com/f?X-Amz-Credential=AKIA<<b32:16>>%2F20210609%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20210609T090321Z&X-Amz-Expires=300&X-Amz-Signature=<<hex:64>>',
        'https://b.s3.amazonaws.com/f?AWSAccessKeyId=AKIA<<b32:16>>&Expires=1600000000&Signature=<<b64:28>>',
      ],
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
    [
      'gcp-api-key',
      'Google Cloud API key',
      'AIza[0-9A-Za-z_-]{35}',
      'AIza<<url:35>>',
      'AIza<<url:20>>',
      {
        check: vendorClientKeyVerdict,
        // A project's own key calling a Google API, in a link or under a name of its own.
        moreBad: [
          "search_url = 'https://www.googleapis.com/youtube/v3/search?part=snippet&key=AIza<<url:35>>'",
          'YOUTUBE_API_KEY = "AIza<<url:35>>"',
          // The same query on another line than a Chat space's path, and another API's messages endpoint.
          '#  see https://example.com/docs\n#       messages?key=AIza<<url:35>>&',
          "fetch('https://api.acme.io/v1/messages?key=AIza<<url:35>>')",
        ],
        // YouTube's web-client key, which every youtube.com page publishes, sent to the InnerTube endpoint.
        moreGood: [
          "next_page_url = 'https://www.youtube.com/youtubei/v1/search?key=AIza<<url:35>>'",
          '"INNERTUBE_API_KEY": "AIza<<url:35>>",',
          "ytcfg.setdefault('INNERTUBE_API_KEY', 'AIza<<url:35>>')",
          // Google Chat's key, which every incoming webhook URL carries (the token is the webhook's secret).
          "url = 'https://chat.googleapis.com/v1/spaces/AAAA<<url:7>>/messages?key=AIza<<url:35>>&token=WEBHOOK_TOKEN'",
          '#  https://chat.googleapis.com/v1/spaces/AAAA<<url:7>>/\\\n#       messages?key=AIza<<url:35>>&\\',
        ],
      },
    ],
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
];
