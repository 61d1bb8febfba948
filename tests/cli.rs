//! The native command-line tool, driven as a user would.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn article-analyzer");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn analyze_reads_stdin_and_prints_the_analysis() {
    let out = run(
        &["analyze", "--date", "2021-01-27"],
        "“We won,” Jane Smith said on Tuesday in Paris.",
    );
    assert!(out.status.success());
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["meta"]["article_date"], "2021-01-27");
    assert_eq!(a["quotes"].as_array().unwrap().len(), 1);
    let dates: Vec<_> = a["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["label"] == "DATE")
        .map(|e| e["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(dates, vec!["2021-01-26"]);
}

#[test]
fn batch_keeps_input_order_and_reports_bad_lines_without_stopping() {
    let mut input = String::new();
    for i in 0..300 {
        if i == 7 {
            input.push_str("{not json\n");
        } else if i == 8 {
            input.push_str("{\"id\": 8}\n"); // no text
        } else {
            input.push_str(&format!(
                "{{\"id\": {i}, \"text\": \"Doc {i}: “Fine,” said Anna Berg in Oslo.\", \"extra\": true}}\n"
            ));
        }
    }
    let out = run(&["batch", "--stages", "entities,quotes"], &input);
    assert_eq!(out.status.code(), Some(1), "exit 1 when some lines failed");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 300, "one output line per input line");
    for (i, l) in lines.iter().enumerate() {
        if i == 7 {
            assert!(l["error"].as_str().unwrap().contains("bad input line"));
            continue;
        }
        assert_eq!(l["id"], i as u64, "input order");
        if i == 8 {
            assert!(l["error"].is_string());
            continue;
        }
        let a = &l["analysis"];
        let direct = a["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| q["kind"] == "direct");
        assert_eq!(direct.count(), 1);
        assert!(
            a["topics"]["keyphrases"].as_array().unwrap().is_empty(),
            "topics stage off"
        );
    }
}

#[test]
fn batch_success_exit_code_and_pretty_output() {
    let out = run(
        &["batch", "--pretty"],
        "{\"id\": \"a\", \"text\": \"Hello.\"}\n\n",
    );
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["id"], "a");
}

#[test]
fn usage_errors_exit_2_and_help_has_examples() {
    let out = run(&["analyze", "/nonexistent/file.txt"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.txt"));
    let help = run(&["--help"], "");
    let h = String::from_utf8_lossy(&help.stdout);
    assert!(h.contains("Examples:") && h.contains("batch"));
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
}
