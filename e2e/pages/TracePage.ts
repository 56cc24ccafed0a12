import type { Locator, Page } from '@playwright/test';
import { TRACE_IDS } from '../../src/testIds';

/** The trace bar, the hop list and the caption. */
export class TracePage {
  constructor(private readonly page: Page) {}

  get url(): Locator {
    return this.page.getByTestId(TRACE_IDS.url);
  }

  get hops(): Locator {
    return this.page.getByTestId(TRACE_IDS.hop);
  }

  get currentHop(): Locator {
    return this.page.locator(`[data-testid="${TRACE_IDS.hop}"][aria-current="step"]`);
  }

  get caption(): Locator {
    return this.page.getByTestId(TRACE_IDS.caption);
  }

  get failure(): Locator {
    return this.page.getByTestId(TRACE_IDS.failure);
  }

  get packet(): Locator {
    return this.page.getByTestId(TRACE_IDS.packet);
  }

  /** Types a URL and starts the trace. */
  async run(url: string, from?: string): Promise<void> {
    await this.url.fill(url);
    if (from !== undefined) await this.page.getByTestId(TRACE_IDS.from).selectOption(from);
    await this.page.getByTestId(TRACE_IDS.run).click();
  }

  /** Pauses the animation, so steps are the user's alone. */
  async pause(): Promise<void> {
    const play = this.page.getByTestId(TRACE_IDS.play);
    if ((await play.getAttribute('aria-label')) === 'Pause') await play.click();
  }
}
