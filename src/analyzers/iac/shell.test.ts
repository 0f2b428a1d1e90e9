import { describe, expect, it } from 'vitest';
import { isFetchPipeShell, isLiteralSecret } from './shell.js';

describe('isFetchPipeShell', () => {
  it('finds download-and-execute in its common spellings', () => {
    for (const cmd of [
      'curl -fsSL https://get.docker.com | sh',
      'curl -s https://x.io/i.sh | sudo -E bash -',
      'wget -qO- https://x.io/i.sh | /bin/bash',
      'bash -c "$(curl -fsSL https://x.io/install.sh)"',
      'bash <(curl -s https://x.io/i.sh)',
      'curl https://x.io/get.py | python3',
    ]) {
      expect(isFetchPipeShell(cmd), cmd).toBe(true);
    }
  });
  it('leaves downloads that are piped to data tools alone', () => {
    for (const cmd of [
      'curl -s https://x.io/v.json | jq .version',
      'curl -o a.sh https://x.io && sh a.sh',
      'echo curl | shasum',
    ]) {
      expect(isFetchPipeShell(cmd), cmd).toBe(false);
    }
  });
});

describe('isLiteralSecret', () => {
  it('flags literal credentials by key name', () => {
    for (const [k, v] of [
      ['DB_PASSWORD', 'hunter2hunter2'],
      ['DB_PASS', 'hunter2hunter2'],
      ['AWS_SECRET_ACCESS_KEY', 'abcdEFGH1234'],
      ['GITHUB_TOKEN', 'tok-value-1234'],
      ['ENCRYPTION_KEY', 'k3y-material'],
      ['api-key', 'abcd1234'],
      ['K3S_TOKEN', 'cluster-join-secret'],
      ['CLUSTER_TOKEN', 'cluster-join-secret'],
    ]) {
      expect(isLiteralSecret(k!, v!), k).toBe(true);
    }
  });
  it('ignores references, placeholders, files and non-secret keys', () => {
    for (const [k, v] of [
      ['DB_PASSWORD', '${DB_PASSWORD}'],
      ['DB_PASSWORD', '$(cat /run/secrets/db)'],
      ['DB_PASSWORD_FILE', '/run/secrets/db'],
      ['DB_PASSWORD', '/run/secrets/db'],
      ['TOKEN_URL', 'https://auth.example/token'],
      ['PASSPORT_ENABLED', 'true'],
      ['BYPASS', 'something-long'],
      ['AWS_ACCESS_KEY_ID', 'AKIAEXAMPLE'],
      ['SECRET_NAME', 'prod-db'],
      ['PASSWORD', '<your password>'],
      ['TOKEN', 'abc'],
      ['ETCD_INITIAL_CLUSTER_TOKEN', 'tutorial'],
      ['initial-cluster-token', 'etcd-cluster-1'],
    ]) {
      expect(isLiteralSecret(k!, v!), `${k}=${v}`).toBe(false);
    }
  });
});
