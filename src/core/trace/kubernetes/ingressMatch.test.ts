import { describe, expect, it } from 'vitest';
import type { PathType } from '../../model/topology';
import reference from './fixtures/reference/ingress_matching.json';
import { ingressPathMatches, matchIngressPath } from './ingressMatch';

type Row = {
  rulePaths: { path: string; pathType: string }[];
  requestPath: string;
  matches: boolean;
  matchedPath: string | null;
  matchedPathType: string | null;
};

const rows = [...reference.pathRows, ...reference.extraPathRows] as Row[];

/** `*` in the table stands for any path. */
function requestPaths(row: Row): string[] {
  return row.requestPath === '*' ? ['/', '/foo', '/foo/bar/', '/a/b/c'] : [row.requestPath];
}

describe('matchIngressPath — every row of the Kubernetes docs table', () => {
  it.each(
    rows.map(
      (row) =>
        [`${row.rulePaths.map((p) => `${p.path} ${p.pathType}`).join(' + ')} ← ${row.requestPath}`, row] as const,
    ),
  )('%s', (_name, row) => {
    const candidates = row.rulePaths.map((p) => ({ path: p.path, pathType: p.pathType as PathType }));
    for (const path of requestPaths(row)) {
      const winner = matchIngressPath(candidates, path);
      if (!row.matches) {
        expect(winner).toBeUndefined();
      } else {
        expect(winner?.path).toBe(row.matchedPath);
        expect(winner?.pathType).toBe(row.matchedPathType);
      }
    }
  });
});

describe('matchIngressPath — beyond the table', () => {
  it('does not depend on YAML order (Exact beats Prefix both ways)', () => {
    const a = { path: '/foo', pathType: 'Exact' as const };
    const b = { path: '/foo', pathType: 'Prefix' as const };
    expect(matchIngressPath([a, b], '/foo')).toBe(a);
    expect(matchIngressPath([b, a], '/foo')).toBe(a);
  });

  it('treats ImplementationSpecific as Prefix', () => {
    expect(ingressPathMatches({ path: '/api', pathType: 'ImplementationSpecific' }, '/api/v1')).toBe(true);
    expect(ingressPathMatches({ path: '/api', pathType: 'ImplementationSpecific' }, '/apiv1')).toBe(false);
  });

  it('is case-sensitive', () => {
    expect(ingressPathMatches({ path: '/Foo', pathType: 'Prefix' }, '/foo')).toBe(false);
    expect(ingressPathMatches({ path: '/Foo', pathType: 'Exact' }, '/foo')).toBe(false);
  });

  it('prefers the longer of two prefixes and Exact over a shorter Prefix', () => {
    const candidates = [
      { path: '/', pathType: 'Prefix' as const },
      { path: '/a', pathType: 'Exact' as const },
      { path: '/a/b', pathType: 'Prefix' as const },
    ];
    expect(matchIngressPath(candidates, '/a')?.pathType).toBe('Exact');
    expect(matchIngressPath(candidates, '/a/b/c')?.path).toBe('/a/b');
    expect(matchIngressPath(candidates, '/z')?.path).toBe('/');
  });
});
