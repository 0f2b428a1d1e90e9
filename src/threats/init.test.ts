import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossCheck } from './crosscheck.js';
import { iacUnits } from './iac-facts.js';
import { draftModel } from './init.js';
import { loadThreatModel } from './load.js';

const repo = new URL('./fixtures/repo/', import.meta.url);
const IAC = ['deploy/k8s/storefront.yaml', 'deploy/docker-compose.yml', 'infra/main.tf'];
const units = IAC.flatMap((p) => iacUnits(p, readFileSync(new URL(p, repo), 'utf8')));

describe('threats init', () => {
  const text = draftModel('Web shop', units);
  const model = loadThreatModel(text, 'threatmodel.yaml');

  it('drafts a valid model with an asset per service, workload and datastore', () => {
    expect(model.assets.map((a) => `${a.id}:${a.kind}`).sort()).toEqual([
      'internet-user:user',
      'invoices:storage',
      'orders-database:database',
      'orders:service',
      'redis:cache',
      'storefront:service',
    ]);
    expect(model.assets.find((a) => a.id === 'orders')?.internetFacing).toBe(true);
    expect(model.assets.find((a) => a.id === 'redis')?.internetFacing).toBe(false);
    expect(model.assets.find((a) => a.id === 'orders-database')?.iac).toEqual([
      'infra/main.tf#aws_db_instance.orders',
    ]);
  });

  it('guesses flows from exposure and dependencies', () => {
    expect(model.flows.map((f) => `${f.from}>${f.to}:${f.protocol}`).sort()).toEqual([
      'internet-user>orders-database:https',
      'internet-user>orders:http',
      'internet-user>storefront:http',
      'orders>redis:redis',
    ]);
  });

  it('leaves nothing in the repository unmodelled', () => {
    expect(crossCheck([model], units).filter((f) => f.ruleId === 'threats/unmodelled-asset')).toEqual([]);
  });
});
