// Tipping points on the sliders: the mark under the AI-slowdown slider says where
// a squeeze starts, and the outcome agrees on either side of it — used as a
// reader does, by role and label; the mark follows the other levers.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readerSuite } from './support.mjs';

const suite = await readerSuite({ before, after, afterEach });

/** The slider's tipping words, once computed (its accessible description includes them). */
async function tip(page, name) {
  const slider = page.getByRole('slider', { name });
  const lever = page.locator('.lever', { has: slider });
  const words = lever.locator('.lever__tip');
  await words.filter({ hasText: /\S/ }).waitFor();
  return { slider, words, text: await words.textContent() };
}

test('the slowdown mark sits where the squeeze really starts, and moves with bitcoin', async () => {
  // With bitcoin 40% lower, some slowdown squeezes a company.
  const page = await suite.open('/#p=base&btc=-0.4');
  const { slider, words, text } = await tip(page, 'AI demand slowdown');
  const match = text.match(/Squeeze from (\d+(?:\.\d+)?)%: (.+) first\./);
  assert.ok(match, text);
  const [threshold, company] = [Number(match[1]), match[2]];
  // The words describe the slider to assistive technology.
  const describedBy = await slider.getAttribute('aria-describedby');
  assert.ok(describedBy.split(' ').includes(await words.getAttribute('id')));
  // A mark is drawn on the track.
  assert.equal(await page.locator('.lever', { has: slider }).locator('.lever__mark').count(), 1);
  const status = page.getByRole('status').first();
  // Just below: no squeeze. Just above: the named company is squeezed first.
  await slider.fill(String(Math.max(threshold - 2, 0) / 100));
  await status.getByText(/No company is squeezed before/).waitFor();
  await slider.fill(String(Math.min(threshold + 2, 100) / 100));
  await status.getByText(new RegExp(`The first liquidity squeeze hits .*${company}`)).waitFor();
  // Dragging the slider keeps its own mark.
  assert.equal(await words.textContent(), text);
  // A deeper bitcoin fall moves the mark lower.
  const deeperPage = await suite.open('/#p=base&btc=-0.55');
  const deeper = await tip(deeperPage, 'AI demand slowdown');
  const lower = Number((deeper.text.match(/Squeeze from (\d+(?:\.\d+)?)%/) ?? [0, 101])[1]);
  assert.ok(lower < threshold || /at every value/.test(deeper.text), `${deeper.text} vs ${threshold}%`);
});

test('in Italian the slowdown slider says where it tips', async () => {
  const page = await suite.open('/#p=base&l=it');
  const { text } = await tip(page, 'Rallentamento della domanda di IA');
  assert.match(text, /^(Crisi da \d+(,\d+)?%: prima .+\.|Nessuna crisi a nessun valore\.)$/);
});
