/**
 * Deterministic pod names in Kubernetes' own patterns. Real names are random; ours are seeded by
 * a hash of namespace/name (never by the rest of the text), so editing an unrelated line, or
 * raising replicas from k to k+1, keeps the first k names and the canvas keeps their places.
 */

/** Kubernetes' alphabet for generated names (no vowels, no look-alikes: k8s.io/apimachinery/pkg/util/rand). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

// metadata.generateName keeps at most 63 - 5 characters of the base (names.SimpleNameGenerator).
const MAX_GENERATED_BASE = 58;

/** 32-bit FNV-1a of a string's UTF-16 code units: small, fast, and the hash Kubernetes uses for pod-template-hash. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Kubernetes' `rand.SafeEncodeString`: each character maps to the safe alphabet by its code. Applied
 * to the decimal digits of a hash, as the Deployment controller does, it yields 9–10 characters of
 * `bcdf456789` — which is why real pod-template-hashes look like `7d9c8b6f4`.
 */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** The pod-template-hash of a Deployment's ReplicaSet, e.g. `7d9c8b6f4`, seeded by namespace/name. */
export function podTemplateHash(namespace: string, name: string): string {
  return safeEncode(String(fnv1a32(`${namespace}/${name}`)));
}

/** A `length`-character suffix from the safe alphabet, a pure function of the seed (stands in for rand.String). */
export function randomSuffix(seed: string, length = 5): string {
  let state = fnv1a32(seed) || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    // xorshift32: cheap, deterministic, and spreads nearby seeds apart.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out += SAFE_ALPHABET[state % SAFE_ALPHABET.length];
  }
  return out;
}

/** `base` plus a 5-character suffix, as metadata.generateName does (base cut to 58 characters). */
export function generatedName(base: string, seed: string): string {
  return base.slice(0, MAX_GENERATED_BASE) + randomSuffix(seed);
}

/** The 8-digit scheduled time (minutes since the epoch) in a CronJob's Job name, seeded by namespace/name. */
function cronJobStamp(namespace: string, name: string): string {
  // Minutes since 1970 were 8 digits from 1989 to 2160; pick one in 2024–2025 so it looks current.
  return String(28_400_000 + (fnv1a32(`cron:${namespace}/${name}`) % 1_000_000));
}

export type PodNameKind =
  'Deployment' | 'ReplicaSet' | 'ReplicationController' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/**
 * The names of a workload's pods, in Kubernetes' patterns: Deployment `web-7d9c8b6f4-x2kq9`,
 * ReplicaSet/RC/Job `web-x2kq9`, StatefulSet `db-0`, CronJob `backup-28512345-x2kq9`. DaemonSet
 * pods are named per node (pass the node names as `seeds`) so a pod keeps its name on its node.
 */
export function podNames(
  kind: PodNameKind,
  namespace: string,
  name: string,
  count: number,
  seeds?: readonly string[],
): string[] {
  if (kind === 'StatefulSet') return Array.from({ length: count }, (_, i) => `${name}-${i}`);
  let base = `${name}-`;
  if (kind === 'Deployment') base = `${name}-${podTemplateHash(namespace, name)}-`;
  if (kind === 'CronJob') base = `${name}-${cronJobStamp(namespace, name)}-`;
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const seed = `${namespace}/${name}#${seeds?.[i] ?? i}`;
    let candidate = generatedName(base, seed);
    // A clash is 1 in 14 million per pair; salt the seed rather than ever repeat a name.
    for (let salt = 1; taken.has(candidate); salt++) candidate = generatedName(base, `${seed}~${salt}`);
    taken.add(candidate);
    names.push(candidate);
  }
  return names;
}
