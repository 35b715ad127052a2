// The analysis worker: loads the wasm once and answers {id, text, options}
// with {id, analysis} or {id, error}.
import init, { analyze } from './pkg/tahlil.js';

const ready = init({ module_or_path: new URL('./pkg/tahlil_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const { id, text, options } = event.data;
  try {
    await ready;
    const analysis = analyze(text, options ?? {});
    self.postMessage({ id, analysis });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
