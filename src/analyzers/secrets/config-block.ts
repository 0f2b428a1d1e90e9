/** The block of configuration lines a match sits in, for checks that read a setting's neighbours. */

const SECTION_HEADER = /^\s*\[[^\]]*\]\s*$/;

/**
 * For every copy of `line` in `text` (the lines around a match), the other lines of its block: the lines
 * around it up to a blank line, an ini `[section]` header or a shallower indentation (a YAML parent), at
 * most `limit` each way. Empty when the line is not found in the text.
 */
export function blocksAround(text: string, line: string, limit: number): string[][] {
  const lines = text.split('\n');
  const want = line.trim();
  const indent = (l: string) => l.length - l.trimStart().length;
  const inBlock = (l: string, depth: number) =>
    l.trim() !== '' && !SECTION_HEADER.test(l) && indent(l) >= depth;
  const blocks: string[][] = [];
  lines.forEach((l, i) => {
    if (l.trim() !== want) return;
    const depth = indent(l);
    const block: string[] = [];
    for (let j = i - 1; j >= 0 && i - j <= limit && inBlock(lines[j]!, depth); j--) block.push(lines[j]!);
    for (let j = i + 1; j < lines.length && j - i <= limit && inBlock(lines[j]!, depth); j++)
      block.push(lines[j]!);
    blocks.push(block);
  });
  return blocks;
}
