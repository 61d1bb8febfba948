// Starts the page. Trunk's default loader is an inline <script>, which the page's
// Content-Security-Policy (script-src 'self') rightly blocks; this file replaces it
// (Trunk.toml `pattern_script` passes the hashed file names as data attributes).
const tag = document.querySelector('script[data-wasm][data-js]');
const url = (name) => new URL(tag.dataset[name], document.baseURI).href;
const bindings = await import(url('js'));
const wasm = await bindings.default({ module_or_path: url('wasm') });
// The engine's JS binding (`analyze`, `maxInputBytes`), as Trunk's loader exposes it.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
