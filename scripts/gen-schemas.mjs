#!/usr/bin/env node
// Writes schemas/vanguard.schema.json from the one definition in src/policy/config-schema.ts.
// Run after `npm run build`: node scripts/gen-schemas.mjs (src/policy/schema-file.test.ts checks the committed file).
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { configSchemaText } from '../dist/policy/schema-file.js';

const target = new URL('../schemas/vanguard.schema.json', import.meta.url);
writeFileSync(target, configSchemaText());
process.stdout.write(`wrote ${target.pathname}\n`);
