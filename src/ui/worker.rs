//! Analysis off the main thread: a dedicated module worker (`src/ui/worker.js`, copied into `dist/`)
//! that runs the page's own wasm — the same glue JS and the same compiled module, so the build ships
//! no second wasm and the worker fetches and compiles none (boot.js hands the compiled
//! `WebAssembly.Module` over; without it the worker fetches the hashed `.wasm` URL itself).
//!
//! At most one request is in the worker at a time. A newer request waits as the single pending one
//! (replacing any older pending request), so results arrive in order and an outdated run's result is
//! simply dropped by its sequence number. When an outdated run has already taken
//! [`RESPAWN_AFTER_MS`] (a long text — a 5 MB run takes seconds), the worker is terminated and a
//! fresh one started with the same compiled module instead of waiting for it. If the worker cannot be
//! created or fails to start, every request comes back as [`Outcome::Failed`] and the page analyzes
//! on the main thread, as it does without a worker (e.g. the wasm-bindgen DOM tests, which have no
//! Trunk build and so no `script[data-js][data-wasm]` tag).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An outdated run that has taken this long is abandoned (worker terminated and restarted) rather
/// than awaited.
pub const RESPAWN_AFTER_MS: f64 = 500.0;

#[wasm_bindgen]
extern "C" {
    /// The DOM `Worker` (bound here so the crate needs no extra web-sys features).
    #[wasm_bindgen(js_name = Worker)]
    type JsWorker;
    #[wasm_bindgen(constructor, js_class = "Worker", catch)]
    fn new(url: &str, options: &JsValue) -> Result<JsWorker, JsValue>;
    #[wasm_bindgen(method, js_class = "Worker", js_name = postMessage, catch)]
    fn post_message(this: &JsWorker, message: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_class = "Worker", js_name = postMessage, catch)]
    fn post_message_with_transfer(
        this: &JsWorker,
        message: &JsValue,
        transfer: &js_sys::Array,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_class = "Worker")]
    fn terminate(this: &JsWorker);
    #[wasm_bindgen(method, js_class = "Worker", setter = onmessage)]
    fn set_onmessage(this: &JsWorker, f: &js_sys::Function);
    #[wasm_bindgen(method, js_class = "Worker", setter = onerror)]
    fn set_onerror(this: &JsWorker, f: &js_sys::Function);
}

/// One analysis request.
#[derive(Debug, Clone)]
pub struct Request {
    /// Sequence number (the page drops results of any but its latest request).
    pub seq: u64,
    /// The text.
    pub text: String,
    /// The engine options as JSON.
    pub options_json: String,
}

/// What comes back for a request.
#[derive(Debug)]
pub enum Outcome {
    /// The analysis as UTF-8 JSON bytes (byte offsets into `text`) and the worker's time for it.
    Done {
        /// The request's sequence number.
        seq: u64,
        /// The text analyzed.
        text: String,
        /// The `Analysis` in the form of [`crate::wire`].
        bytes: Vec<u8>,
        /// Milliseconds the engine took.
        millis: f64,
    },
    /// The worker could not analyze it (failed to start, crashed): analyze on the main thread.
    Failed {
        /// The request's sequence number.
        seq: u64,
        /// The text.
        text: String,
        /// The options as JSON.
        options_json: String,
    },
}

/// Where the worker's files are.
#[derive(Debug, Clone)]
struct Urls {
    worker: String,
    js: String,
    /// The compiled module from boot.js (`window.wasmModule`), else the `.wasm` URL as a string.
    wasm: JsValue,
}

/// The request in the worker.
struct Run {
    /// The request it answers (its `seq` may be newer than `sent_seq`, see [`Client::send`]).
    req: Request,
    /// The sequence number the worker was given, and will answer with.
    sent_seq: u64,
    /// When it was sent ([`super::state::now`]).
    started: f64,
}

struct Inner {
    urls: Urls,
    worker: Option<JsWorker>,
    in_flight: Option<Run>,
    pending: Option<Request>,
    broken: bool,
    deliver: Rc<dyn Fn(Outcome)>,
    on_message: Option<Closure<dyn FnMut(JsValue)>>,
    on_error: Option<Closure<dyn FnMut(JsValue)>>,
}

/// The page's handle on its analysis worker.
#[derive(Clone)]
pub struct Client(Rc<RefCell<Inner>>);

impl Client {
    /// Starts the worker when the page was loaded by boot.js (the `script[data-js][data-wasm]` tag
    /// names the hashed glue and wasm); `None` otherwise or when `Worker` is unavailable.
    /// `deliver` receives every outcome, current or stale.
    pub fn start(deliver: impl Fn(Outcome) + 'static) -> Option<Client> {
        let urls = find_urls()?;
        let client = Client(Rc::new(RefCell::new(Inner {
            urls,
            worker: None,
            in_flight: None,
            pending: None,
            broken: false,
            deliver: Rc::new(deliver),
            on_message: None,
            on_error: None,
        })));
        client.spawn().then_some(client)
    }

    /// Whether the worker is usable (not failed).
    pub fn ok(&self) -> bool {
        !self.0.borrow().broken
    }

    /// Sends `req` (now, or after the run in progress). When the worker has failed, `req` comes
    /// straight back as [`Outcome::Failed`].
    pub fn send(&self, req: Request) {
        let respawn = {
            let mut inner = self.0.borrow_mut();
            if inner.broken {
                drop(inner);
                self.fail_all_with(Some(req));
                return;
            }
            match &mut inner.in_flight {
                None => {
                    drop(inner);
                    self.post(req);
                    return;
                }
                Some(run)
                    if run.req.text == req.text && run.req.options_json == req.options_json =>
                {
                    // The same analysis is already running ("Analyze now" right after an edit):
                    // its result answers this request.
                    run.req.seq = req.seq;
                    inner.pending = None;
                    return;
                }
                Some(run) if super::state::now() - run.started >= RESPAWN_AFTER_MS => {
                    inner.in_flight = None;
                    inner.pending = Some(req);
                    true
                }
                Some(_) => {
                    inner.pending = Some(req);
                    false
                }
            }
        };
        if respawn {
            // The outdated run is long: abandon it.
            if let Some(w) = self.0.borrow_mut().worker.take() {
                w.terminate();
            }
            if self.spawn() {
                self.next();
            } else {
                self.fail_all();
            }
        }
    }

    /// Creates the worker and sends it the init message.
    fn spawn(&self) -> bool {
        let (url, init) = {
            let inner = self.0.borrow();
            let init = js_sys::Object::new();
            set(&init, "js", &JsValue::from_str(&inner.urls.js));
            set(&init, "wasm", &inner.urls.wasm);
            let msg = js_sys::Object::new();
            set(&msg, "init", &init);
            (inner.urls.worker.clone(), msg)
        };
        let opts = js_sys::Object::new();
        set(&opts, "type", &JsValue::from_str("module"));
        let Ok(worker) = JsWorker::new(&url, &opts) else {
            self.0.borrow_mut().broken = true;
            return false;
        };
        let weak = Rc::downgrade(&self.0);
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            if let Some(inner) = weak.upgrade() {
                Client(inner).message(get(&ev, "data"));
            }
        });
        let weak = Rc::downgrade(&self.0);
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_ev: JsValue| {
            // The script failed to load or threw (a CSP or server problem): stop using workers.
            if let Some(inner) = weak.upgrade() {
                Client(inner).fail_all();
            }
        });
        worker.set_onmessage(on_message.as_ref().unchecked_ref());
        worker.set_onerror(on_error.as_ref().unchecked_ref());
        if worker.post_message(&init).is_err() {
            worker.terminate();
            self.0.borrow_mut().broken = true;
            return false;
        }
        let mut inner = self.0.borrow_mut();
        inner.worker = Some(worker);
        inner.on_message = Some(on_message);
        inner.on_error = Some(on_error);
        true
    }

    fn post(&self, req: Request) {
        let msg = js_sys::Object::new();
        set(&msg, "seq", &JsValue::from_f64(req.seq as f64));
        // UTF-8 bytes in a buffer of their own, transferred: no UTF-16 string of megabytes.
        let bytes = js_sys::Uint8Array::from(req.text.as_bytes());
        set(&msg, "text", &bytes);
        set(&msg, "options", &JsValue::from_str(&req.options_json));
        let transfer = js_sys::Array::of1(&bytes.buffer());
        let sent = {
            let mut inner = self.0.borrow_mut();
            let sent = inner
                .worker
                .as_ref()
                .is_some_and(|w| w.post_message_with_transfer(&msg, &transfer).is_ok());
            if sent {
                inner.in_flight = Some(Run {
                    sent_seq: req.seq,
                    req: req.clone(),
                    started: super::state::now(),
                });
            }
            sent
        };
        if !sent {
            self.fail_all_with(Some(req));
        }
    }

    /// Sends the pending request, if any.
    fn next(&self) {
        let pending = self.0.borrow_mut().pending.take();
        if let Some(req) = pending {
            self.post(req);
        }
    }

    fn message(&self, data: JsValue) {
        if get(&data, "ready").is_truthy() {
            return;
        }
        if get(&data, "failed").is_truthy() {
            self.fail_all();
            return;
        }
        let sent_seq = get(&data, "seq").as_f64().unwrap_or(-1.0) as u64;
        let (req, deliver) = {
            let mut inner = self.0.borrow_mut();
            match inner.in_flight.take() {
                Some(run) if run.sent_seq == sent_seq => (run.req, inner.deliver.clone()),
                other => {
                    // Not the run we wait for (a terminated worker's last word): ignore.
                    inner.in_flight = other;
                    return;
                }
            }
        };
        let json = get(&data, "json");
        let outcome = match json.dyn_ref::<js_sys::Uint8Array>() {
            Some(bytes) => Outcome::Done {
                seq: req.seq,
                text: req.text,
                bytes: bytes.to_vec(),
                millis: get(&data, "millis").as_f64().unwrap_or(0.0),
            },
            None => Outcome::Failed {
                seq: req.seq,
                text: req.text,
                options_json: req.options_json,
            },
        };
        self.next();
        deliver(outcome);
    }

    fn fail_all(&self) {
        self.fail_all_with(None);
    }

    /// Marks the worker unusable and hands every waiting request back as failed.
    fn fail_all_with(&self, extra: Option<Request>) {
        let (reqs, deliver) = {
            let mut inner = self.0.borrow_mut();
            inner.broken = true;
            if let Some(w) = inner.worker.take() {
                w.terminate();
            }
            let mut reqs: Vec<Request> =
                inner.in_flight.take().map(|r| r.req).into_iter().collect();
            reqs.extend(inner.pending.take());
            reqs.extend(extra);
            (reqs, inner.deliver.clone())
        };
        for r in reqs {
            deliver(Outcome::Failed {
                seq: r.seq,
                text: r.text,
                options_json: r.options_json,
            });
        }
    }
}

fn set(obj: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The worker script, glue and wasm, from boot.js's tag: `worker.js` sits beside `boot.js`; the
/// data attributes are relative to the document's base URL.
fn find_urls() -> Option<Urls> {
    let doc = leptos::prelude::document();
    let tag = doc
        .query_selector("script[data-js][data-wasm][src]")
        .ok()??;
    let base = doc.base_uri().ok()??;
    let abs = |u: &str, base: &str| web_sys::Url::new_with_base(u, base).ok().map(|u| u.href());
    let src = abs(&tag.get_attribute("src")?, &base)?;
    let worker = abs("worker.js", &src)?;
    let js = abs(&tag.get_attribute("data-js")?, &base)?;
    let module = get(&leptos::prelude::window(), "wasmModule");
    let wasm = if module.is_instance_of::<js_sys::WebAssembly::Module>() {
        module
    } else {
        JsValue::from_str(&abs(&tag.get_attribute("data-wasm")?, &base)?)
    };
    Some(Urls { worker, js, wasm })
}
