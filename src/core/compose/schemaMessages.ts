/** Words for schema errors: where an instance path stands, and what key was probably meant. */

/** "service web", "port 2 of service web", "network front", or a dotted path. */
export function describePath(path: readonly string[]): string {
  const [top, name, field, index] = path;
  if (path.length === 0) return 'the Compose file';
  const singular: Record<string, string> = {
    services: 'service',
    networks: 'network',
    volumes: 'volume',
    secrets: 'secret',
    configs: 'config',
    models: 'model',
  };
  const kind = top !== undefined ? singular[top] : undefined;
  if (!kind || name === undefined) return path.join('.');
  const owner = `${kind} ${name}`;
  if (path.length === 2) return owner;
  if (path.length === 3) return `${field} of ${owner}`;
  if (path.length === 4 && /^\d+$/.test(index!)) return `${field}[${index}] of ${owner}`;
  return `${path.slice(2).join('.')} of ${owner}`;
}

/** Edit distance counting a swap of two neighbours as one edit (`prots` → `ports`). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest known key to a misspelt one, when it is close enough to be a typo. */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  return bestDistance <= limit ? best : undefined;
}

/** "a mapping", "a list", "a string", … for a YAML value. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a string';
}

/** Schema type names in the words a Compose author uses. */
export function typeWords(types: readonly string[]): string {
  const words = [
    ...new Set(
      types.map(
        (t) => ({ object: 'a mapping', array: 'a list', null: 'empty', integer: 'a whole number' })[t] ?? `a ${t}`,
      ),
    ),
  ];
  return words.length <= 1 ? (words[0] ?? 'something else') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
