import { expect, type Locator, type Page } from '@playwright/test';
import { TEST_IDS, VIEW_IDS } from '../../src/testIds';
import { TracePage } from './TracePage';

const byId = (id: string) => `[data-testid="${id}"]`;

/** The editor side: tabs, the CodeMirror text, the problems list. */
export class EditorPage {
  constructor(private readonly page: Page) {}

  get content(): Locator {
    return this.page.locator(`${byId(TEST_IDS.editor)} .cm-content`);
  }

  tab(name: string): Locator {
    return this.page.locator(`${byId(TEST_IDS.tab)}[data-file="${name}"]`);
  }

  get tabs(): Locator {
    return this.page.getByTestId(TEST_IDS.tab);
  }

  get problems(): Locator {
    return this.page.getByTestId(TEST_IDS.problem);
  }

  problem(code: string): Locator {
    return this.page.locator(`${byId(TEST_IDS.problem)}[data-code="${code}"]`);
  }

  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** The text of the active file, as the editor holds it. */
  async text(): Promise<string> {
    // The editor loads after the first graph: wait for it before reading.
    await this.content.waitFor();
    // CodeMirror draws only the lines in view: scroll through the text, collecting each line by
    // where it stands in the document, then scroll back.
    return this.page.evaluate(async () => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="editor"] .cm-scroller');
      const content = scroller?.querySelector<HTMLElement>('.cm-content');
      if (!scroller || !content) return '';
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const lines = new Map<number, string>();
      const collect = () => {
        const origin = content.getBoundingClientRect().top;
        for (const line of content.querySelectorAll('.cm-line'))
          lines.set(Math.round(line.getBoundingClientRect().top - origin), line.textContent ?? '');
      };
      const start = scroller.scrollTop;
      scroller.scrollTop = 0;
      await frame();
      collect();
      for (let i = 0; i < 200 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1; i++) {
        scroller.scrollTop += scroller.clientHeight / 2;
        await frame();
        collect();
      }
      scroller.scrollTop = start;
      return [...lines.entries()]
        .sort((a, b) => a[0] - b[0])
        .map((entry) => entry[1])
        .join('\n');
    });
  }

  /** Replaces the active file's text, as a user selecting all and pasting would. */
  async replaceText(text: string): Promise<void> {
    await this.content.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
  }

  /** Puts the cursor at the end of a line that contains `needle` and types `typed`. */
  async typeAfter(needle: string, typed: string): Promise<void> {
    const line = this.page.locator(`${byId(TEST_IDS.editor)} .cm-line`, { hasText: needle }).first();
    // CodeMirror draws only the lines in view: scroll down until the line is drawn.
    for (let i = 0; i < 20 && (await line.count()) === 0; i++) {
      await this.page
        .locator(`${byId(TEST_IDS.editor)} .cm-scroller`)
        .evaluate((el) => el.scrollBy(0, el.clientHeight / 2));
      await this.page.waitForTimeout(50);
    }
    await line.click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(typed);
  }

  /** The 1-based line the cursor is on. */
  async cursorLine(): Promise<number> {
    const active = this.page.locator(`${byId(TEST_IDS.editor)} .cm-activeLineGutter`);
    return Number((await active.first().textContent())?.trim());
  }
}

/** The canvas side: boxes and groups. */
export class CanvasPage {
  constructor(private readonly page: Page) {}

  get boxes(): Locator {
    return this.page.getByTestId(TEST_IDS.node);
  }

  box(kind: string, name?: string | RegExp): Locator {
    const boxes = this.page.locator(`${byId(TEST_IDS.node)}[data-kind="${kind}"]`);
    return name === undefined ? boxes : boxes.filter({ has: this.page.locator('.box-title', { hasText: name }) });
  }

  group(kind: string, name?: string): Locator {
    return this.page.locator(`${byId(TEST_IDS.groupNode)}[data-kind="${kind}"]${name ? `[data-name="${name}"]` : ''}`);
  }

  /** Stack boxes (many pods drawn as one). */
  get stacks(): Locator {
    return this.page.locator(`${byId(TEST_IDS.node)}[data-stack]`);
  }

  /** An arrow, by the view graph's edge id (`selects:<from>-><to>`). */
  edge(id: string): Locator {
    return this.page.getByTestId(`rf__edge-${id}`);
  }

  /**
   * How many boxes of a kind are drawn inside a group. React Flow draws children beside their
   * parent in the DOM, so "inside" is a matter of where they stand.
   */
  async countInside(group: Locator, kind: string): Promise<number> {
    return group.evaluate((element, wanted) => {
      const outer = element.getBoundingClientRect();
      const boxes = [...document.querySelectorAll(`[data-testid="graph-node"][data-kind="${wanted}"]`)];
      return boxes.filter((box) => {
        const inner = box.getBoundingClientRect();
        return (
          inner.left >= outer.left - 1 &&
          inner.right <= outer.right + 1 &&
          inner.top >= outer.top - 1 &&
          inner.bottom <= outer.bottom + 1
        );
      }).length;
    }, kind);
  }

  /** Pods per worker node, in node order. */
  async podsPerNode(): Promise<number[]> {
    const nodes = await this.group('Node').all();
    return Promise.all(nodes.map((node) => this.countInside(node, 'Pod')));
  }
}

/** The inspector panel over the right side of the canvas. */
export class InspectorPage {
  constructor(private readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId(VIEW_IDS.inspector);
  }

  section(title: string): Locator {
    return this.panel.locator(`${byId(VIEW_IDS.inspectorSection)}[data-title="${title}"]`);
  }

  links(title: string): Locator {
    return this.section(title).getByTestId(VIEW_IDS.inspectorLink);
  }

  get close(): Locator {
    return this.page.getByTestId(VIEW_IDS.inspectorClose);
  }
}

/** The whole app. */
export class AppPage {
  readonly editor: EditorPage;
  readonly canvas: CanvasPage;
  readonly trace: TracePage;
  readonly inspector: InspectorPage;

  constructor(readonly page: Page) {
    this.editor = new EditorPage(page);
    this.canvas = new CanvasPage(page);
    this.trace = new TracePage(page);
    this.inspector = new InspectorPage(page);
  }

  /** Opens the app; each test has a fresh browser context, so nothing saved from an earlier test. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId(TEST_IDS.app)).toBeVisible();
  }

  async loadSample(id: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.getByTestId(TEST_IDS.samplesButton).click();
    await this.page.locator(`${byId(TEST_IDS.sample)}[data-sample="${id}"]`).click();
  }

  /** Opens the toolbar's view menu (Kubernetes: view, layers, worker nodes, version), if closed. */
  async openViewMenu(): Promise<void> {
    const button = this.page.getByTestId(VIEW_IDS.viewMenu);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  /** Sets the simulated worker node count in the view menu. */
  async setWorkerNodes(count: number): Promise<void> {
    await this.openViewMenu();
    await this.page.getByTestId(TEST_IDS.nodeCount).fill(String(count));
  }

  async setViewMode(mode: 'infrastructure' | 'application'): Promise<void> {
    await this.openViewMenu();
    await this.page.getByTestId(TEST_IDS.viewMode).selectOption(mode);
  }

  /** Edits a file of the workspace: opens its tab and replaces `from` by `to` in its text. */
  async editFile(name: string, from: string | RegExp, to: string): Promise<void> {
    await this.editor.openTab(name);
    const text = await this.editor.text();
    const edited = text.replace(from, to);
    expect(edited, `${name} holds ${String(from)}`).not.toBe(text);
    await this.editor.replaceText(edited);
  }

  get status(): Locator {
    return this.page.getByTestId(TEST_IDS.statusProblems);
  }

  get staleBanner(): Locator {
    return this.page.getByTestId(TEST_IDS.staleBanner);
  }

  /** Drops files onto the page as a user dragging them from the desktop would. */
  async dropFiles(files: { name: string; text: string }[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) transfer.items.add(new File([file.text], file.name, { type: 'text/yaml' }));
      return transfer;
    }, files);
    const target = this.page.getByTestId(TEST_IDS.canvas);
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }
}
