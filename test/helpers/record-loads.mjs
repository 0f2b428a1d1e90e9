// `node --import ./record-loads.mjs …` appends the URL of every ES module the program loads to the
// file named by VG_LOAD_LOG (test/startup.test.ts reads it).
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
