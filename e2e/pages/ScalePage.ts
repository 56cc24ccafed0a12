import { expect, type Locator, type Page } from '@playwright/test';
import { SEARCH_IDS, TEST_IDS, VIEW_IDS } from '../../src/testIds';

/** Closed groups and the search: the canvas features of large inputs. */
export class ScalePage {
  constructor(private readonly page: Page) {}

  get search(): Locator {
    return this.page.getByTestId(SEARCH_IDS.input);
  }

  get options(): Locator {
    return this.page.getByTestId(SEARCH_IDS.option);
  }

  get foldStatus(): Locator {
    return this.page.getByTestId(SEARCH_IDS.foldStatus);
  }

  /** The boxes the search's focus lights. */
  get focused(): Locator {
    return this.page.locator('.react-flow__node.is-focus');
  }

  get focusing(): Locator {
    return this.page.locator('.react-flow.is-focusing');
  }

  /** A group drawn open (a namespace, a worker node), by its box id (`ns:default`, `node/node-1`). */
  openGroup(id: string): Locator {
    return this.page.locator(`[data-testid="${TEST_IDS.groupNode}"][data-object-id="${id}"]`);
  }

  /** A group drawn closed, as one box. */
  closedGroup(id: string): Locator {
    return this.page.locator(`[data-testid="${TEST_IDS.node}"][data-object-id="${id}"][data-folded]`);
  }

  async close(id: string): Promise<void> {
    // Closing is idempotent: a click that landed while the camera was still easing to a new
    // view (seen on a loaded machine) is simply made again.
    await expect(async () => {
      if (await this.openGroup(id).isVisible()) await this.openGroup(id).getByTestId(VIEW_IDS.groupCollapse).click();
      await expect(this.closedGroup(id)).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 15_000 });
  }

  async open(id: string): Promise<void> {
    await this.closedGroup(id).getByTestId(VIEW_IDS.groupExpand).click();
    await expect(this.openGroup(id)).toBeVisible();
  }

  /** Types into the search and picks the option whose box id is `id`. */
  async find(query: string, id: string): Promise<void> {
    await this.search.fill(query);
    await this.page.locator(`[data-testid="${SEARCH_IDS.option}"][data-id="${id}"]`).click();
  }

  /** Where the canvas looks (React Flow's viewport transform). */
  async viewport(): Promise<string> {
    return this.page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  }

  /** Pastes text onto the page (not into the editor): it opens as a new tab, as a user's paste does. */
  async pasteAsNewTab(text: string): Promise<void> {
    await this.page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, text);
  }
}
