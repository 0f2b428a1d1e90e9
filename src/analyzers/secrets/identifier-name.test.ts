import { describe, expect, it } from 'vitest';
import { SecretEngine } from './engine.js';
import { SECRET_RULES } from './rules.js';
import { expandTemplate, seededRandom } from './test-tokens.js';

/** A value under a name ending in an identifier word: dropped as an id, unless the name is a key's and the value the key. */
const engine = new SecretEngine(SECRET_RULES);
const rules = (text: string): string[] =>
  engine
    .scan(Buffer.from(text), { path: 'deploy/app.env', name: 'app.env', ext: 'env', productNames: [] })
    .map((d) => d.ruleId);
const rnd = seededRandom(4141);
const t = (template: string): string => expandTemplate(template, rnd);
// Mixed case and digits: a key's shape, no identifier's (never all upper-case, never hex).
const mixed = (n: number): string => `aZ${t(`<<a62:${n - 4}>>`)}9q`;

describe('identifier names', () => {
  it('drops an identifier of the provider under an id name, whatever its shape', () => {
    expect(rules(`HEROKU_APP_ID=${t('<<uuid>>')}`)).toEqual([]);
    expect(rules(`COHERE_MODEL_ID=${mixed(40)}`)).toEqual([]);
    expect(rules(`herokuDynoId: '${t('<<uuid>>')}'`)).toEqual([]);
  });

  it("drops a key's identifier with an identifier's shape that is not the provider's key format", () => {
    expect(rules(`COHERE_API_KEY_ID=${t('<<hex:40>>')}`)).toEqual([]);
    expect(rules(`cohereApiKeyId: '${t('<<hex:40>>').toUpperCase()}'`)).toEqual([]);
    expect(rules(`VONAGE_API_SECRET_ID=${'7'.repeat(8)}${t('<<dig:8>>')}`)).toEqual([]);
  });

  it("keeps a key's shape under a key's id name: the client named the key so", () => {
    expect(rules(`COHERE_API_KEY_ID=${mixed(40)}`)).toEqual(['secrets/cohere-api-key']);
    expect(rules(`  mistralApiKeyId: "${mixed(32)}"`)).toEqual(['secrets/mistral-api-key']);
    expect(rules(`VERCEL_ACCESS_TOKEN_ID=${mixed(24)}`)).toEqual(['secrets/vercel-access-token']);
  });

  it("keeps the provider's own key format under a key's id name, even where an id could have it", () => {
    expect(rules(`HEROKU_API_KEY_ID=${t('<<uuid>>')}`)).toEqual(['secrets/heroku-api-key']);
    expect(rules(`SCW_SECRET_KEY_ID=${t('<<uuid>>')}`)).toEqual(['secrets/scaleway-secret-key']);
    expect(rules(`TWILIO_AUTH_TOKEN_ID=${t('<<hex:32>>')}`)).toEqual(['secrets/twilio-auth-token']);
  });
});
