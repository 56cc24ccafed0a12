import { describe, expect, it } from 'vitest';
import { pastedFileName } from './pastedFileName';

describe('pastedFileName', () => {
  it.each([
    ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: x\n  name: web\n', 'deployment-web.yaml'],
    ['kind: Service\nmetadata:\n  name: "api"\n---\nkind: Deployment\n', 'service-api.yaml'],
    ['services:\n  web:\n    image: nginx\n', 'compose.yaml'],
    ['kind: Namespace\n', 'namespace.yaml'],
    ['just some words', 'pasted.yaml'],
  ])('%j → %s', (text, expected) => {
    expect(pastedFileName(text)).toBe(expected);
  });
});
