import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it), driven by playwright-core, which downloads no browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// In CI a missing Chromium is a failure (launch throws); on a developer's machine without it the test is skipped.
const describeInBrowser = fs.existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

describeInBrowser('the explorer in a real browser (Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens GraphiQL with the Explorer panel, builds a query by a click, and loads nothing from elsewhere nor breaks the CSP', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${app.baseUrl}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    // A CSP violation is reported on the console as an error ("Refused to …"), as is any script error.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${app.baseUrl}/graphql`);
    const explorer = page.locator('.graphiql-explorer-root');
    // The panel lists the root fields once GraphiQL has introspected the schema.
    await explorer.getByText('strategicDependencies', { exact: true }).waitFor({ timeout: 30_000 });

    // Point and click: ticking a root field adds it to the operation in the editor.
    const editorText = () => page.locator('.graphiql-query-editor .CodeMirror-code').innerText();
    expect(await editorText()).not.toContain('datasets');
    await explorer.getByText('datasets', { exact: true }).click();
    // Expressions run in the page (as strings: the project's TypeScript has no DOM types).
    await page.waitForFunction("document.querySelector('.graphiql-query-editor .CodeMirror-code')?.textContent?.includes('datasets')");
    expect(await editorText()).toContain('datasets');

    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the metric definitions with our stylesheet applied, under the CSP', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(message.text());
    });
    await page.goto(`${app.baseUrl}/docs/metrics#gini`);
    await page.locator('h3#gini').waitFor();
    // The stylesheet loaded: its table borders are applied (a browser default table has none).
    const border = await page.evaluate("getComputedStyle(document.querySelector('table th')).borderTopStyle");
    expect(border).toBe('solid');
    expect(problems).toEqual([]);
    await page.close();
  });
});
