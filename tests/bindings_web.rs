//! Browser tests of the JS binding (run by `wasm-pack test --headless --chrome . --features js-api`,
//! see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

// The binding is the npm package's (`js-api`): without it these tests would not test anything.
#[cfg(not(feature = "js-api"))]
compile_error!("the JS binding's tests need `--features js-api`");

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Offsets from the binding are UTF-16 code units: slicing the JS string gives the mention text,
/// also after curly quotes and emoji.
#[wasm_bindgen_test]
fn binding_offsets_are_utf16() {
    let text = "“Yes,” said 👩‍👩‍👧 Anna Smith in Paris.";
    let js_text = js_sys::JsString::from(text);
    let a = article_analyzer::bindings::analyze_js(&js_text, None).expect("analysis");
    let entities = js_sys::Reflect::get(&a, &"entities".into()).unwrap();
    let entities = js_sys::Array::from(&entities);
    assert!(entities.length() > 0);
    let mut checked = 0;
    for e in entities.iter() {
        let ms = js_sys::Array::from(&js_sys::Reflect::get(&e, &"mentions".into()).unwrap());
        for m in ms.iter() {
            let s = js_sys::Reflect::get(&m, &"start".into())
                .unwrap()
                .as_f64()
                .unwrap() as u32;
            let en = js_sys::Reflect::get(&m, &"end".into())
                .unwrap()
                .as_f64()
                .unwrap() as u32;
            let t = js_sys::Reflect::get(&m, &"text".into())
                .unwrap()
                .as_string()
                .unwrap();
            assert_eq!(String::from(js_text.slice(s, en)), t);
            checked += 1;
        }
    }
    assert!(checked > 0);
}

/// The object the binding builds is the engine's JSON parsed, offsets made UTF-16: same keys, same
/// order, same values (compared as `JSON.stringify` text).
#[wasm_bindgen_test]
fn binding_result_equals_the_json() {
    use article_analyzer::engine::offsets;
    let texts = [
        include_str!("../data/sample-article.txt").to_string(),
        "“Yes,” said 👩‍👩‍👧 Anna Smith in Paris on Tuesday. “No,” he added. Zürich’s mayor, \
         Corine Mauch, said 5 % of $3 million was “enough.”"
            .to_string(),
        String::new(),
        "   \n\n".to_string(),
        "date 2021-01-27\nWASHINGTON (Reuters) - \"We will,\" Biden said. \"Unclosed".to_string(),
        "Київ — Зеленський сказав: «Ні». Apple Inc. rose 3%.".to_string(),
    ];
    for (i, text) in texts.iter().enumerate() {
        for opts in [None, Some(r#"{"articleDate":"2021-01-27","topics":false}"#)] {
            let js_opts = opts.map(|o| js_sys::JSON::parse(o).unwrap());
            let o = article_analyzer::bindings::options_from_json(opts.unwrap_or("")).unwrap();
            let built =
                article_analyzer::bindings::analyze_js(&text.as_str().into(), js_opts).unwrap();
            let mut a = article_analyzer::analyze(text, &o);
            offsets::to_utf16(text, &mut a);
            let parsed = js_sys::JSON::parse(&a.to_json().unwrap()).unwrap();
            let s = |v: &wasm_bindgen::JsValue| String::from(js_sys::JSON::stringify(v).unwrap());
            assert_eq!(s(&built), s(&parsed), "text {i}, options {opts:?}");
        }
    }
}

/// Bad options are an error, not a crash.
#[wasm_bindgen_test]
fn binding_rejects_bad_options() {
    let bad = js_sys::JSON::parse(r#"{"entities": "yes please"}"#).unwrap();
    assert!(article_analyzer::bindings::analyze_js(&"Hi.".into(), Some(bad)).is_err());
    // Not a string: an error too.
    let not_text = wasm_bindgen::JsValue::from_f64(1.0).unchecked_into();
    assert!(article_analyzer::bindings::analyze_js(&not_text, None).is_err());
}

/// Options are read field by field: defaults for what is missing, errors for mistyped known keys,
/// unknown keys ignored; the page's JSON form reads the same.
#[wasm_bindgen_test]
fn options_are_read_like_the_typescript_type_says() {
    use article_analyzer::bindings::{options_from_js, options_from_json};
    use article_analyzer::Options;
    use wasm_bindgen::JsValue;
    let js = |json: &str| js_sys::JSON::parse(json).unwrap();
    assert_eq!(options_from_js(&JsValue::UNDEFINED), Ok(Options::default()));
    assert_eq!(options_from_js(&JsValue::NULL), Ok(Options::default()));
    assert_eq!(options_from_js(&js("{}")), Ok(Options::default()));
    let o = options_from_js(&js(
        r#"{"articleDate":"2021-01-27","quotes":false,"other":1}"#,
    ))
    .unwrap();
    assert_eq!(o.article_date.as_deref(), Some("2021-01-27"));
    assert!(o.entities && !o.quotes && o.topics);
    assert_eq!(
        options_from_js(&js(r#"{"articleDate":null}"#)),
        Ok(Options::default())
    );
    for bad in [
        r#"{"entities":"yes"}"#,
        r#"{"topics":null}"#,
        r#"{"articleDate":5}"#,
        "3",
    ] {
        assert!(options_from_js(&js(bad)).is_err(), "{bad}");
    }
    assert_eq!(options_from_json(""), Ok(Options::default()));
    assert_eq!(
        options_from_json(r#"{"topics":false}"#).map(|o| o.topics),
        Ok(false)
    );
    assert!(options_from_json("{").is_err());
}
