import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { ingressHostProblem, looksLikeRegexPath } from './ingressFields';

describe('Ingress host', () => {
  it.each([
    ['example.com', undefined],
    ['*.example.com', undefined],
    ['a-b.c0.example.com', undefined],
    ['__INGRESS_HOST__', /not a DNS label/],
    ['Example.com', /not a DNS label/],
    ['foo.*.com', /wildcard is allowed only as the whole first label/],
    ['*foo.com', /wildcard is allowed only as the whole first label/],
    ['*', /needs a domain/],
    ['10.0.0.1', /IP address/],
    ['-bad.com', /not a DNS label/],
  ])('%s', (host, problem) => {
    const found = ingressHostProblem(host);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

describe('Ingress path', () => {
  it.each([
    ['/', false],
    ['/api/v1', false],
    ['/static/app.js', false],
    ['/tf(/|$)(.*)', true],
    ['/api/.*', true],
    ['/users/[0-9]+', true],
  ])('%s reads as a regex: %s', (path, regex) => expect(looksLikeRegexPath(path)).toBe(regex));
});

const ingress = (host: string, path: string, pathType = 'Prefix') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n    - host: "${host}"\n      http:\n        paths:\n          - path: "${path}"\n            pathType: ${pathType}\n            backend: {service: {name: web, port: {number: 80}}}\n`;
const codes = (text: string) => analyze([{ name: 'i.yaml', text }]).diagnostics.map((d) => d.code);

describe('Ingress field checks', () => {
  it.each([
    { name: 'valid', text: ingress('example.com', '/'), code: 'K8S-INGRESS-HOST-INVALID', fires: false },
    { name: 'placeholder host', text: ingress('__INGRESS_HOST__', '/'), code: 'K8S-INGRESS-HOST-INVALID', fires: true },
    { name: 'relative path', text: ingress('example.com', 'api'), code: 'K8S-INGRESS-PATH-INVALID', fires: true },
    {
      name: 'regex under Prefix',
      text: ingress('example.com', '/api(/|$)(.*)'),
      code: 'K8S-INGRESS-REGEX-PATH',
      fires: true,
    },
    {
      name: 'regex under ImplementationSpecific',
      text: ingress('example.com', '/api(/|$)(.*)', 'ImplementationSpecific'),
      code: 'K8S-INGRESS-REGEX-PATH',
      fires: false,
    },
  ])('$name', ({ text, code, fires }) => expect(codes(text).includes(code)).toBe(fires));

  it('says in the placeholder message that it was never filled in', () => {
    const [error] = analyze([{ name: 'i.yaml', text: ingress('__INGRESS_HOST__', '/') }]).diagnostics.filter(
      (d) => d.code === 'K8S-INGRESS-HOST-INVALID',
    );
    expect(error).toMatchObject({ severity: 'error', line: 6 });
    expect(error!.message).toMatch(/placeholder/);
  });
});
