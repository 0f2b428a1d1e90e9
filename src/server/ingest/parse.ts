import { isObj, ReportError } from './check.js';
import { isCycloneDx, parseCycloneDx } from './parse-cyclonedx.js';
import { isSarif, parseSarif } from './parse-sarif.js';
import { isVanguardResult, parseVanguard } from './parse-vanguard.js';
import type { ParsedReport } from './types.js';

/** Parses a report body of any accepted format; a clear ReportError names what is wrong and where. */
export function parseReport(body: unknown): ParsedReport {
  let doc = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      doc = JSON.parse(body.toString()) as unknown;
    } catch (err) {
      throw new ReportError(`not JSON: ${(err as Error).message}`);
    }
  }
  if (!isObj(doc)) throw new ReportError('a report must be a JSON object');
  if (isVanguardResult(doc)) return parseVanguard(doc);
  if (isSarif(doc)) return parseSarif(doc);
  if (isCycloneDx(doc)) return parseCycloneDx(doc);
  throw new ReportError(
    'unknown report format: expected a Vanguard JSON scan result, SARIF 2.1.0 or a CycloneDX 1.4–1.6 JSON BOM',
  );
}
