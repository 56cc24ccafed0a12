import { describe, expect, it } from 'vitest';
import { readUrlParams } from './urlParams';

const base = 'https://example.github.io/portolan/';

describe('readUrlParams', () => {
  it.each([
    ['', { autoplay: false }],
    ['?sample=go-backend-k8s', { sample: 'go-backend-k8s', autoplay: false }],
    ['?sample=../../etc', { autoplay: false }],
    [
      '?trace=https%3A%2F%2Fapi.example.com%2F&from=web',
      { trace: { url: 'https://api.example.com/', from: 'web' }, autoplay: false },
    ],
    ['?trace=', { autoplay: false }],
    ['?theme=dark', { theme: 'dark', autoplay: false }],
    ['?theme=purple', { autoplay: false }],
    ['?nodes=5', { nodeCount: 5, autoplay: false }],
    ['?nodes=99', { nodeCount: 20, autoplay: false }],
    ['?nodes=-3', { autoplay: false }],
    ['?nodes=2.5', { autoplay: false }],
    ['?nodes=1e9', { autoplay: false }],
    ['?view=application', { viewMode: 'application', autoplay: false }],
    ['?view=app', { viewMode: 'application', autoplay: false }],
    ['?view=constructor', { autoplay: false }],
    ['?view=__proto__', { autoplay: false }],
    ['?embed&autoplay', { autoplay: true }],
    ['?autoplay=0', { autoplay: false }],
    ['?autoplay=1', { autoplay: true }],
  ])('reads %s', (query, params) => {
    expect(readUrlParams(base + query)).toEqual(params);
  });

  it('never throws on a URL that is not one', () => {
    expect(readUrlParams('%%%')).toEqual({ autoplay: false });
    expect(readUrlParams(base + '?trace=' + 'x'.repeat(5000))).toEqual({ autoplay: false });
  });
});
