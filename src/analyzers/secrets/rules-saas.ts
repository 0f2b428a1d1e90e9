import { keywordRules, tokenRules } from './define.js';
import { algoliaSearchKeyVerdict } from './algolia-search-key.js';
import { END64 } from './patterns.js';
import type { SecretRule } from './types.js';

/** CI, observability and developer SaaS: SonarQube, CircleCI, Sentry, New Relic, Grafana, Datadog, Okta, … */
export const SAAS_RULES: SecretRule[] = [
  ...tokenRules('SonarQube', [
    [
      'sonarqube-token',
      'SonarQube token',
      'sq[upa]_[a-f0-9]{40}',
      'squ_<<hex:40>>',
      'squ_<<hex:8>>',
      { prefilter: 'squ_|sqp_|sqa_' },
    ],
  ]),
  ...tokenRules('CircleCI', [
    [
      'circleci-pat',
      'CircleCI personal API token',
      'CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}',
      'CCIPAT_<<a62:22>>_<<hex:40>>',
      'CCIPAT_<<a62:8>>',
    ],
  ]),
  ...tokenRules('Buildkite', [
    [
      'buildkite-token',
      'Buildkite API access token',
      'bkua_[a-f0-9]{40}',
      'bkua_<<hex:40>>',
      'bkua_<<hex:8>>',
    ],
  ]),
  ...tokenRules('Octopus Deploy', [
    ['octopus-deploy-api-key', 'Octopus Deploy API key', 'API-[A-Z0-9]{26}', 'API-<<up:26>>', 'API-<<up:8>>'],
  ]),
  ...tokenRules('Harness', [
    [
      'harness-pat',
      'Harness access token',
      'pat\\.[A-Za-z0-9_-]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}',
      'pat.<<url:22>>.<<hex:24>>.<<a62:20>>',
      'pat.<<url:22>>',
    ],
  ]),
  ...tokenRules('Prefect', [
    ['prefect-api-token', 'Prefect API token', 'pnu_[A-Za-z0-9]{36}', 'pnu_<<a62:36>>', 'pnu_<<a62:8>>'],
  ]),
  ...tokenRules('ReadMe', [
    ['readme-api-token', 'ReadMe API token', 'rdme_[a-z0-9]{70}', 'rdme_<<low:70>>', 'rdme_<<low:8>>'],
  ]),
  ...tokenRules('Sentry', [
    [
      'sentry-org-token',
      'Sentry organization auth token',
      'sntrys_eyJ[A-Za-z0-9+/=_-]{60,}',
      'sntrys_eyJ<<b64:120>>',
      'sntrys_eyJ<<b64:8>>',
      { end: END64 },
    ],
    [
      'sentry-user-token',
      'Sentry user auth token',
      'sntryu_[a-f0-9]{64}',
      'sntryu_<<hex:64>>',
      'sntryu_<<hex:8>>',
    ],
  ]),
  ...tokenRules('New Relic', [
    [
      'newrelic-user-api-key',
      'New Relic user API key',
      'NRAK-[A-Z0-9]{27}',
      'NRAK-<<up:27>>',
      'NRAK-<<up:8>>',
    ],
    [
      'newrelic-insert-key',
      'New Relic insights insert key',
      'NRII-[A-Za-z0-9_-]{32}',
      'NRII-<<url:32>>',
      'NRII-<<url:8>>',
    ],
    [
      'newrelic-browser-key',
      'New Relic browser API key',
      'NRJS-[a-f0-9]{19}',
      'NRJS-<<hex:19>>',
      'NRJS-<<hex:8>>',
      { severity: 'medium' },
    ],
  ]),
  ...tokenRules('Grafana', [
    [
      'grafana-cloud-token',
      'Grafana Cloud API token',
      'glc_[A-Za-z0-9+/]{32,}={0,2}',
      'glc_<<b64:80>>',
      'glc_<<b64:8>>',
      { end: END64 },
    ],
    [
      'grafana-service-account-token',
      'Grafana service account token',
      'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}',
      'glsa_<<a62:32>>_<<hex:8>>',
      'glsa_<<a62:8>>',
    ],
  ]),
  ...tokenRules('Dynatrace', [
    [
      'dynatrace-api-token',
      'Dynatrace API token',
      'dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}',
      'dt0c01.<<up:24>>.<<up:64>>',
      'dt0c01.<<up:24>>',
    ],
  ]),
  ...tokenRules('Postman', [
    [
      'postman-api-key',
      'Postman API key',
      'PMAK-[a-f0-9]{24}-[a-f0-9]{34}',
      'PMAK-<<hex:24>>-<<hex:34>>',
      'PMAK-<<hex:24>>',
    ],
  ]),
  ...tokenRules('Linear', [
    [
      'linear-api-key',
      'Linear API key',
      'lin_api_[A-Za-z0-9]{40}',
      'lin_api_<<a62:40>>',
      'lin_api_<<a62:8>>',
    ],
  ]),
  ...tokenRules('Notion', [
    [
      'notion-token',
      'Notion integration token',
      '(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})',
      'ntn_<<dig:11>><<a62:35>>',
      'ntn_<<dig:4>>',
      { prefilter: 'secret_|ntn_' },
    ],
  ]),
  ...tokenRules('Airtable', [
    [
      'airtable-pat',
      'Airtable personal access token',
      'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}',
      'pat<<a62:14>>.<<hex:64>>',
      'pat<<a62:14>>.',
      { prefilter: 'pat[A-Za-z0-9]{14}\\.' },
    ],
  ]),
  ...tokenRules('Figma', [
    [
      'figma-pat',
      'Figma personal access token',
      'figd_[A-Za-z0-9_-]{40}',
      'figd_<<url:40>>',
      'figd_<<url:8>>',
    ],
  ]),
  ...tokenRules('1Password', [
    [
      'onepassword-service-account-token',
      '1Password service account token',
      'ops_eyJ[A-Za-z0-9+/=]{250,}',
      'ops_eyJ<<b64:300>>',
      'ops_eyJ<<b64:8>>',
      { severity: 'critical', end: END64 },
    ],
  ]),
  ...tokenRules('Mapbox', [
    [
      'mapbox-secret-token',
      'Mapbox secret access token',
      'sk\\.eyJ[A-Za-z0-9_-]{50,}\\.[A-Za-z0-9_-]{20,}',
      'sk.eyJ<<url:80>>.<<url:22>>',
      'pk.eyJ<<url:80>>.<<url:22>>',
    ],
  ]),
  ...tokenRules('Contentful', [
    [
      'contentful-pat',
      'Contentful personal access token',
      'CFPAT-[A-Za-z0-9_-]{43}',
      'CFPAT-<<url:43>>',
      'CFPAT-<<url:8>>',
    ],
  ]),
  ...tokenRules('Typeform', [
    [
      'typeform-pat',
      'Typeform personal access token',
      'tfp_[A-Za-z0-9_.=-]{59}',
      'tfp_<<url:59>>',
      'tfp_<<url:8>>',
    ],
  ]),
  ...tokenRules('Frame.io', [
    [
      'frameio-token',
      'Frame.io API token',
      'fio-u-[A-Za-z0-9_=-]{64}',
      'fio-u-<<url:64>>',
      'fio-u-<<url:8>>',
    ],
  ]),
  ...tokenRules('Adobe', [
    ['adobe-client-secret', 'Adobe client secret', 'p8e-[A-Za-z0-9]{32}', 'p8e-<<a62:32>>', 'p8e-<<a62:8>>'],
  ]),
  ...tokenRules('Dropbox', [
    [
      'dropbox-short-lived-token',
      'Dropbox access token',
      'sl\\.[A-Za-z0-9_-]{130,}',
      'sl.<<url:138>>',
      'sl.<<url:8>>',
    ],
  ]),
  ...keywordRules('Datadog', [
    [
      'datadog-api-key',
      'Datadog API key',
      'datadog[_-]?api[_-]?key|\\bdd[_-]?api[_-]?key',
      '[a-f0-9]{32}',
      '<<hex:32>>',
    ],
    [
      'datadog-app-key',
      'Datadog application key',
      'datadog[_-]?app(?:lication)?[_-]?key|\\bdd[_-]?app(?:lication)?[_-]?key',
      '[a-f0-9]{40}',
      '<<hex:40>>',
    ],
  ]),
  ...keywordRules('Okta', [
    ['okta-api-token', 'Okta API token', 'okta', '00[A-Za-z0-9_-]{40}', '00<<url:40>>'],
  ]),
  ...keywordRules('Snyk', [
    [
      'snyk-api-token',
      'Snyk API token',
      'snyk',
      '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      '<<uuid>>',
    ],
  ]),
  ...keywordRules('Codecov', [
    [
      'codecov-token',
      'Codecov upload token',
      'codecov',
      '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      '<<uuid>>',
      { severity: 'medium' },
    ],
  ]),
  ...keywordRules('Algolia', [
    [
      'algolia-admin-key',
      'Algolia admin API key',
      'algolia',
      '[a-f0-9]{32}',
      '<<hex:32>>',
      // A key sent only with searches is lowered to medium with the reason (algolia-search-key.ts).
      { check: algoliaSearchKeyVerdict },
    ],
  ]),
  ...keywordRules('LaunchDarkly', [
    [
      'launchdarkly-access-token',
      'LaunchDarkly access token',
      'launchdarkly|\\bld[_-]',
      '(?:api|sdk)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      'api-<<uuid>>',
    ],
  ]),
  ...keywordRules('Netlify', [
    [
      'netlify-access-token',
      'Netlify access token',
      'netlify',
      '(?:nfp_)?[A-Za-z0-9_-]{40,46}',
      '<<url:43>>',
    ],
  ]),
  ...keywordRules('Vercel', [
    ['vercel-access-token', 'Vercel access token', 'vercel', '[A-Za-z0-9]{24}', '<<a62:24>>'],
  ]),
  ...keywordRules('Auth0', [
    [
      'auth0-client-secret',
      'Auth0 client secret',
      'auth0',
      '[A-Za-z0-9_-]{64}',
      '<<url:64>>',
      { severity: 'critical' },
    ],
  ]),
  ...keywordRules('Firebase', [
    ['firebase-database-secret', 'Firebase database secret', 'firebase', '[A-Za-z0-9]{40}', '<<a62:40>>'],
  ]),
  ...keywordRules('Asana', [
    [
      'asana-pat',
      'Asana personal access token',
      'asana',
      '[0-9]{1,2}/[0-9]{12,20}:[a-f0-9]{32}|2/[0-9]{16}/[0-9]{16}:[a-f0-9]{32}',
      '1/<<dig:16>>:<<hex:32>>',
    ],
  ]),
];
