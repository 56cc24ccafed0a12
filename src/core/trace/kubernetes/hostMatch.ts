/** How a rule's host matched a request host; more specific kinds win over less specific ones. */
export type HostMatch = 'exact' | 'wildcard' | 'any';

/**
 * Matches an Ingress rule host (or Gateway hostname) against a request's host, case-insensitively.
 * A rule without host matches every host; `*.foo.com` covers exactly one DNS label (`bar.foo.com`,
 * not `foo.com` nor `baz.bar.foo.com`). Undefined when it does not match.
 */
export function matchHost(ruleHost: string | undefined, requestHost: string): HostMatch | undefined {
  if (ruleHost === undefined || ruleHost === '') return 'any';
  const rule = ruleHost.toLowerCase().replace(/\.$/, '');
  const host = requestHost.toLowerCase().replace(/\.$/, '');
  if (rule.startsWith('*.')) {
    const dot = host.indexOf('.');
    // The wildcard must stand for one whole, non-empty label.
    return dot > 0 && host.slice(dot + 1) === rule.slice(2) ? 'wildcard' : undefined;
  }
  return rule === host ? 'exact' : undefined;
}

/** Orders host matches: exact first, then wildcard, then a rule without host. */
export function hostMatchRank(match: HostMatch): number {
  return match === 'exact' ? 0 : match === 'wildcard' ? 1 : 2;
}
