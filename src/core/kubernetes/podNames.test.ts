import { describe, expect, it } from 'vitest';
import { fnv1a32, podNames, podTemplateHash, randomSuffix, safeEncode, SAFE_ALPHABET } from './podNames';

describe('podNames', () => {
  it('names Deployment pods name-<hash>-<suffix> like the ReplicaSet controller', () => {
    const [first, second] = podNames('Deployment', 'default', 'web', 2);
    expect(first).toMatch(/^web-[bcdf4-9]{9,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(second).not.toBe(first);
    // Both pods share one pod-template-hash, as pods of one ReplicaSet do.
    expect(first!.split('-')[1]).toBe(second!.split('-')[1]);
  });

  it('uses only the safe alphabet for suffixes', () => {
    for (const seed of ['a', 'b', 'default/web#0', 'x'.repeat(100)]) {
      for (const char of randomSuffix(seed)) expect(SAFE_ALPHABET).toContain(char);
    }
  });

  it.each([
    ['ReplicaSet', /^web-[a-z2-9]{5}$/],
    ['ReplicationController', /^web-[a-z2-9]{5}$/],
    ['DaemonSet', /^web-[a-z2-9]{5}$/],
    ['Job', /^web-[a-z2-9]{5}$/],
    ['CronJob', /^web-\d{8}-[a-z2-9]{5}$/],
  ] as const)('names %s pods by its pattern', (kind, pattern) => {
    for (const name of podNames(kind, 'default', 'web', 3)) expect(name).toMatch(pattern);
  });

  it('numbers StatefulSet pods by ordinal', () => {
    expect(podNames('StatefulSet', 'default', 'db', 3)).toEqual(['db-0', 'db-1', 'db-2']);
  });

  it('is deterministic and keeps the first k names when replicas grow', () => {
    const three = podNames('Deployment', 'shop', 'cart', 3);
    expect(podNames('Deployment', 'shop', 'cart', 3)).toEqual(three);
    expect(podNames('Deployment', 'shop', 'cart', 4).slice(0, 3)).toEqual(three);
  });

  it('differs between namespaces and names', () => {
    expect(podTemplateHash('a', 'web')).not.toBe(podTemplateHash('b', 'web'));
    expect(podNames('Job', 'default', 'web', 1)).not.toEqual(podNames('Job', 'default', 'api', 1));
  });

  it('never repeats a name within a workload', () => {
    const names = podNames('ReplicaSet', 'default', 'big', 500);
    expect(new Set(names).size).toBe(500);
  });

  it('encodes like Kubernetes SafeEncodeString', () => {
    // '0'..'9' are codes 48..57 → alphabet[21..26], alphabet[0..3]
    expect(safeEncode('0123456789')).toBe('456789bcdf');
    expect(fnv1a32('')).toBe(0x811c9dc5);
  });

  it('cuts long bases to 58 characters before the suffix', () => {
    const [name] = podNames('Job', 'default', 'x'.repeat(80), 1);
    expect(name).toHaveLength(63);
  });
});
