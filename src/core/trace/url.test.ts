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
    [
      'postgresql://root:secret@postgres:5432/simple_bank',
      { scheme: 'tcp', written: 'postgresql', host: 'postgres', port: 5432 },
    ],
    ['http://[::1]:8089/', { host: '[::1]', port: 8089, explicitPort: true }],
    ['postgres://db/app', { scheme: 'tcp', host: 'db', port: 5432, explicitPort: false }],
    ['mysql://db', { scheme: 'tcp', port: 3306 }],
    ['redis://cache', { scheme: 'tcp', port: 6379 }],
    ['mongodb://mongo', { scheme: 'tcp', port: 27017 }],
    ['amqp://guest:guest@rabbit/', { scheme: 'tcp', host: 'rabbit', port: 5672 }],
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
