// The guided story, used as a reader does: start it, walk every step by keyboard
// in English and Italian (each step sets the levers and says one thing), leave
// it; open a page or a widget at a step with #story=N; and drive a widget's steps
// from the article around it with squeeze:story messages (scrollytelling).
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { readerSuite } from './support.mjs';

const suite = await readerSuite({ before, after, afterEach });
// The preset each step starts from, and the slowdown it sets.
const STEPS = [
  ['base', '0%'],
  ['ai_demand_stalls', '40%'],
  ['base', '70%'],
  ['base', '50%'],
  ['replay_2022', null],
  ['base', '0%'],
];

async function walk(page, lang) {
  const [start, counter, next, back, leave, slowdown] = lang === 'en'
    ? ['Walk through the argument in 6 steps', 'The argument, step', 'Next', 'Back', 'Leave the story', 'AI demand slowdown']
    : ['Segui il ragionamento in 6 passi', 'Il ragionamento, passo', 'Avanti', 'Indietro', 'Esci dal racconto', 'Rallentamento della domanda di IA'];
  await page.getByRole('button', { name: start }).focus();
  await page.keyboard.press('Enter');
  const story = page.getByRole('region', { name: new RegExp(`^${counter} \\d / 6$`) });
  const titles = new Set();
  for (let i = 0; i < STEPS.length; i += 1) {
    await page.getByRole('heading', { name: `${counter} ${i + 1} / 6` }).waitFor();
    const [preset, value] = STEPS[i];
    assert.equal(await page.getByLabel(lang === 'en' ? 'Scenario' : 'Scenario', { exact: true }).inputValue(), preset, `step ${i + 1}`);
    if (value) {
      assert.equal(await page.getByRole('slider', { name: slowdown }).getAttribute('aria-valuetext'), value, `step ${i + 1}`);
    }
    titles.add(await story.getByRole('heading', { level: 3 }).textContent());
    const text = await story.locator('.story__text').textContent();
    assert.ok(text.split(/[.!?](\s|$)/).filter((s) => s.trim()).length >= 2, `two sentences: ${text}`);
    if (i < STEPS.length - 1) {
      // By keyboard: Tab to Next and Enter on even steps, the right arrow on odd ones.
      if (i % 2 === 0) {
        await story.getByRole('button', { name: next }).focus();
        await page.keyboard.press('Enter');
      } else {
        await story.getByRole('button', { name: back }).focus();
        await page.keyboard.press('ArrowRight');
      }
    }
  }
  assert.equal(titles.size, 6, 'six different steps');
  assert.equal(await story.getByRole('button', { name: next }).isDisabled(), true);
  await story.getByRole('button', { name: back }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('heading', { name: `${counter} 5 / 6` }).waitFor();
  const { violations } = await new AxeBuilder({ page }).include('.story').analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await story.getByRole('button', { name: leave }).click();
  await page.getByRole('button', { name: start }).waitFor();
}

test('the story runs through every step by keyboard, in English', async () => {
  await walk(await suite.open('/'), 'en');
});

test('the story runs through every step by keyboard, in Italian', async () => {
  await walk(await suite.open('/#l=it'), 'it');
});

test('#story=3 opens the page and the widget at that step; the article drives the widget with messages', async () => {
  const page = await suite.open('/#story=3');
  await page.getByRole('heading', { name: 'The argument, step 3 / 6' }).waitFor();
  assert.equal(await page.getByRole('slider', { name: 'Miner leverage' }).getAttribute('aria-valuetext'), '90%');
  // A host page with the widget at step 1, driving it as its reader scrolls.
  await page.setContent('<iframe id="w" title="Squeeze" src="/embed.html#story=1" width="400" height="900"></iframe>');
  const frame = page.frameLocator('#w');
  await frame.getByRole('heading', { name: 'The argument, step 1 / 6' }).waitFor();
  await page.evaluate(() => document.getElementById('w').contentWindow.postMessage({ type: 'squeeze:story', step: 5 }, '*'));
  await frame.getByRole('heading', { name: 'The argument, step 5 / 6' }).waitFor();
  await frame.getByRole('status').getByText(/Core Scientific/).waitFor();
  // A step out of range is ignored; 0 leaves the story.
  await page.evaluate(() => document.getElementById('w').contentWindow.postMessage({ type: 'squeeze:story', step: 42 }, '*'));
  await page.evaluate(() => document.getElementById('w').contentWindow.postMessage({ type: 'squeeze:story', step: 0 }, '*'));
  await frame.getByRole('button', { name: 'Walk through the argument in 6 steps' }).waitFor();
});
