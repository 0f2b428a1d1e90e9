// Module hooks (they run on a loader thread): record each loaded URL, then load it as usual.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

export async function load(url, context, nextLoad) {
  if (process.env.VG_LOAD_LOG) appendFileSync(process.env.VG_LOAD_LOG, `${url}\n`);
  return nextLoad(url, context);
}
