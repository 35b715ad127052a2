// Builds the npm package dist/tahlil/ from www/pkg (the wasm build) and
// www/embed (the API): run by scripts/build-package.sh.
//   tahlil.js          the API in one minified ES module; finds tahlil_bg.wasm beside itself
//   tahlil.inline.js   the same with the wasm inlined (base64), for pages that cannot serve .wasm
//   tahlil_bg.wasm, tahlil.d.ts, package.json, README.md
// Prints a JSON report of the sizes (bytes and gzip -9 bytes).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { minify } from 'terser';
import { bundle } from './bundle.mjs';

const [root, outDir] = process.argv.slice(2);
if (!root || !outDir) throw new Error('usage: node package.mjs <repo root> <out dir>');
const at = (...p) => path.join(root, ...p);
const EMBED = at('www/embed');
const DEPS = path.join(EMBED, 'deps.js');

const cargo = fs.readFileSync(at('Cargo.toml'), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
const version = field('version');
const license = field('license');
if (!version) throw new Error('no version in Cargo.toml');

const wasm = fs.readFileSync(at('www/pkg/tahlil_bg.wasm'));
const glue = JSON.stringify(at('www/pkg/tahlil.js'));
const kinds = JSON.stringify(at('www/kinds.js'));

/** The deps module of a packaged build: same exports as www/embed/deps.js. */
const depsModule = (wasmSource) => `
export { default as initWasm, analyze, analyzeJson, normalize, contractVersion } from ${glue};
export { KINDS, describeValue } from ${kinds};
${wasmSource}
export const workerScriptUrl = () => new URL(import.meta.url);
`;

const banner = (what) =>
  `// tahlil ${version} (${license}): Arabic text analysis in the browser, ${what}.\n` +
  '// Built by scripts/build-package.sh from www/embed and the wasm build; types in tahlil.d.ts.';

/**
 * Minifies a bundled module for shipping (terser: whitespace and comments out,
 * local names shortened; no rewriting of the code's logic, `compress` off), with
 * `banner` kept on top. The readable sources stay in www/embed; the types in
 * tahlil.d.ts. Every page test of the package runs this output.
 */
async function minified(code, banner) {
  const out = await minify(code, {
    module: true,
    compress: false,
    mangle: true,
    format: { comments: false, preamble: banner },
  });
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  return `${out.code}\n`;
}

const fileBuild = await minified(
  bundle(path.join(EMBED, 'tahlil.js'), {
    replace: { [DEPS]: depsModule("export const defaultWasmSource = () => new URL('./tahlil_bg.wasm', import.meta.url);") },
  }),
  banner('loading tahlil_bg.wasm from beside this file'),
);

const inlineBuild = await minified(bundle(path.join(EMBED, 'tahlil.js'), {
  replace: {
    [DEPS]: depsModule(`const WASM_BASE64 = ${JSON.stringify(wasm.toString('base64'))};
let wasmBytes = null;
export const defaultWasmSource = () => {
  if (!wasmBytes) {
    const binary = atob(WASM_BASE64);
    wasmBytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) wasmBytes[i] = binary.charCodeAt(i);
  }
  return wasmBytes;
};`),
  },
}), banner('with the wasm module inlined (no .wasm file to serve)'));

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const write = (name, data) => fs.writeFileSync(path.join(outDir, name), data);
write('tahlil.js', fileBuild);
write('tahlil.inline.js', inlineBuild);
write('tahlil_bg.wasm', wasm);
fs.copyFileSync(path.join(EMBED, 'tahlil.d.ts'), path.join(outDir, 'tahlil.d.ts'));

// README: the "## Embedding" section of the project's README.
const readme = fs.readFileSync(at('README.md'), 'utf8');
const section = readme.match(/^## Embedding\n[\s\S]*?(?=^## |(?![\s\S]))/m)?.[0];
if (!section) throw new Error('README.md has no "## Embedding" section');
write('README.md', `# tahlil\n\nArabic text analysis in the browser (WebAssembly): dates, numbers, percentages, money and more, with resolved values. Nothing leaves the page.\n\n${section
  .replace(/^## Embedding\n/, '')
  .replace(/\[([^\]]+)\]\((?!https?:)[^)]+\)/g, '$1') // the repository's relative links mean nothing in the package
  .trim()}\n`);

const pkg = {
  name: 'tahlil',
  version,
  description: 'Arabic text analyzer in the browser (Rust + WebAssembly): facts highlighted with resolved values.',
  license,
  type: 'module',
  main: './tahlil.js',
  module: './tahlil.js',
  types: './tahlil.d.ts',
  exports: {
    '.': { types: './tahlil.d.ts', default: './tahlil.js' },
    './inline': { types: './tahlil.d.ts', default: './tahlil.inline.js' },
    './tahlil_bg.wasm': './tahlil_bg.wasm',
    './package.json': './package.json',
  },
  files: ['tahlil.js', 'tahlil.inline.js', 'tahlil_bg.wasm', 'tahlil.d.ts', 'README.md'],
  sideEffects: ['./tahlil.js', './tahlil.inline.js'],
  keywords: ['arabic', 'nlp', 'ner', 'wasm', 'webassembly', 'dates', 'numbers', 'web-component'],
};
write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);

const sizes = {};
for (const name of fs.readdirSync(outDir).sort()) {
  const data = fs.readFileSync(path.join(outDir, name));
  sizes[name] = { bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}
console.log(JSON.stringify(sizes));
