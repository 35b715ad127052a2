// The only module of www/embed that reaches outside it: the wasm-bindgen glue,
// the kind labels, and where the .wasm and the worker script live in this
// layout (www/pkg beside www/embed). The package build
// (scripts/build-package.sh) bundles everything into one file and replaces
// this module with one that knows the package's layout.
export { default as initWasm, analyze, analyzeJson, normalize, contractVersion } from '../pkg/tahlil.js';
export { KINDS, describeValue } from '../kinds.js';

/** Where the wasm module is by default: a URL (or, in the inlined build, the bytes). */
export const defaultWasmSource = () => new URL('../pkg/tahlil_bg.wasm', import.meta.url);

/** The script the worker variant runs: the API's own entry module. */
export const workerScriptUrl = () => new URL('./tahlil.js', import.meta.url);
