/** A tool's name as stored and filtered: lower case, letters, digits and `.+-` only. */
export function toolName(raw: string): string {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9.+-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, 100) || 'unknown';
}
