/**
 * CWE → OWASP Top 10:2025 mapping, kept in one place. Rules state their CWEs (and
 * principles); their OWASP categories come from here unless a rule names them itself.
 */

export const OWASP_2025 = {
  'A01:2025': 'Broken Access Control',
  'A02:2025': 'Security Misconfiguration',
  'A03:2025': 'Software Supply Chain Failures',
  'A04:2025': 'Cryptographic Failures',
  'A05:2025': 'Injection',
  'A06:2025': 'Insecure Design',
  'A07:2025': 'Authentication Failures',
  'A08:2025': 'Software or Data Integrity Failures',
  'A09:2025': 'Security Logging & Alerting Failures',
  'A10:2025': 'Mishandling of Exceptional Conditions',
} as const;
export type OwaspId = keyof typeof OWASP_2025;

const BY_CATEGORY: Record<OwaspId, readonly number[]> = {
  'A01:2025': [
    22, 23, 35, 59, 200, 201, 219, 264, 269, 275, 276, 284, 285, 352, 359, 377, 402, 425, 441, 497, 538, 540,
    548, 552, 566, 601, 639, 651, 668, 706, 732, 862, 863, 913, 918, 922, 1275,
  ],
  'A02:2025': [
    2, 11, 13, 15, 16, 215, 250, 260, 315, 489, 520, 526, 537, 541, 547, 611, 614, 776, 942, 1004, 1032, 1174,
    1188,
  ],
  'A03:2025': [477, 506, 829, 937, 1035, 1104, 1329, 1357, 1395],
  'A04:2025': [
    261, 296, 310, 311, 312, 313, 316, 319, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 335, 336,
    337, 338, 340, 347, 522, 523, 720, 757, 759, 760, 780, 818, 916,
  ],
  'A05:2025': [
    20, 74, 75, 77, 78, 79, 80, 83, 87, 88, 89, 90, 91, 93, 94, 95, 96, 97, 98, 99, 113, 116, 138, 184, 470,
    471, 564, 610, 643, 644, 652, 917, 943, 1333, 1336,
  ],
  'A06:2025': [
    73, 183, 213, 235, 256, 257, 266, 280, 419, 430, 434, 444, 451, 472, 501, 525, 539, 579, 598, 602, 642,
    646, 650, 653, 656, 657, 693, 770, 799, 807, 840, 841, 927, 1021, 1173,
  ],
  'A07:2025': [
    255, 259, 287, 288, 290, 294, 295, 297, 300, 302, 304, 306, 307, 308, 346, 384, 521, 613, 620, 640, 798,
    940, 1216, 1390, 1391,
  ],
  'A08:2025': [345, 353, 426, 494, 502, 565, 784, 830, 915, 1321],
  'A09:2025': [117, 223, 532, 778],
  'A10:2025': [209, 248, 252, 390, 391, 394, 396, 397, 460, 476, 636, 703, 754, 755, 756],
};

const CWE_TO_OWASP: ReadonlyMap<number, OwaspId> = (() => {
  const m = new Map<number, OwaspId>();
  for (const [cat, cwes] of Object.entries(BY_CATEGORY) as [OwaspId, readonly number[]][]) {
    for (const cwe of cwes) {
      if (m.has(cwe)) throw new Error(`taxonomy: CWE-${cwe} is mapped twice`);
      m.set(cwe, cat);
    }
  }
  return m;
})();

/** The OWASP Top 10:2025 categories that a set of CWEs falls into, in category order. */
export function owaspForCwes(cwes: readonly number[]): OwaspId[] {
  const out = new Set<OwaspId>();
  for (const cwe of cwes) {
    const cat = CWE_TO_OWASP.get(cwe);
    if (cat) out.add(cat);
  }
  return [...out].sort();
}

export function isOwaspId(v: string): v is OwaspId {
  return Object.hasOwn(OWASP_2025, v);
}

/** A short OWASP tag for SARIF, e.g. 'owasp-a05-2025'. */
export function owaspTag(id: string): string {
  return `owasp-${id.toLowerCase().replace(':', '-')}`;
}
