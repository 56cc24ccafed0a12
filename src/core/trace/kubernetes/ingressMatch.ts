import type { PathType } from '../../model/topology';

/** Anything with an Ingress-style path and pathType. */
export type PathCandidate = { path: string; pathType: PathType };

function elements(path: string): string[] {
  return path.split('/').filter((element) => element !== '');
}

/**
 * Whether one Ingress path matches a request path. Exact compares the whole string (a trailing
 * slash counts); Prefix compares element by element on `/`, ignoring a trailing slash on either
 * side (`/foo` matches `/foo/bar` and `/foo/`, not `/foobar`). ImplementationSpecific is
 * up to the controller; Portolan treats it as Prefix (ingress-nginx does, without regex).
 */
export function ingressPathMatches(candidate: PathCandidate, requestPath: string): boolean {
  if (candidate.pathType === 'Exact') return candidate.path === requestPath;
  const rule = elements(candidate.path);
  const request = elements(requestPath);
  if (rule.length > request.length) return false;
  return rule.every((element, i) => element === request[i]);
}

/**
 * The path that wins for a request among an Ingress's (or several merged Ingresses') paths:
 * the longest matching path; at equal length Exact beats Prefix (Ingress spec); YAML order does
 * not matter otherwise, except that the first of two identical paths is kept.
 */
export function matchIngressPath<T extends PathCandidate>(
  candidates: readonly T[],
  requestPath: string,
): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (!ingressPathMatches(candidate, requestPath)) continue;
    if (!best || beats(candidate, best)) best = candidate;
  }
  return best;
}

function beats(a: PathCandidate, b: PathCandidate): boolean {
  if (a.path.length !== b.path.length) return a.path.length > b.path.length;
  return a.pathType === 'Exact' && b.pathType !== 'Exact';
}
