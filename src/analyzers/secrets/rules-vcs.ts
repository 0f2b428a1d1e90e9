import { hasValidCrc32Tail } from './checksum.js';
import { END, START, assigned } from './patterns.js';
import type { MatchContext, SecretRule, Verdict } from './types.js';
import { secretRule } from './types.js';

// A token whose CRC-32 tail fails cannot authenticate: it is a hand-made or mangled example, so it is
// not reported. One that passes is certainly of this format: high confidence.
const checksummed = (m: MatchContext): Verdict =>
  hasValidCrc32Tail(m.secret) ? { confidence: 'high' } : false;

function github(id: string, title: string, prefix: string): SecretRule {
  return secretRule({
    id,
    title,
    provider: 'GitHub',
    pattern: `\\b(${prefix}_[A-Za-z0-9]{36})\\b`,
    severity: 'critical',
    allowPlaceholderWords: true,
    check: checksummed,
    examples: {
      bad: [`GITHUB_TOKEN=<<gh:${prefix}>>`, `const client = new Octokit({ auth: '<<gh:${prefix}>>' });`],
      good: [`token: ${prefix}_<<a62:36>>`, `${prefix}_<<a62:20>>`],
    },
  });
}

/** Source hosting and CI: GitHub, GitLab, Bitbucket, Atlassian. */
export const VCS_RULES: SecretRule[] = [
  github('github-pat-classic', 'GitHub personal access token (classic)', 'ghp'),
  github('github-oauth', 'GitHub OAuth access token', 'gho'),
  github('github-app-token', 'GitHub App user-to-server token', 'ghu'),
  github('github-app-installation-token', 'GitHub App installation token', 'ghs'),
  github('github-refresh-token', 'GitHub refresh token', 'ghr'),
  // Vanguard's own platform tokens (push `vgp_`, user API `vgu_`, webhook `vgh_`): GitHub's shape, so the
  // CRC-32 tail tells a real token from a made-up one offline.
  secretRule({
    id: 'vanguard-platform-token',
    title: 'Vanguard platform token (push, API or webhook)',
    provider: 'Vanguard',
    pattern: '\\b(vg[puh]_[A-Za-z0-9]{36})\\b',
    prefilter: 'vg[puh]_[A-Za-z0-9]{8}',
    severity: 'critical',
    allowPlaceholderWords: true,
    check: checksummed,
    examples: {
      bad: ['VANGUARD_TOKEN=<<gh:vgp>>', "const api = client({ token: '<<gh:vgu>>' });"],
      good: ['VANGUARD_TOKEN=vgp_<<a62:36>>', 'vgp_<<a62:20>>'],
    },
  }),
  secretRule({
    id: 'github-pat-fine-grained',
    title: 'GitHub fine-grained personal access token',
    provider: 'GitHub',
    pattern: '\\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\\b',
    severity: 'critical',
    confidence: 'high',
    examples: {
      bad: ['gh_token = "github_pat_<<a62:22>>_<<a62:59>>"'],
      good: ['github_pat_<<a62:22>>_<<a62:20>>'],
    },
  }),
  secretRule({
    id: 'github-oauth-client-secret',
    title: 'GitHub OAuth app client secret',
    provider: 'GitHub',
    pattern: assigned('github[_-]?(?:oauth[_-]?)?client[_-]?secret|gh[_-]?client[_-]?secret', '[a-f0-9]{40}'),
    minEntropy: 3,
    examples: { bad: ['GITHUB_CLIENT_SECRET=<<hex:40>>'], good: ['GITHUB_CLIENT_ID=<<hex:20>>'] },
  }),
  ...(
    [
      ['gitlab-pat', 'GitLab personal access token', 'glpat-', '[A-Za-z0-9_-]{20,}', 'url:20'],
      ['gitlab-pipeline-trigger-token', 'GitLab pipeline trigger token', 'glptt-', '[a-f0-9]{40}', 'hex:40'],
      ['gitlab-runner-token', 'GitLab runner authentication token', 'glrt-', '[A-Za-z0-9_-]{20,}', 'url:20'],
      ['gitlab-deploy-token', 'GitLab deploy token', 'gldt-', '[A-Za-z0-9_-]{20,}', 'url:20'],
      ['gitlab-feed-token', 'GitLab feed token', 'glft-', '[A-Za-z0-9_-]{20,}', 'url:20'],
      ['gitlab-oauth-app-secret', 'GitLab OAuth application secret', 'gloas-', '[A-Za-z0-9_-]{64}', 'a62:64'],
      ['gitlab-scim-token', 'GitLab SCIM token', 'glsoat-', '[A-Za-z0-9_-]{20,}', 'url:20'],
      ['gitlab-incoming-mail-token', 'GitLab incoming mail token', 'glimt-', '[A-Za-z0-9_-]{25}', 'a62:25'],
      ['gitlab-agent-token', 'GitLab Kubernetes agent token', 'glagent-', '[A-Za-z0-9_-]{50}', 'a62:50'],
      [
        'gitlab-runner-registration-token',
        'GitLab runner registration token',
        'GR1348941',
        '[A-Za-z0-9_-]{20}',
        'a62:20',
      ],
    ] as const
  ).map(([id, title, prefix, body, sample]) =>
    secretRule({
      id,
      title,
      provider: 'GitLab',
      pattern: `${START}(${prefix}${body})${END}`,
      severity: 'critical',
      confidence: 'high',
      minEntropy: 3,
      examples: {
        bad: [`token: "${prefix}<<${sample}>>"`],
        good: [`token: "${prefix}<<a62:8>>"`],
      },
    }),
  ),
  secretRule({
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    provider: 'Bitbucket',
    pattern: `\\b(ATBB[A-Za-z0-9_=.-]{32})${END}`,
    confidence: 'high',
    examples: { bad: ['BITBUCKET_APP_PASSWORD=ATBB<<a62:32>>'], good: ['ATBB<<a62:12>>'] },
  }),
  secretRule({
    id: 'bitbucket-client-secret',
    title: 'Bitbucket OAuth consumer secret',
    provider: 'Bitbucket',
    pattern: assigned('bitbucket', '[A-Za-z0-9_=-]{64}'),
    minEntropy: 3.5,
    examples: { bad: ['bitbucket_client_secret: <<a62:64>>'], good: ['bitbucket_workspace: <<az:20>>'] },
  }),
  secretRule({
    id: 'atlassian-api-token',
    title: 'Atlassian API token',
    provider: 'Atlassian (Jira, Confluence, Bitbucket)',
    pattern: `\\b(ATATT3[A-Za-z0-9_=-]{150,})${END}`,
    confidence: 'high',
    examples: { bad: ['JIRA_API_TOKEN=ATATT3<<url:186>>'], good: ['ATATT3<<a62:40>>'] },
  }),
  secretRule({
    id: 'atlassian-legacy-api-token',
    title: 'Atlassian API token (legacy)',
    provider: 'Atlassian (Jira, Confluence)',
    pattern: assigned('jira|confluence|atlassian', '[A-Za-z0-9]{24}'),
    minEntropy: 3.5,
    examples: { bad: ['jira_api_token = "<<a62:24>>"'], good: ['jira_project = "PROJ"'] },
  }),
];
