// Starts the page. Trunk's default loader is an inline <script>, which the page's
// Content-Security-Policy (script-src 'self') rightly blocks; this file replaces it
// (Trunk.toml `pattern_script` passes the hashed file names as data attributes).
try {
  const tag = document.querySelector('script[data-wasm][data-js]');
  const url = (name) => new URL(tag.dataset[name], document.baseURI).href;
  const bindings = await import(url('js'));
  // Compile the wasm here, once: the page instantiates it, and the analysis worker (src/ui/worker.js,
  // started by src/ui/worker.rs) receives the same compiled module, so it fetches and compiles nothing.
  let module_or_path = url('wasm');
  try {
    const res = await fetch(module_or_path);
    if (!res.ok) throw new Error(res.statusText);
    const streaming = (res.headers.get('content-type') || '').startsWith('application/wasm');
    window.wasmModule = streaming
      ? await WebAssembly.compileStreaming(res)
      : await WebAssembly.compile(await res.arrayBuffer());
    module_or_path = window.wasmModule;
  } catch (e) {
    console.warn('wasm precompile failed, letting the glue load it:', e);
  }
  const wasm = await bindings.default({ module_or_path });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (e) {
  // No WebAssembly (Safari's Lockdown Mode, JIT disabled by policy) or no SIMD (browsers older
  // than Chrome 91, Firefox 89, Safari 16.4): say so rather than leave an empty page.
  const p = document.createElement('p');
  p.id = 'load-error';
  p.textContent = 'This browser cannot run the analyzer: it needs WebAssembly with SIMD ' +
    '(Chrome or Edge 91+, Firefox 89+, Safari 16.4+; not available in Lockdown Mode or with ' +
    'JavaScript optimizations turned off). Nothing was sent anywhere.';
  document.body.append(p);
  throw e;
}
