import { describe, expect, it } from 'vitest';
import reference from './fixtures/reference/ingress_matching.json';
import { matchHost } from './hostMatch';

describe('matchHost — every host row of the Kubernetes docs table', () => {
  it.each(reference.hostRows.map((row) => [row.ruleHost, row.hostHeader, row.matches] as const))(
    'rule %s, Host %s → %s',
    (rule, host, matches) => {
      expect(matchHost(rule, host) !== undefined).toBe(matches);
    },
  );
});

describe('matchHost', () => {
  it.each([
    ['foo.bar.com', 'foo.bar.com', 'exact'],
    ['foo.bar.com', 'FOO.Bar.com', 'exact'],
    ['Foo.bar.com', 'foo.bar.com.', 'exact'],
    ['foo.bar.com', 'bar.com', undefined],
    ['foo.bar.com', 'x.foo.bar.com', undefined],
    ['*.foo.com', 'bar.foo.com', 'wildcard'],
    ['*.foo.com', '.foo.com', undefined],
    [undefined, 'anything.example', 'any'],
    ['', 'anything.example', 'any'],
  ] as const)('rule %s, Host %s → %s', (rule, host, expected) => {
    expect(matchHost(rule, host)).toBe(expected);
  });
});
