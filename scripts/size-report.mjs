// Prints the size of the built site: every file in dist/ raw, gzip -9 and
// brotli -q 11, and the totals. `make size` builds the release first.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
const rows = [];
for (const name of (await readdir(dir)).sort()) {
  if (!/\.(wasm|js|css|html|svg)$/.test(name)) continue;
  const body = await readFile(join(dir, name));
  rows.push({
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const width = Math.max(5, ...rows.map((r) => r.name.length));
console.log(`${'file'.padEnd(width)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli 11'.padStart(10)}`);
for (const r of [...rows, { name: 'total', ...total }]) {
  console.log(`${r.name.padEnd(width)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
}
