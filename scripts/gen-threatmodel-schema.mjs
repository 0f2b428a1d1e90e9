#!/usr/bin/env node
// Writes schemas/threatmodel.schema.json from the one definition in src/threats/schema.ts.
// Run after `npm run build`: node scripts/gen-threatmodel-schema.mjs (src/threats/schema.test.ts checks the committed file).
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { threatModelSchema } from '../dist/threats/schema.js';

const target = new URL('../schemas/threatmodel.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(threatModelSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
