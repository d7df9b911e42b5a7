// The company view, used as a reader uses it: pick a company by its label, read
// its debt wall and its cash with maturities, what happens to it and what tips
// it; the same in Italian, in the embed, by keyboard only, at phone width, and
// with a link that names a company the data does not have.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { readerSuite } from './support.mjs';

const OUTPUT = 'e2e/output';
const suite = await readerSuite({ before, after, afterEach });
before(() => mkdir(OUTPUT, { recursive: true }));

function companySection(page, heading = 'The companies up close') {
  return page.getByRole('region', { name: heading });
}

test('picking a company shows its debt wall, its maturities, its story and what tips it', async () => {
  const page = await suite.open('/#p=ai_demand_stalls');
  const section = companySection(page);
  await section.getByLabel('Company', { exact: true }).selectOption({ label: 'TeraWulf (WULF)' });
  await assert.doesNotReject(section.getByText(/TeraWulf \(WULF\) · figures as of \d+ \w{3} 2025 · a scenario on filed figures, not a forecast/).waitFor());
  // The debt wall: its tab, its figure, its words name the 2030 wall.
  const charts = section.getByRole('region', { name: 'Company charts' });
  assert.equal(await charts.getByRole('tab', { selected: true }).textContent(), 'Debt wall');
  await charts.getByRole('img', { name: 'Debt wall: TeraWulf' }).waitFor();
  assert.match(await charts.locator('.chart__description').textContent(), /TeraWulf has \$[\d.]+B of debt falling due, most in 2030/);
  // The data table lists the 7.75% notes with their date.
  await charts.getByRole('button', { name: 'Show data table' }).click();
  const row = charts.getByRole('row', { name: /7\.750% Senior Secured Notes due 2030/ });
  assert.match(await row.textContent(), /2030-10-15.*\$3\.2B.*no recourse to the parent/);
  await charts.getByRole('button', { name: 'Show data table' }).click();
  // The second tab: cash with the maturities marked.
  await charts.getByRole('tab', { name: 'Cash and maturities' }).click();
  await charts.getByRole('img', { name: 'Cash and maturities: TeraWulf' }).waitFor();
  // What happens and what tips it.
  const events = section.getByRole('list');
  assert.ok((await events.getByRole('listitem').count()) >= 1);
  assert.match(await events.textContent(), /2030: \$/, 'the 2030 maturities appear in the story');
  await section.getByText(/(TeraWulf is squeezed from an AI demand slowdown of \d+%|No AI slowdown squeezes TeraWulf)/).waitFor();
  // The choice lives in the link.
  assert.match(page.url(), /company=terawulf/);
});

test('a squeezed company names the month and the cause, and tips at a slowdown the slider confirms', async () => {
  const page = await suite.open('/#p=ai_demand_stalls&company=cleanspark');
  const section = companySection(page);
  assert.equal(await section.getByLabel('Company', { exact: true }).inputValue(), 'cleanspark');
  const story = section.getByRole('list');
  // Its 2030 convertible falls due in June 2030, in the story whatever happens to it.
  await story.getByText(/Jun 2030: .*\$650M of 0\.00% Convertible Senior Notes due 2030/).waitFor();
  const tip = section.locator('.company__tipping');
  await tip.getByText(/CleanSpark is squeezed from an AI demand slowdown of (\d+)%/).waitFor();
  const threshold = Number((await tip.textContent()).match(/slowdown of (\d+)%/)[1]);
  // Below the threshold, CleanSpark is not squeezed; above it, it is.
  const slider = page.getByRole('slider', { name: 'AI demand slowdown' });
  for (const [value, squeezed] of [[Math.max(threshold - 5, 0), false], [Math.min(threshold + 5, 100), true]]) {
    await slider.fill(String(value / 100));
    const said = await section.locator('.company__story').textContent();
    assert.equal(/Squeezed in \w{3} \d{4}/.test(said), squeezed, `at ${value}%: ${said}`);
    // A squeeze says why, with the month and the shortfall.
    assert.equal(/Why, in \w{3} \d{4}: .* short\./.test(said), squeezed, `at ${value}%: ${said}`);
  }
});

test('keyboard only: tab to the picker, choose with the arrows, switch charts with the arrows', async () => {
  const page = await suite.open('/');
  const picker = companySection(page).getByLabel('Company', { exact: true });
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await picker.inputValue(), 'core_scientific', 'the arrow key chose the next company');
  const tabs = companySection(page).getByRole('region', { name: 'Company charts' });
  await tabs.getByRole('tab', { selected: true }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await tabs.getByRole('tab', { selected: true }).textContent(), 'Cash and maturities');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cash and maturities');
});

test('in Italian, the company view speaks Italian and keeps the date of the figures', async () => {
  const page = await suite.open('/#l=it&company=cipher');
  const section = companySection(page, 'Le società da vicino');
  await section.getByText(/Cipher Mining \(CIFR\) · dati al \d+ \w{3} 2025 · uno scenario sui dati depositati, non una previsione/).waitFor();
  const charts = section.getByRole('region', { name: 'Grafici della società' });
  assert.equal(await charts.getByRole('tab', { selected: true }).textContent(), 'Muro del debito');
  await section.getByRole('heading', { name: 'Cosa la fa cedere' }).waitFor();
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
});

test('a link to a company the data does not have says so and shows the first company', async () => {
  const page = await suite.open('/#company=enron');
  await page.getByRole('alert').getByText(/company/).first().waitFor();
  assert.equal(await companySection(page).getByLabel('Company', { exact: true }).inputValue(), 'core_scientific');
  // The 2022 replay has its own companies.
  const replay = await suite.open('/#p=replay_2022&company=core_scientific_2022');
  assert.equal(await companySection(replay).getByLabel('Company', { exact: true }).inputValue(), 'core_scientific_2022');
});

test('the embed opens on a company, fits a phone column and stays accessible', async () => {
  for (const [width, height] of [[320, 900], [720, 900]]) {
    const page = await suite.open('/embed.html#company=hut8', { width, height });
    const section = companySection(page);
    assert.equal(await section.getByLabel('Company', { exact: true }).inputValue(), 'hut8');
    await section.getByRole('img', { name: 'Debt wall: Hut 8' }).waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `no sideways scrolling at ${width}px (${scrollWidth})`);
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(violations.map((v) => v.id), [], `${width}px`);
    await page.screenshot({ path: `${OUTPUT}/embed-company-${width}.png`, fullPage: true });
    await suite.closeChecked();
  }
});

test('phone and desktop: the company view fits and is written as screenshots', async () => {
  for (const [width, height] of [[375, 812], [1280, 900]]) {
    const page = await suite.open('/#p=ai_demand_stalls&company=bitfarms', { width, height });
    const section = companySection(page);
    await section.getByRole('img', { name: 'Debt wall: Bitfarms' }).waitFor();
    const box = await section.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= width, `the section fits at ${width}px`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `no sideways scrolling at ${width}px (${scrollWidth})`);
    await section.screenshot({ path: `${OUTPUT}/company-${width}.png` });
    await suite.closeChecked();
  }
});
