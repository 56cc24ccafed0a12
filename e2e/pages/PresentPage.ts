import { expect, type Locator, type Page } from '@playwright/test';
import { PRESENT_IDS } from '../../src/testIds';

/** The presentation mode: its surface, its caption, its break-it menu and the keys. */
export class PresentPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId(PRESENT_IDS.root);
  }

  get caption(): Locator {
    return this.page.getByTestId(PRESENT_IDS.caption);
  }

  get note(): Locator {
    return this.page.getByTestId(PRESENT_IDS.note);
  }

  get hint(): Locator {
    return this.page.getByTestId(PRESENT_IDS.hint);
  }

  /** Boxes the build-up has revealed so far. */
  get revealedBoxes(): Locator {
    return this.root.locator('.react-flow__node:not(.is-unrevealed)');
  }

  /** Opens the presentation from the workspace's toolbar. */
  async openFromToolbar(): Promise<void> {
    await this.page.getByTestId(PRESENT_IDS.open).click();
    await this.waitReady();
  }

  /** Waits until the picture is drawn and the first step shown. */
  async waitReady(): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.root.locator('.react-flow__node').first()).toBeAttached();
    await expect(this.root).toHaveAttribute('data-step', '0');
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async expectLayer(layer: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-step-kind', 'build');
    await expect(this.root).toHaveAttribute('data-layer', layer);
  }

  /** Waits for the packet to rest on hop `hop` (0-based). */
  async expectHop(hop: number): Promise<void> {
    await expect(this.root).toHaveAttribute('data-step-kind', 'hop');
    await expect(this.root).toHaveAttribute('data-hop', String(hop));
    await expect(this.caption).toContainText(`Hop ${hop + 1} /`);
  }

  /** Turns a break-it toggle on or off (opens the menu when it is closed). */
  async toggleBreak(id: string): Promise<void> {
    await this.openBreakMenu();
    await this.page.locator(`[data-testid="${PRESENT_IDS.breakToggle}"][data-break-id="${id}"]`).click();
  }

  async openBreakMenu(): Promise<void> {
    const menu = this.page.getByTestId(PRESENT_IDS.breakMenu);
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }

  /** Undoes the mistake made, from the menu. */
  async undo(): Promise<void> {
    await this.openBreakMenu();
    await this.page.getByTestId(PRESENT_IDS.undo).click();
  }

  /** The smallest size, in screen pixels, at which a box title is drawn: font size × canvas zoom. */
  async smallestTitlePx(): Promise<number> {
    return this.root.evaluate((root) => {
      const viewport = root.querySelector<HTMLElement>('.react-flow__viewport')!;
      const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      const titles = [...root.querySelectorAll<HTMLElement>('.react-flow__node .box-title')];
      return Math.min(...titles.map((t) => parseFloat(getComputedStyle(t).fontSize) * zoom));
    });
  }
}
