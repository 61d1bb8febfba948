//! The native command-line tool.

use article_analyzer::{analyze, Analysis, Options};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "article-analyzer",
    version,
    about = "Entities, quotes with speakers, and topics of news articles — offline.",
    after_help = "Examples:\n  article-analyzer analyze article.txt --pretty\n  cat article.txt | article-analyzer analyze --date 2021-01-27\n  article-analyzer batch in.jsonl > out.jsonl\n  article-analyzer batch --stages entities,quotes < in.jsonl\n  article-analyzer eval ner ../shared/data/ner/conll2003/dev.jsonl\n\nOffsets in the JSON are UTF-8 byte offsets into the input text, end exclusive."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Stage {
    Entities,
    Quotes,
    Topics,
}

#[derive(clap::Args, Clone)]
struct RunOpts {
    /// The article's date (YYYY-MM-DD) for texts that do not state one; drives date normalization.
    #[arg(long)]
    date: Option<String>,
    /// Stages to run (comma-separated); default all.
    #[arg(long, value_enum, value_delimiter = ',')]
    stages: Option<Vec<Stage>>,
    /// Pretty-print the JSON (in batch mode each record still ends with one newline).
    #[arg(long)]
    pretty: bool,
}

impl RunOpts {
    fn options(&self, date: Option<String>) -> Options {
        let all = self.stages.is_none();
        let has = |s| all || self.stages.as_ref().is_some_and(|v| v.contains(&s));
        Options {
            article_date: date.or_else(|| self.date.clone()),
            entities: has(Stage::Entities),
            quotes: has(Stage::Quotes),
            topics: has(Stage::Topics),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Analyze one text file (or stdin) and print the Analysis as JSON.
    Analyze {
        /// Input file; stdin when absent or `-`.
        file: Option<PathBuf>,
        #[command(flatten)]
        run: RunOpts,
    },
    /// Analyze JSONL lines `{"id": …, "text": …, "date"?: …}` in parallel; write one line per input
    /// (`{"id", "analysis"}` or `{"id", "error"}`) in input order.
    Batch {
        /// Input JSONL; stdin when absent or `-`.
        file: Option<PathBuf>,
        /// Threads (default: all cores).
        #[arg(long, short = 'j')]
        jobs: Option<usize>,
        #[command(flatten)]
        run: RunOpts,
    },
    /// Score the engine against a gold file.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Print the JSON Schema of the Analysis (the CLI's JSON; byte offsets).
    Schema,
    /// Train a shipped model from the gold sets (writes files under data/).
    Train {
        /// Which model.
        #[arg(value_enum)]
        what: TrainWhat,
        /// Folder with the gold sets.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Output folder.
        #[arg(long, default_value = "data")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TrainWhat {
    /// The named-entity tagger.
    Ner,
    /// The category classifier.
    Topics,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Named entities: strict span+label micro P/R/F1 per label, with a confusion summary.
    Ner {
        /// Gold JSONL (`{"text", "entities": [{start, end, label}]}`, code-point offsets).
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Direct quotes and speakers on the polnear_direct format.
    Quotes {
        /// Gold JSONL.
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Key phrases: F1@5/@10 with lower-casing and Porter stemming.
    Keyphrases {
        /// Gold JSONL (`{"text", "keyphrases": [...]}`).
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Categories: top-1 accuracy and macro-F1 against the `iptc` field.
    Topics {
        /// Gold JSONL.
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

pub fn main() -> ExitCode {
    article_analyzer::keep_freed_memory();
    let cli = Cli::parse();
    let res = match cli.command {
        Command::Analyze { file, run } => cmd_analyze(file, &run),
        Command::Batch { file, jobs, run } => cmd_batch(file, jobs, &run),
        Command::Eval { what } => cmd_eval(what),
        Command::Schema => writeln!(
            io::stdout().lock(),
            "{}",
            article_analyzer::engine::model::json_schema()
        )
        .map(|()| ExitCode::SUCCESS),
        Command::Train { what, data, out } => match what {
            TrainWhat::Ner => article_analyzer::train::ner::run(&data, &out),
            TrainWhat::Topics => article_analyzer::train::topics::run(&data, &out),
        }
        .map(|()| ExitCode::SUCCESS),
    };
    match res {
        Ok(code) => code,
        // `… | head` closed the pipe: not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("article-analyzer: {e}");
            ExitCode::from(2)
        }
    }
}

fn open_input(file: &Option<PathBuf>) -> io::Result<Box<dyn BufRead>> {
    match file {
        Some(p) if p.as_os_str() != "-" => Ok(Box::new(io::BufReader::new(
            std::fs::File::open(p)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?,
        ))),
        _ => Ok(Box::new(io::BufReader::new(io::stdin()))),
    }
}

fn to_json<T: serde::Serialize>(v: &T, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(v).expect("serializable")
    } else {
        serde_json::to_string(v).expect("serializable")
    }
}

fn cmd_analyze(file: Option<PathBuf>, run: &RunOpts) -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    open_input(&file)?.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let a: Analysis = analyze(&text, &run.options(None));
    let mut out = io::stdout().lock();
    writeln!(out, "{}", to_json(&a, run.pretty))?;
    Ok(ExitCode::SUCCESS)
}

/// One batch input line, parsed.
#[derive(serde::Deserialize)]
struct BatchLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// One batch output line.
#[derive(serde::Serialize)]
struct BatchResult<'a> {
    id: &'a serde_json::Value,
    analysis: &'a Analysis,
}

fn process_line(line: &str, run: &RunOpts) -> (String, bool) {
    let parsed: Result<BatchLine, _> = serde_json::from_str(line);
    match parsed {
        Ok(b) => {
            let opts = run.options(b.date.clone());
            // A bug on one line must not end the batch: report it as that line's error.
            match std::panic::catch_unwind(|| analyze(&b.text, &opts)) {
                // Serialized as it is (through `json!` the f32 scores would be widened to f64
                // and printed with seventeen digits: 0.9700000286102295 for 0.97).
                Ok(a) => (
                    to_json(
                        &BatchResult {
                            id: &b.id,
                            analysis: &a,
                        },
                        run.pretty,
                    ),
                    true,
                ),
                Err(_) => (
                    to_json(
                        &serde_json::json!({"id": b.id, "error": "internal error while analyzing"}),
                        false,
                    ),
                    false,
                ),
            }
        }
        Err(e) => {
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            (
                to_json(
                    &serde_json::json!({"id": id, "error": format!("bad input line: {e}")}),
                    false,
                ),
                false,
            )
        }
    }
}

fn cmd_batch(file: Option<PathBuf>, jobs: Option<usize>, run: &RunOpts) -> io::Result<ExitCode> {
    if let Some(j) = jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global();
    }
    std::panic::set_hook(Box::new(|_| {}));
    let input = open_input(&file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let progress = if io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} articles  {per_sec}  {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Some(pb)
    } else {
        None
    };
    let mut errors = 0usize;
    let mut lines = input.lines();
    // Chunks keep memory bounded on huge inputs while rayon keeps both cores busy; output order is
    // input order because each chunk is collected in order.
    loop {
        let mut chunk = Vec::with_capacity(256);
        for l in lines.by_ref() {
            let l = l?;
            if l.trim().is_empty() {
                continue;
            }
            chunk.push(l);
            if chunk.len() == 256 {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<(String, bool)> = chunk.par_iter().map(|l| process_line(l, run)).collect();
        for (s, ok) in &results {
            writeln!(out, "{s}")?;
            if !ok {
                errors += 1;
            }
        }
        if let Some(pb) = &progress {
            pb.inc(results.len() as u64);
        }
    }
    out.flush()?;
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    if errors > 0 {
        eprintln!("article-analyzer: {errors} line(s) had errors (see their \"error\" fields)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_eval(what: EvalCommand) -> io::Result<ExitCode> {
    use article_analyzer::eval;
    let (report, json) = match what {
        EvalCommand::Ner { file, json } => (eval::ner::run(&file)?, json),
        EvalCommand::Quotes { file, json } => (eval::quotes::run(&file)?, json),
        EvalCommand::Keyphrases { file, json } => (eval::keyphrases::run(&file)?, json),
        EvalCommand::Topics { file, json } => (eval::topics::run(&file)?, json),
    };
    let mut out = io::stdout().lock();
    if json {
        let s = serde_json::to_string_pretty(&report.json).map_err(io::Error::other)?;
        writeln!(out, "{s}")?;
    } else {
        write!(out, "{}", report.table)?;
    }
    Ok(ExitCode::SUCCESS)
}
