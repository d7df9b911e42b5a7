// Sharing and embedding, as readers and editors meet them: links that restore a
// view exactly, back/forward, hostile links, the share dialog, the example
// article with two widgets, the sandboxed widget, the widget without JavaScript,
// and the Content-Security-Policy of every page.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { readerSuite } from './support.mjs';

const suite = await readerSuite({ before, after, afterEach });
const open = (path, viewport, options) => suite.open(path, viewport, options);

async function ready(page) {
  await page.getByRole('slider', { name: /AI demand slowdown|Rallentamento/ }).waitFor();
  return page;
}

test('a shared link restores the exact view: preset, levers, language and baseline', async () => {
  const page = await ready(await open('/'));
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Chip glut' });
  await page.getByRole('button', { name: 'Pin as baseline' }).click();
  const slider = page.getByRole('slider', { name: 'Miner leverage' });
  await slider.focus();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Italiano' }).click();
  const hash = await page.waitForFunction(() => location.hash.includes('lev=') && location.hash.includes('l=it') && location.hash.includes('b=1') && location.hash).then((h) => h.jsonValue());
  await page.locator('.summary__odds').waitFor();
  const summary = await page.getByRole('status').textContent();
  const leverage = await page.getByRole('slider', { name: 'Leva finanziaria dei miner' }).getAttribute('aria-valuetext');

  // Opened afresh in a new tab, as a reader who got the link would.
  const copy = await suite.session().context.newPage();
  copy.on('console', (message) => message.type() === 'error' && suite.session().errors.push(message.text()));
  await copy.goto(`${suite.origin()}/${hash}`);
  await ready(copy);
  await copy.locator('.summary__odds').waitFor();
  assert.equal(await copy.evaluate(() => document.documentElement.lang), 'it');
  assert.equal(await copy.getByRole('status').textContent(), summary, 'the same outcome in words');
  assert.equal(await copy.getByRole('slider', { name: 'Leva finanziaria dei miner' }).getAttribute('aria-valuetext'), leverage);
  assert.equal(await copy.getByRole('button', { name: 'Togli il riferimento' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await copy.getByLabel('Scenario', { exact: true }).inputValue(), 'chip_glut');
  assert.equal(await copy.getByRole('alert').count(), 0, 'a good link raises no notice');
});

test('back and forward restore earlier views; dragging does not flood the history', async () => {
  const page = await ready(await open('/'));
  const start = await page.evaluate(() => history.length);
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Chip glut' });
  await page.waitForFunction(() => location.hash.includes('p=chip_glut'));
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Soft landing' });
  await page.waitForFunction(() => location.hash.includes('p=soft_landing'));
  const slider = page.getByRole('slider', { name: 'AI demand slowdown' });
  await slider.focus();
  for (let i = 0; i < 40; i += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('ai='));
  assert.ok((await page.evaluate(() => history.length)) - start <= 2, 'a drag replaces the entry instead of adding 40');
  await page.goBack();
  await page.waitForFunction(() => location.hash.includes('p=chip_glut'));
  assert.equal(await page.getByLabel('Scenario', { exact: true }).inputValue(), 'chip_glut');
  assert.equal(await page.getByRole('slider', { name: 'Chip throughput' }).getAttribute('aria-valuetext'), '8.0×');
  await page.goForward();
  await page.waitForFunction(() => location.hash.includes('p=soft_landing'));
  assert.equal(await page.getByLabel('Scenario', { exact: true }).inputValue(), 'soft_landing');
});

test('a hostile link is harmless: a notice says what changed and the scenario is sane', async () => {
  const junk = Array.from({ length: 3000 }, (_, i) => `k${i}=${i}`).join('&');
  const hostile = `#lev=1e308&ai=NaN&chip=%3Cscript%3Ealert(1)%3C%2Fscript%3E&p=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&rate=-5&${junk}`;
  const page = await open(`/${hostile}`);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    dialog.dismiss();
  });
  await ready(page);
  const notice = page.getByRole('alert');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /Miner leverage/);
  assert.match(text, /<script>/, 'untrusted text is shown as text');
  assert.equal(await page.locator('main script, main img[src="x"]').count(), 0, 'nothing from the URL became markup');
  assert.equal(await page.getByRole('slider', { name: 'Miner leverage' }).getAttribute('aria-valuetext'), '90%');
  await page.getByText('More levers').click();
  assert.equal(await page.getByRole('slider', { name: 'Interest rate on new debt' }).getAttribute('aria-valuetext'), '0.00% a year');
  assert.match(await page.getByRole('status').textContent(), /squeeze|No company/);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(dialogs, 0, 'no script from the URL ran');
});

test('the share dialog gives the link and the embed code, and copies or selects them', async () => {
  const page = await ready(await open('/'));
  const slider = page.getByRole('slider', { name: 'Miner leverage' });
  await slider.focus();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Share or embed' }).click();
  const dialog = page.getByRole('dialog');
  const link = await dialog.getByLabel('Link to exactly this view').inputValue();
  assert.ok(link.startsWith(suite.origin()) && link.includes('lev=0.9'), link);
  const code = await dialog.getByLabel('Embed code for an article').inputValue();
  assert.match(code, /<iframe src="[^"]*embed\.html#lev=0\.9&amp;v=2\.0&amp;d=2025-12-31&amp;h=[^"]+"/);
  assert.match(code, /sandbox="allow-scripts/);
  assert.match(code, /squeeze-embed\.js/);
  await dialog.getByRole('button', { name: 'Copy' }).first().click();
  await assert.doesNotReject(dialog.getByText(/Copied|press Ctrl\+C/).waitFor());
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('dialog').count(), 0, 'Escape closes the dialog');
});

test('the example article: two widgets resize, report their outcome, and the article drives one', async () => {
  const page = await open('/examples/article.html', { width: 900, height: 1000 });
  const stalls = page.locator('#stalls-reaction');
  const glut = page.locator('#glut-reaction');
  await page.waitForFunction(() => document.querySelectorAll('.reaction[data-squeeze-date]').length === 2);
  const before = await stalls.getAttribute('data-squeeze-date');
  assert.notEqual(await glut.getAttribute('data-squeeze-date'), null);
  for (const id of ['stalls', 'glut']) {
    const height = await page.locator(`#${id}`).evaluate((frame) => frame.style.height);
    assert.match(height, /^\d+px$/, `${id} was resized from its squeeze:resize message`);
    const frame = page.frameLocator(`#${id}`);
    await frame.getByRole('slider', { name: 'AI demand slowdown' }).waitFor();
    const content = await page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height);
    assert.ok(content >= 300, `${id} is tall enough for its content (${content}px)`);
  }
  // By keyboard: the widgets resize as they scroll into view, which moves the button.
  await page.getByRole('button', { name: /harsher scenario/ }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((old) => document.querySelector('#stalls-reaction').dataset.squeezeDate !== old, before);
  const frame = page.frameLocator('#stalls');
  assert.equal(await frame.getByRole('slider', { name: 'AI demand slowdown' }).getAttribute('aria-valuetext'), '80%');
  assert.equal(await frame.getByRole('slider', { name: 'Miner leverage' }).getAttribute('aria-valuetext'), '85%');
});

test('the widget fits 300 to 720 px columns in a sandboxed iframe, with no errors', async () => {
  for (const width of [300, 480, 720]) {
    const page = await open('/examples/article.html', { width: width + 40, height: 900 });
    await page.locator('#stalls').evaluate((frame, w) => { frame.style.width = `${w}px`; frame.style.minWidth = '0'; }, width);
    const frame = page.frameLocator('#stalls');
    await frame.getByRole('slider', { name: 'Miner leverage' }).waitFor();
    const overflow = await frame.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling inside a ${width}px widget (overflow ${overflow}px)`);
    assert.equal(await frame.locator('a', { hasText: 'Open the full explorer' }).count(), 1);
    // One column: summary, sliders, chart and link follow each other without overlapping.
    const boxes = [];
    for (const part of [frame.getByRole('status'), frame.getByRole('slider', { name: 'Chip throughput' }), frame.getByRole('tabpanel'), frame.getByRole('link')]) {
      boxes.push(await part.boundingBox());
    }
    for (let i = 1; i < boxes.length; i += 1) {
      assert.ok(boxes[i].y >= boxes[i - 1].y + boxes[i - 1].height - 1, `part ${i} starts below part ${i - 1} at ${width}px`);
    }
    await suite.closeChecked();
  }
});

test('without JavaScript the widget and the page show the fallback chart and summary', async () => {
  for (const path of ['/embed.html', '/', '/embed-chip_glut.html']) {
    const page = await open(path, { width: 720, height: 900 }, { javaScriptEnabled: false });
    const chart = page.getByRole('img').first();
    assert.ok(await chart.isVisible(), `${path}: a static chart`);
    assert.ok((await chart.evaluate((img) => img.naturalWidth)) > 0, `${path}: the chart image loaded`);
    const summary = await page.locator('.fallback__summary').textContent();
    assert.match(summary, /squeeze|No company/, `${path}: the summary in words`);
  }
});

test('every page has a strict CSP and no inline script', async () => {
  const pages = (await readdir('dist')).filter((name) => name.endsWith('.html'));
  assert.ok(pages.includes('index.html') && pages.includes('embed.html'));
  for (const name of pages) {
    const html = await readFile(`dist/${name}`, 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    assert.match(csp, /default-src 'self'/, name);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, name);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, name);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${name} has no inline script`);
  }
});
