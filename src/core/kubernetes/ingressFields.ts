import type { ObjectId } from '../model/ids';
import type { IngressRule } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import type { Reporter } from './report';

// DNS-1123 subdomain: lower-case labels of letters, digits and '-', dot-separated (Ingress host).
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// Characters that make sense in a regular expression and never in a plain URL path prefix.
const REGEX_CHARS = /[()[\]{}*+?|$^\\]/;

/** Why an Ingress host is not one the API server accepts, or undefined when it is. */
export function ingressHostProblem(host: string): string | undefined {
  if (IPV4.test(host)) return 'an IP address is not allowed: hosts are DNS names';
  if (host.length > 253) return 'it is longer than 253 characters';
  const labels = host.split('.');
  const wildcard = labels[0] === '*';
  if (
    labels.slice(1).includes('*') ||
    (host.includes('*') && !wildcard) ||
    labels.some((l) => l.includes('*') && l !== '*')
  ) {
    return 'a wildcard is allowed only as the whole first label (`*.example.com`)';
  }
  if (wildcard && labels.length < 2) return 'a wildcard host needs a domain after it (`*.example.com`)';
  const bad = labels.slice(wildcard ? 1 : 0).find((label) => label.length > 63 || !DNS_LABEL.test(label));
  if (bad !== undefined) {
    return `"${bad}" is not a DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit)`;
  }
  return undefined;
}

/** True when an Ingress path reads as a regular expression (`/api(/|$)(.*)`), not a plain path. */
export function looksLikeRegexPath(path: string): boolean {
  return REGEX_CHARS.test(path);
}

/**
 * The field checks the API server (and ingress-nginx's admission webhook) make on an Ingress:
 * hosts are DNS-1123 names with a wildcard only as the first label, paths are absolute, and a
 * regex under Prefix/Exact works only with ingress-nginx's regex mode.
 */
export function checkIngressFields(
  doc: ParsedDocument,
  rules: readonly IngressRule[],
  what: string,
  id: ObjectId,
  report: Reporter,
): void {
  rules.forEach((rule, ruleIndex) => {
    const at = ['spec', 'rules', ruleIndex];
    if (rule.host !== undefined) {
      const problem = ingressHostProblem(rule.host);
      if (problem) {
        report(
          doc,
          [...at, 'host'],
          'error',
          'K8S-INGRESS-HOST-INVALID',
          `${what}: host "${rule.host}" is invalid (${problem}); the API server rejects the Ingress. ` +
            (/__|\$\{|\{\{/.test(rule.host)
              ? 'It looks like a placeholder that was never filled in.'
              : 'Write a DNS name.'),
          id,
        );
      }
    }
    rule.paths.forEach((entry, pathIndex) => {
      const pathAt = [...at, 'http', 'paths', pathIndex, 'path'];
      if (!entry.path.startsWith('/')) {
        report(
          doc,
          pathAt,
          'error',
          'K8S-INGRESS-PATH-INVALID',
          `${what}: path "${entry.path}" must be an absolute path (start with /); the API server rejects the Ingress.`,
          id,
        );
      } else if (entry.pathType !== 'ImplementationSpecific' && looksLikeRegexPath(entry.path)) {
        report(
          doc,
          pathAt,
          'warning',
          'K8S-INGRESS-REGEX-PATH',
          `${what}: path "${entry.path}" is a regular expression under pathType ${entry.pathType}. Only ingress-nginx ` +
            'reads it as one, in regex mode (annotation nginx.ingress.kubernetes.io/use-regex or rewrite-target) with ' +
            'pathType ImplementationSpecific; newer ingress-nginx (strict path validation, the default since v1.12) ' +
            `rejects it. Portolan matches it literally, as ${entry.pathType}. Use pathType: ImplementationSpecific.`,
          id,
        );
      }
    });
  });
}
