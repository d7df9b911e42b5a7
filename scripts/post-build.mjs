// Trunk post-build hook (see Trunk.toml), run in Trunk's staging folder:
//  1. moves Trunk's inline loader <script> into a hashed file, so the pages need
//     no inline script under their Content-Security-Policy, and fetches the
//     stylesheet with CORS so its integrity check passes in sandboxed frames;
//  2. writes the static fallback (headline chart as SVG + summary) for every
//     preset and language with the `squeeze fallback` CLI, and puts the base
//     case's into the page, where readers without JavaScript (and everyone while
//     the wasm loads) see it;
//  3. writes embed.html (the widget) and embed-<preset>.html (the widget opening on
//     a preset, with that preset's fallback) from the same page;
//  4. in release builds, writes .gz and .br copies of every text and wasm file
//     for static hosts that serve precompressed files.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: run me from Trunk (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const MARKER = '<!-- squeeze:fallback -->';

// 1. The loader as a file of its own.
const pending = [];
const save = (name, text) => pending.push(writeFile(join(dir, name), text));

let page = await readFile(join(dir, 'index.html'), 'utf8');
let inline = 0;
page = page.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, code) => {
  inline += 1;
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  save(name, code);
  return `<script type="module" src="./${name}"></script>`;
});
// Integrity-checked stylesheets must be fetched with CORS, or a sandboxed widget
// (opaque origin) would refuse them; the module script and wasm are already.
page = page.replace(/<link rel="stylesheet"(?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous"');
if (inline !== 1) throw new Error(`post-build: expected Trunk's one inline loader script, found ${inline}`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(page)) throw new Error('post-build: an inline script is left in index.html');
if (!page.includes(MARKER)) throw new Error(`post-build: ${MARKER} is missing from index.html`);

// 2. Static fallbacks from the model itself.
execFileSync('cargo', ['run', '--quiet', '--package', 'squeeze-cli', '--', 'fallback', '--out', dir], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const manifest = JSON.parse(await readFile(join(dir, 'fallback', 'index.json'), 'utf8'));
const fragment = (preset, lang) => readFile(join(dir, 'fallback', `${preset}.${lang}.html`), 'utf8');
const base = manifest.presets[0].id ?? manifest.presets[0];

save('index.html', page.replace(MARKER, await fragment(base, 'en')));

// 3. The widget pages.
const widget = (preset) =>
  page
    .replace('data-mode="explorer"', `data-mode="embed"${preset === base ? '' : ` data-preset="${preset}"`}`)
    .replace('<body>', '<body class="embedded">');
save('embed.html', widget(base).replace(MARKER, await fragment(base, 'en')));
for (const entry of manifest.presets.slice(1)) {
  const preset = entry.id ?? entry;
  save(`embed-${preset}.html`, widget(preset).replace(MARKER, await fragment(preset, 'en')));
}
await Promise.all(pending);

// 4. Precompressed copies.
if (release) {
  const files = await readdir(dir, { recursive: true });
  for (const name of files.filter((f) => /\.(wasm|js|css|html|svg|json)$/.test(f))) {
    const body = await readFile(join(dir, name));
    await writeFile(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
    await writeFile(join(dir, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}
