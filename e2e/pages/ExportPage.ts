import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { EXPORT_IDS } from '../../src/testIds';

type Item = 'svg' | 'png' | 'animatedSvg' | 'html' | 'mermaid';

/** The Export menu in the toolbar, and what it saves. */
export class ExportPage {
  constructor(private readonly page: Page) {}

  get button(): Locator {
    return this.page.getByTestId(EXPORT_IDS.button);
  }

  get status(): Locator {
    return this.page.getByTestId(EXPORT_IDS.status);
  }

  item(item: Item): Locator {
    return this.page.getByTestId(EXPORT_IDS[item]);
  }

  /** Opens the menu (when closed) and shows an item. */
  async open(): Promise<void> {
    if ((await this.button.getAttribute('aria-expanded')) !== 'true') await this.button.click();
    await expect(this.item('svg')).toBeVisible();
  }

  /** Chooses an item that saves a file; returns the download and its bytes. */
  async download(item: Exclude<Item, 'mermaid'>): Promise<{ download: Download; bytes: Buffer }> {
    await this.open();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.item(item).click()]);
    const path = await download.path();
    return { download, bytes: await readFile(path) };
  }

  /** Chooses an item that saves a text file; returns its name and text. */
  async downloadText(item: Exclude<Item, 'mermaid' | 'png'>): Promise<{ name: string; text: string }> {
    const { download, bytes } = await this.download(item);
    return { name: download.suggestedFilename(), text: bytes.toString('utf8') };
  }

  /** Copies the Mermaid flowchart and waits for the confirmation. */
  async copyMermaid(): Promise<void> {
    await this.open();
    await this.item('mermaid').click();
    await expect(this.status).toContainText('Copied');
  }
}
