/**
 * Vitest global setup: hands every test process one folder for the shared throwaway PostgreSQL
 * cluster (started lazily by the first test that needs it) and stops it when the run ends.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG_STATE_ENV, stopCluster } from './postgres.js';

export default function setup(): () => void {
  const state = mkdtempSync(join(tmpdir(), 'vanguard-pg-'));
  process.env[PG_STATE_ENV] = state;
  return () => stopCluster(state);
}
