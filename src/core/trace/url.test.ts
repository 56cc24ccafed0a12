import { describe, expect, it } from 'vitest';
import { parseRequestUrl } from './url';

describe('parseRequestUrl', () => {
  it.each([
    [
      'https://api.example.com/',
      { scheme: 'https', host: 'api.example.com', port: 443, explicitPort: false, path: '/' },
    ],
    ['https://API.example.com', { scheme: 'https', host: 'api.example.com', port: 443, path: '/' }],
    ['http://node-1:31001/', { scheme: 'http', host: 'node-1', port: 31001, explicitPort: true }],
    ['http://cart:80/x', { port: 80, explicitPort: true, path: '/x' }],
    ['postgres:5432', { scheme: 'http', host: 'postgres', port: 5432 }],
    ['tcp://db-0.db:9042', { scheme: 'tcp', host: 'db-0.db', port: 9042 }],
    ['http://cart.shop.svc.cluster.local./', { host: 'cart.shop.svc.cluster.local', absolute: true }],
    [
      'http://a/b?x=1&y=2',
      {
        path: '/b',
        query: [
          ['x', '1'],
          ['y', '2'],
        ],
      },
    ],
  ])('%s', (raw, expected) => {
    expect(parseRequestUrl(raw)).toMatchObject(expected);
  });

  it.each(['', 'ftp://x/', 'http://', 'tcp://db'])('rejects %j', (raw) => {
    expect(parseRequestUrl(raw)).toHaveProperty('error');
  });
});
