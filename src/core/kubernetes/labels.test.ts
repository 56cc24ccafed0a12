import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../model/topology';
import { labelSelectorMatches, readLabelMap, readLabelSelector, selectorMatches } from './labels';
import { labelKeyProblem, labelValueProblem } from './labelValidation';

const pod = { app: 'web', tier: 'front', version: 'v1' };

describe('selectorMatches (Service / RC equality selectors)', () => {
  it.each([
    [{ app: 'web' }, true],
    [{ app: 'web', tier: 'front' }, true],
    [{ app: 'api' }, false],
    [{ app: 'web', zone: 'a' }, false],
    [{}, false], // `selector: {}` selects nothing
    [undefined, false],
  ])('%j → %s', (selector, expected) => {
    expect(selectorMatches(selector, pod)).toBe(expected);
  });
});

describe('labelSelectorMatches', () => {
  const sel = (matchLabels: Record<string, string>, matchExpressions: LabelSelector['matchExpressions'] = []) => ({
    matchLabels,
    matchExpressions,
  });
  it.each([
    ['empty selector matches everything', sel({}), true],
    ['matchLabels subset', sel({ app: 'web' }), true],
    ['In', sel({}, [{ key: 'tier', operator: 'In', values: ['front', 'back'] }]), true],
    ['In miss', sel({}, [{ key: 'tier', operator: 'In', values: ['back'] }]), false],
    ['NotIn on absent key', sel({}, [{ key: 'zone', operator: 'NotIn', values: ['a'] }]), true],
    ['NotIn hit', sel({}, [{ key: 'tier', operator: 'NotIn', values: ['front'] }]), false],
    ['Exists', sel({}, [{ key: 'version', operator: 'Exists', values: [] }]), true],
    ['DoesNotExist', sel({}, [{ key: 'version', operator: 'DoesNotExist', values: [] }]), false],
    ['ANDed', sel({ app: 'web' }, [{ key: 'tier', operator: 'In', values: ['back'] }]), false],
  ] as const)('%s', (_name, selector, expected) => {
    expect(labelSelectorMatches(selector as LabelSelector, pod)).toBe(expected);
  });

  it('a missing selector matches nothing', () => {
    expect(labelSelectorMatches(undefined, pod)).toBe(false);
  });
});

describe('reading untrusted selectors', () => {
  it('keeps scalar label values as text and drops the rest', () => {
    expect(readLabelMap({ a: 'x', b: 1, c: true, d: { e: 1 }, f: null })).toEqual({ a: 'x', b: '1', c: 'true', f: '' });
    expect(readLabelMap('nope')).toEqual({});
  });
  it('drops malformed requirements', () => {
    expect(
      readLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bogus' }, { key: 'b', operator: 'Exists' }, 5] }),
    ).toEqual({ matchLabels: {}, matchExpressions: [{ key: 'b', operator: 'Exists', values: [] }] });
  });
});

describe('label syntax', () => {
  it.each([
    ['app', true],
    ['app.kubernetes.io/name', true],
    ['-app', false],
    ['app-', false],
    ['Example.com/x', false],
    ['a/b/c', false],
    ['x'.repeat(64), false],
  ])('key %s valid: %s', (key, valid) => {
    expect(labelKeyProblem(key) === undefined).toBe(valid);
  });
  it.each([
    ['', true],
    ['v1.2_3-x', true],
    ['a b', false],
    ['-x', false],
    ['x'.repeat(64), false],
  ])('value %j valid: %s', (value, valid) => {
    expect(labelValueProblem(value) === undefined).toBe(valid);
  });
});
