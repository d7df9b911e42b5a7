// Reader-level tests of the built site (dist/) in Debian's headless Chromium: the
// page used as a reader uses it, by role and label, keyboard and pointer. Every
// test also checks that nothing errors and nothing reaches another origin.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { analysisComplete, readerSuite } from './support.mjs';

const HEADLINE = ['AI demand slowdown', 'Miner leverage', 'Chip throughput'];
const OUTPUT = 'e2e/output';
const MONTHS = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

const suite = await readerSuite({ before, after, afterEach });
before(() => mkdir(OUTPUT, { recursive: true }));

/** Opens the explorer and waits until the app has rendered its summary. */
async function explorer(viewport) {
  const page = await suite.open('/', viewport);
  await page.getByRole('status').waitFor();
  return page;
}

/** The value shown for a headline figure, found by its label. */
function figure(page, label) {
  return page.locator('.metric', { has: page.getByText(label, { exact: true }) }).locator('.metric__value');
}

/** The first squeeze as a month number (Infinity when there is none). */
async function firstSqueeze(page) {
  const text = (await figure(page, 'First squeeze').textContent()).trim();
  const match = text.match(/^(\w{3}) (\d{4})$/);
  return match ? Number(match[2]) * 12 + MONTHS[match[1]] : Infinity;
}

async function choosePreset(page, label) {
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label });
}

test('each headline slider moved by keyboard pushes the squeeze earlier, in words and figures', async () => {
  const page = await explorer();
  for (const name of HEADLINE) {
    await choosePreset(page, 'AI demand stalls');
    const summary = await page.getByRole('status').textContent();
    const before = await firstSqueeze(page);
    const slider = page.getByRole('slider', { name });
    await slider.focus();
    await page.keyboard.press('End'); // the end that stresses the miners most
    assert.notEqual(await page.getByRole('status').textContent(), summary, `${name}: the summary changes`);
    assert.ok((await firstSqueeze(page)) <= before, `${name}: the first squeeze does not come later`);
    // Arrow keys move one step and announce the value with its unit.
    const announced = await slider.getAttribute('aria-valuetext');
    await page.keyboard.press('ArrowLeft');
    assert.notEqual(await slider.getAttribute('aria-valuetext'), announced);
    assert.match(announced, /%|×/, 'the value is announced with its unit');
  }
});

test('dragging a slider with the pointer recomputes while dragging', async () => {
  const page = await explorer();
  await choosePreset(page, 'AI demand stalls');
  const before = await firstSqueeze(page);
  const slider = page.getByRole('slider', { name: 'Miner leverage' });
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  const summaries = new Set();
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  let shown = await slider.getAttribute('aria-valuetext');
  for (let step = 0; step <= 10; step += 1) {
    await page.mouse.move(box.x + 2 + ((box.width - 4) * step) / 10, y);
    // The render that shows the new value shows its summary too: wait for it.
    const handle = await slider.elementHandle();
    await page.waitForFunction(([el, was]) => el.getAttribute('aria-valuetext') !== was, [handle, shown], { timeout: 2000 }).catch(() => {});
    shown = await slider.getAttribute('aria-valuetext');
    summaries.add(await page.getByRole('status').textContent());
  }
  await page.mouse.up();
  assert.ok(summaries.size >= 3, `the summary updates during the drag (${summaries.size} versions)`);
  assert.equal(await slider.getAttribute('aria-valuetext'), '90%');
  assert.ok((await firstSqueeze(page)) <= before, 'more leverage never delays the squeeze');
});

test('presets set the levers and describe themselves; Reset returns to the preset', async () => {
  const page = await explorer();
  const reset = page.getByRole('button', { name: 'Reset' });
  assert.ok(await reset.isDisabled(), 'nothing to reset at first');
  const seen = new Set();
  for (const label of ['Chip glut', 'Soft landing', '2022 replay', 'AI demand stalls', 'Late-2025 base case']) {
    await choosePreset(page, label);
    seen.add(await page.getByRole('status').textContent());
  }
  assert.ok(seen.size >= 4, 'presets lead to different outcomes');
  await choosePreset(page, 'Chip glut');
  assert.equal(await page.getByRole('slider', { name: 'Chip throughput' }).getAttribute('aria-valuetext'), '8.0×');
  await choosePreset(page, '2022 replay');
  assert.match(await page.getByRole('status').textContent(), /2022/, 'the replay squeezes in 2022');
  const slider = page.getByRole('slider', { name: 'Miner leverage' });
  const preset = await slider.getAttribute('aria-valuetext');
  await slider.focus();
  await page.keyboard.press('Home');
  assert.ok(await reset.isEnabled());
  await reset.click();
  assert.equal(await slider.getAttribute('aria-valuetext'), preset);
  assert.ok(await reset.isDisabled());
});

test('compare: pin a baseline, see changes against it, unpin', async () => {
  const page = await explorer();
  const pin = page.getByRole('button', { name: 'Pin as baseline' });
  await pin.click();
  const unpin = page.getByRole('button', { name: 'Unpin baseline' });
  assert.equal(await unpin.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByText('vs baseline').count(), 0, 'no change yet');
  const slider = page.getByRole('slider', { name: 'AI demand slowdown' });
  await slider.focus();
  await page.keyboard.press('End');
  assert.ok((await page.getByText(/vs baseline/).count()) > 0, 'changes appear beside the figures');
  await page.screenshot({ path: `${OUTPUT}/compare-1280.png`, fullPage: true });
  await unpin.click();
  assert.equal(await page.getByText(/vs baseline/).count(), 0, 'changes disappear when unpinned');
  assert.ok(await page.getByRole('button', { name: 'Pin as baseline' }).isVisible());
});

test('language switch: Italian text, numbers and lang attribute, and back', async () => {
  const page = await explorer();
  await page.getByRole('button', { name: 'Italiano' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'it');
  assert.ok(await page.getByRole('slider', { name: 'Rallentamento della domanda di IA' }).isVisible());
  assert.match(await page.getByRole('status').textContent(), /crisi di liquidità/);
  assert.match(await page.getByRole('status').textContent(), /\d\.\d{3} \$/, 'Italian thousands separator and currency after the number');
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.ok(await page.getByRole('slider', { name: 'AI demand slowdown' }).isVisible());
});

test('charts: tabs by keyboard, a text description and a data table for each', async () => {
  const page = await explorer();
  const charts = page.getByRole('region', { name: 'Charts', exact: true });
  const first = charts.getByRole('tab', { selected: true });
  await first.focus();
  const names = [];
  for (let i = 0; i < 4; i += 1) {
    const tab = charts.getByRole('tab', { selected: true });
    names.push(await tab.textContent());
    const chart = charts.getByRole('tabpanel').getByRole('img');
    assert.ok(await chart.isVisible(), 'the chart is drawn');
    assert.ok((await chart.getAttribute('aria-describedby')) !== null, 'it has a text description');
    await charts.getByRole('button', { name: 'Show data table' }).click();
    const table = charts.getByRole('tabpanel').getByRole('table');
    assert.ok((await table.getByRole('row').count()) > 3, 'the data table has rows');
    await charts.getByRole('button', { name: 'Show data table' }).click();
    await charts.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
  }
  assert.equal(new Set(names).size, 4, 'four different charts');
  assert.equal(await charts.getByRole('tab', { selected: true }).textContent(), names[0], 'arrow keys wrap around');
});

test('exports: the scenario as JSON and the outcome as CSV', async () => {
  const page = await explorer();
  const slider = page.getByRole('slider', { name: 'Miner leverage' });
  await slider.focus();
  await page.keyboard.press('End');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scenario (JSON)' }).click()]);
  const scenario = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(scenario.miner_leverage, 0.9, 'the downloaded scenario is the one on screen');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Data (CSV)' }).click()]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  assert.ok(lines.length > 12 && lines[0].includes(','), 'a header and monthly rows');
  const charts = page.getByRole('region', { name: 'Charts', exact: true });
  const [png] = await Promise.all([page.waitForEvent('download'), charts.getByRole('button', { name: 'Chart (PNG)' }).click()]);
  const bytes = await readFile(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
});

test('no accessibility violations (axe-core), closed and open panels, both languages', async () => {
  const page = await explorer();
  const check = async (what) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], what);
  };
  await check('initial page');
  await page.getByText('More levers').click();
  await page.getByText('Assumptions and sources').click();
  await page.getByRole('region', { name: 'Charts', exact: true }).getByRole('button', { name: 'Show data table' }).click();
  await analysisComplete(page);
  await check('panels open, uncertainty figures drawn');
  await page.getByRole('button', { name: 'Italiano' }).click();
  await check('Italian');
});

test('phone and desktop layouts fit and are written as screenshots', async () => {
  for (const [width, height] of [[375, 812], [1280, 900], [320, 640]]) {
    const page = await explorer({ width, height });
    for (const name of HEADLINE) {
      const box = await page.getByRole('slider', { name }).boundingBox();
      assert.ok(box && box.width > 150 && box.x >= 0 && box.x + box.width <= width, `${name} fits at ${width}px`);
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `no sideways scrolling at ${width}px (scrollWidth ${scrollWidth})`);
    const canvas = page.getByRole('region', { name: 'Charts', exact: true }).getByRole('tabpanel').getByRole('img');
    const [pixelWidth, cssWidth] = await canvas.evaluate((c) => [c.width, c.clientWidth]);
    assert.ok(pixelWidth >= cssWidth && cssWidth > 200, `the canvas backing store covers its box (${pixelWidth} px for ${cssWidth} CSS px)`);
    if (width !== 320) await page.screenshot({ path: `${OUTPUT}/explorer-${width}.png`, fullPage: true });
    await suite.closeChecked();
  }
});
