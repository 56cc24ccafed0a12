import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { SHARE_IDS, TEST_IDS, TRACE_IDS } from '../../src/testIds';

/** The Share and Embed dialogs, the banner above a shared link, and the start notice. */
export class SharePage {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId(SHARE_IDS.dialog);
  }

  get includeSecrets(): Locator {
    return this.page.getByTestId(SHARE_IDS.includeSecrets);
  }

  get longWarning(): Locator {
    return this.page.getByTestId(SHARE_IDS.longWarning);
  }

  get banner(): Locator {
    return this.page.getByTestId(SHARE_IDS.linkBanner);
  }

  get notice(): Locator {
    return this.page.getByTestId(SHARE_IDS.startNotice);
  }

  /** Opens the Share dialog and reads the link (secrets included when asked). */
  async link({ secrets = false } = {}): Promise<string> {
    await this.page.getByTestId(SHARE_IDS.shareButton).click();
    await expect(this.dialog).toBeVisible();
    if (secrets) await this.includeSecrets.check();
    const link = await this.page.getByTestId(SHARE_IDS.link).inputValue();
    await this.close();
    return link;
  }

  /** Opens the Embed dialog and reads its snippets. */
  async embedSnippets(): Promise<{ iframe: string; markdown: string }> {
    await this.page.getByTestId(SHARE_IDS.embedButton).click();
    const iframe = await this.page.getByTestId(SHARE_IDS.iframeSnippet).inputValue();
    const markdown = await this.page.getByTestId(SHARE_IDS.markdownSnippet).inputValue();
    await this.close();
    return { iframe, markdown };
  }

  async close(): Promise<void> {
    await this.page.getByTestId(SHARE_IDS.dialogClose).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** An embed inside an iframe on another page. */
export class EmbedFrame {
  readonly frame: FrameLocator;

  constructor(
    private readonly page: Page,
    selector = 'iframe',
  ) {
    this.frame = page.frameLocator(selector);
  }

  get root(): Locator {
    return this.frame.getByTestId(SHARE_IDS.embed);
  }

  get boxes(): Locator {
    return this.frame.getByTestId(TEST_IDS.node);
  }

  get editor(): Locator {
    return this.frame.getByTestId(TEST_IDS.editor);
  }

  get caption(): Locator {
    return this.frame.getByTestId(TRACE_IDS.caption);
  }

  get play(): Locator {
    return this.frame.getByTestId(SHARE_IDS.embedPlay);
  }

  get fit(): Locator {
    return this.frame.getByTestId(SHARE_IDS.embedFit);
  }

  get open(): Locator {
    return this.frame.getByTestId(SHARE_IDS.embedOpen);
  }
}
