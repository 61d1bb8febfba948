// The page's analysis worker (a module worker started by src/ui/worker.rs). It loads the SAME
// wasm-bindgen glue and .wasm file as the page (their hashed URLs arrive in the first message), so
// the build ships no second wasm; the binary's `main` sees no `window` here and mounts nothing.
// Protocol — page → worker: {init: {js, wasm}} once, then {seq, text, options}: text as UTF-8 bytes
// (a transferred Uint8Array), options as JSON.
// Worker → page: {ready: true} | {failed: message} once; then {seq, json, millis} | {seq, error},
// where json is the Analysis in the page's binary form (src/wire.rs; a Uint8Array whose buffer is
// transferred, not copied).
let engine = null;
onmessage = async (ev) => {
  const m = ev.data;
  if (m.init) {
    engine = (async () => {
      const glue = await import(m.init.js);
      await glue.default({ module_or_path: m.init.wasm });
      return glue;
    })();
    engine.then(() => postMessage({ ready: true }), (e) => postMessage({ failed: String(e) }));
    return;
  }
  try {
    const glue = await engine;
    const t0 = performance.now();
    const json = glue.analyzeWire(m.text, m.options);
    postMessage({ seq: m.seq, json, millis: performance.now() - t0 }, [json.buffer]);
  } catch (e) {
    postMessage({ seq: m.seq, error: String(e) });
  }
};
