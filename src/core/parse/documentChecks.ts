import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

/**
 * Offsets of every key that repeats an earlier key of its mapping, in one pass over the
 * document (a Set per mapping), walked with a stack of its own so depth cannot overflow it.
 * `<<` merge keys may repeat, as the parser allows with `merge`.
 */
export function findDuplicateKeys(root: unknown): number[] {
  const found: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (isScalar(key) && key.value !== '<<') {
          // Keys compare by value, as the parser's own check does (`1` and `"1"` differ).
          if (seen.has(key.value) && key.range) found.push(key.range[0]);
          seen.add(key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found.sort((a, b) => a - b);
}

/**
 * How deeply a YAML text nests, estimated in one pass without parsing: open flow brackets
 * (outside quotes and comments) plus the indentation and `- ` markers of a line. Stops at the
 * first offset where the depth exceeds `limit`.
 */
export function nestingDepth(text: string, limit: number): { depth: number; exceededAt?: number } {
  let flow = 0;
  let deepest = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      quote = quote === "'" || quote === '"' ? quote : undefined;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '-') {
        indent++;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
      continue;
    }
    if (c === '"' || (c === "'" && flow > 0)) quote = c;
    else if (c === '[' || c === '{') flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    const depth = flow + Math.ceil(indent / 2);
    if (depth > deepest) {
      deepest = depth;
      if (depth > limit) return { depth, exceededAt: i };
    }
  }
  return { depth: deepest };
}
