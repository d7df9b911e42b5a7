// Screenshots of the built site at phone and desktop widths, for people to look
// at (and the README's): `node e2e/shot.mjs [outdir] [fragment]` after `make build`.
// Waits until the uncertainty analysis has filled in.
import { mkdir } from 'node:fs/promises';
import { analysisComplete, launch, openPage, serve } from './support.mjs';

const out = process.argv[2] ?? 'e2e/output';
const fragment = process.argv[3] ?? 'p=ai_demand_stalls';
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
for (const [name, width, height] of [['phone', 375, 812], ['desktop', 1280, 900]]) {
  const { page, context } = await openPage(browser, `${server.origin}/#${fragment}`, { width, height });
  await analysisComplete(page);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  await context.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}/`);
