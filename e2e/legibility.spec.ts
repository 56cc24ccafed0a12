import type { Page } from '@playwright/test';
import { TEST_IDS, TRACE_IDS } from '../src/testIds';
import { expect, test } from './fixtures';

/** The smallest box title on screen, in CSS pixels: its font size times the canvas zoom. */
async function smallestTitle(page: Page): Promise<number> {
  return page.evaluate(() => {
    const titles = [...document.querySelectorAll<HTMLElement>('[data-testid="graph-node"] .box-title')];
    const sizes = titles.map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.getBoundingClientRect().width / t.offsetWidth),
    );
    return sizes.length ? Math.min(...sizes) : 0;
  });
}

/**
 * Arrows that run through a box that is not one of their ends (nor inside one), found on the
 * drawn SVG paths: points along each path, in screen space, against every box's rectangle.
 */
async function arrowCrossings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rectOf = (id: string) =>
      document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => n.querySelector('[data-testid="graph-node"]'))
      .map((n) => ({ id: n.dataset.id ?? '', rect: n.getBoundingClientRect() }));
    const within = (a: DOMRect, b: DOMRect) =>
      a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
    const found: string[] = [];
    for (const edge of document.querySelectorAll<SVGGElement>('g[data-source]')) {
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const matrix = path?.getScreenCTM();
      if (!path || !matrix) continue;
      const source = edge.dataset.source ?? '';
      const target = edge.dataset.target ?? '';
      const ends = [rectOf(source), rectOf(target)].filter((r): r is DOMRect => !!r);
      const length = path.getTotalLength();
      for (const box of boxes) {
        if (box.id === source || box.id === target || ends.some((end) => within(box.rect, end))) continue;
        const r = box.rect;
        for (let at = 0; at <= length; at += 3) {
          const p = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(matrix);
          if (p.x > r.left + 2 && p.x < r.right - 2 && p.y > r.top + 2 && p.y < r.bottom - 2) {
            found.push(`${source} → ${target} crosses ${box.id}`);
            break;
          }
        }
      }
    }
    return found;
  });
}

test.describe('legible by default at 1400×900, editor open', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('the seed sample’s box titles are at least 12px on screen after the fit', async ({ app, page }) => {
    await app.open();
    await expect(app.canvas.boxes.first()).toBeVisible();
    await expect.poll(() => smallestTitle(page), { timeout: 5000 }).toBeGreaterThanOrEqual(12);
  });

  test('Online Boutique’s box titles are at least 9px on screen after the fit', async ({ app, page }) => {
    await app.open();
    await app.loadSample('online-boutique');
    await expect(app.canvas.box('Service', 'frontend-external')).toBeVisible();
    await expect.poll(() => smallestTitle(page), { timeout: 5000 }).toBeGreaterThanOrEqual(9);
  });
});

test('the minimap covers no box while the whole picture is in view, and shows once part is out of it', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await app.loadSample('online-boutique');
  await expect(app.canvas.box('Service', 'frontend-external')).toBeVisible();
  const minimap = page.locator('.react-flow__minimap');
  await expect(minimap).toHaveCount(0);
  await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__controls-zoomin').click();
  await expect(minimap).toBeVisible();
  await page.locator('.react-flow__controls-fitview').click();
  await expect(minimap).toHaveCount(0);
});

test('the fit button frames the picture as the canvas first did', async ({ app, page }) => {
  await app.open();
  await expect(app.canvas.box('Service').first()).toBeVisible();
  const viewport = page.locator('.react-flow__viewport');
  const transform = () => viewport.evaluate((el) => (el as HTMLElement).style.transform);
  await page.waitForTimeout(500);
  const fitted = await transform();
  await page.locator('.react-flow__controls-zoomin').click();
  await expect.poll(transform).not.toBe(fitted);
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(transform).toBe(fitted);
});

test('no arrow crosses a box, in every sample and both views', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  await page.getByTestId(TEST_IDS.samplesButton).click();
  const ids = await page
    .getByTestId(TEST_IDS.sample)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-sample') ?? ''));
  await page.getByTestId(TEST_IDS.samplesButton).click(); // closes the menu
  expect(ids.length).toBeGreaterThanOrEqual(7);
  for (const id of ids) {
    await app.loadSample(id);
    await expect(app.canvas.boxes.first()).toBeVisible();
    // Compose has one view (the toolbar shows no view switch for it).
    const modes = id.includes('compose') ? (['infrastructure'] as const) : (['infrastructure', 'application'] as const);
    for (const mode of modes) {
      if (modes.length > 1) await app.setViewMode(mode);
      await expect(page.locator('g[data-source]').first()).toBeAttached();
      await expect.poll(() => arrowCrossings(page), { message: `${id}, ${mode} view` }).toEqual([]);
    }
    if (modes.length > 1) await app.setViewMode('infrastructure');
  }
});

test('the canvas keeps its size across every hop of a trace, and the camera follows the hop', async ({ app, page }) => {
  await app.open();
  await app.loadSample('online-boutique');
  await expect(app.canvas.box('Service', 'frontend-external')).toBeVisible();
  const canvas = page.getByTestId(TEST_IDS.canvas);
  const before = await canvas.boundingBox();
  await app.trace.run('http://node-1:31286/');
  await app.trace.pause();
  const hops = await app.trace.hops.count();
  expect(hops).toBeGreaterThan(3);
  await page.keyboard.press('Home');
  for (let hop = 0; hop < hops; hop++) {
    await expect(app.trace.currentHop).toHaveText(new RegExp(`^${hop + 1}`));
    expect(await canvas.boundingBox()).toEqual(before);
    await page.keyboard.press('ArrowRight');
  }
  // The last hop's box is on screen, clear of the hop list.
  const list = await page.getByTestId(TRACE_IDS.hops).boundingBox();
  const current = await page.locator('.react-flow__node.is-current').boundingBox();
  expect(current && list && current.x + current.width <= list.x + 4).toBe(true);
});
