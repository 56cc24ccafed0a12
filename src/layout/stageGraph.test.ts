import { describe, expect, it } from 'vitest';
import { stageNode, STAGE_MAX_WIDTH, wrapTitle } from './stageGraph';
import type { ViewNode } from './viewGraph';

const box = (title: string, extra: Partial<ViewNode> = {}): ViewNode => ({
  id: title,
  role: 'pod',
  kind: 'Pod',
  title,
  lines: [],
  group: false,
  width: 100,
  height: 50,
  problems: { error: 0, warning: 0, info: 0 },
  ...extra,
});

describe('wrapTitle', () => {
  it.each([
    ['api', ['api']],
    ['golang-backend-api-service', ['golang-backend-api-', 'service']],
    ['golang-backend-api-deployment-856d857f75-zwgqg', ['golang-backend-api-', 'deployment-856d857f75-', 'zwgqg']],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', ['aaaaaaaaaaaaaaaaaaaaaa', 'aaaaaaaa']],
    ['0.0.0.0:8080', ['0.0.0.0:8080']],
  ])('%s', (title, lines) => {
    expect(wrapTitle(title, 22)).toEqual(lines);
  });
});

describe('stageNode', () => {
  it('keeps a long name within the widest stage box, on more lines', () => {
    const short = stageNode(box('api'));
    const long = stageNode(box('golang-backend-api-deployment-856d857f75-zwgqg'));
    expect(long.width).toBeLessThanOrEqual(STAGE_MAX_WIDTH);
    expect(long.height).toBeGreaterThan(short.height);
  });

  it('drops a subtitle that only repeats the kind', () => {
    expect(stageNode(box('p', { subtitle: 'Pod' })).subtitle).toBeUndefined();
    expect(stageNode(box('s', { kind: 'Service', subtitle: 'Service · ClusterIP' })).subtitle).toBe(
      'Service · ClusterIP',
    );
  });

  it('leaves groups to the layout', () => {
    const group = box('cluster', { group: true, width: 0, height: 0 });
    expect(stageNode(group)).toBe(group);
  });
});
