import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';

const deployment = (replicas: string, containerPort = '80', selector = '\n    matchLabels:\n      app: web') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:${selector}\n` +
  `  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: c\n          image: nginx\n` +
  `          ports:\n            - containerPort: ${containerPort}\n`;
const service = (selector: string, port = '80') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: ${selector}\n  ports:\n    - port: ${port}\n`;

const typeErrors = (text: string) =>
  analyze([{ name: 'f.yaml', text }]).diagnostics.filter((d) => d.code === 'K8S-FIELD-TYPE');

describe('wrong types are errors at their line', () => {
  it.each([
    ['replicas: "three"', deployment('"three"'), 6, 'replicas must be an integer of 0 or more, not "three"'],
    ['replicas: -5', deployment('-5'), 6, 'not -5'],
    ['replicas: .nan', deployment('.nan'), 6, 'not .nan'],
    ['replicas: 1.5', deployment('1.5'), 6, 'not 1.5'],
    ['containerPort: "http"', deployment('1', '"http"'), 19, 'containerPort must be an integer from 1 to 65535'],
    ['containerPort: 70000', deployment('1', '70000'), 19, 'not 70000'],
    ['a workload selector: app', deployment('1', '80', ' app'), 7, 'selector must be a mapping'],
    ['a Service selector: app', service('app'), 6, 'selector must be a mapping of labels'],
    ['a Service port: [80]', service('{app: web}', '[80]'), 8, 'port must be an integer'],
  ])('%s', (_, text, line, message) => {
    const [error, ...rest] = typeErrors(text);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ severity: 'error', line });
    expect(error!.message).toContain(message);
  });

  it.each([
    ['replicas: 3', deployment('3')],
    ['replicas: 0', deployment('0')],
    ['replicas: "3" (left to the schema check)', deployment('"3"')],
    ['a Service selector mapping', service('{app: web}')],
  ])('accepts %s', (_, text) => {
    expect(typeErrors(text)).toEqual([]);
  });
});
