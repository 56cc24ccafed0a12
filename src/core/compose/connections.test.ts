import { describe, expect, it } from 'vitest';
import { findConnections } from './connections';

describe('findConnections', () => {
  it.each([
    ['postgresql://root:secret@postgres:5432/simple_bank?sslmode=disable', [['postgres', 5432]]],
    ['postgres://db/app', [['db', 5432]]],
    ['redis://cache', [['cache', 6379]]],
    ['mongodb://user:pw@mongo:27017', [['mongo', 27017]]],
    ['/app/wait-for-it.sh postgres:5432 -- /app/start.sh', [['postgres', 5432]]],
    ['http://api.example.com/x', []],
    ['http://localhost:8080', []],
    ['development', []],
    ['Europe/Paris', []],
    ['amqp://guest:guest@rabbitmq:5672/', [['rabbitmq', 5672]]],
  ])('%s', (text, expected) => {
    expect(findConnections(text, 'X').map((c) => [c.host, c.port])).toEqual(expected);
  });
});
