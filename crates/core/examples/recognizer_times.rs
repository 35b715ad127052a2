//! CPU time of each recognizer alone on a corpus file (default
//! `bench/out/corpus-1m.txt`): the analysis with only that recognizer, minus
//! the analysis with none (normalization, tokenization, statistics).
//! Best of `TAHLIL_RUNS` (default 3) runs each. `TAHLIL_ONLY=names` (or `all`) runs
//! only the analysis with that recognizer (to profile it). `TAHLIL_ONLY=names-layer`
//! times the names recognizer alone on a fresh `Document` per run;
//! `TAHLIL_ONLY=no-names` runs every recognizer but the names;
//! `TAHLIL_ONLY=no-dates` every recognizer but the date family ([`DATE_FAMILY`]),
//! `TAHLIL_ONLY=dates` only that family;
//! `TAHLIL_ONLY=no-numbers` every recognizer but the number family
//! ([`NUMBER_FAMILY`]: compare with `all` for what that family adds);
//! `TAHLIL_ONLY=names-phases` times each phase of the names layer (its view,
//! each rule, the resolver).
//!
//! ```sh
//! cargo run --release -p tahlil-core --example recognizer_times [FILE]
//! ```

use tahlil_core::{AnalyzeOptions, Analyzer};

/// The recognizers of the date family, for `TAHLIL_ONLY=dates` and `no-dates`.
const DATE_FAMILY: &[&str] = &[
    "date",
    "relative_date",
    "duration",
    "time",
    "period",
    "decade",
];
/// The number-family recognizers (digits, words, money, codes), which
/// `TAHLIL_ONLY=no-numbers` leaves out.
const NUMBER_FAMILY: &[&str] = &[
    "number",
    "number_words",
    "ordinal",
    "money",
    "percent",
    "ratio",
    "reference",
    "acronym",
    "url",
    "email",
    "phone",
];

/// User CPU time of this process, in seconds.
fn cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec and the clock id a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Best CPU time of `runs` analyses of `text` by `analyzer`, on this
/// thread alone (its CPU time is then the whole cost).
fn best_time(analyzer: Analyzer, text: &str, runs: usize) -> f64 {
    let analyzer = analyzer.with_threads(1);
    let options = AnalyzeOptions::default();
    (0..runs)
        .map(|_| {
            let t = cpu_seconds();
            std::hint::black_box(analyzer.analyze(text, &options).unwrap());
            cpu_seconds() - t
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/out/corpus-1m.txt").to_string()
    });
    let runs = std::env::var("TAHLIL_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let text = std::fs::read_to_string(&path).expect("corpus file");
    let mb = text.len() as f64 / 1e6;
    if std::env::var("TAHLIL_ONLY").as_deref() == Ok("stages") {
        stage_times(&text, runs);
        return;
    }
    if std::env::var("TAHLIL_ONLY").as_deref() == Ok("names-phases") {
        names_phases(&text, runs);
        return;
    }
    if std::env::var("TAHLIL_ONLY").as_deref() == Ok("names-layer") {
        names_layer_time(&text, runs);
        return;
    }
    if let Ok(only) = std::env::var("TAHLIL_ONLY") {
        // For a profiler: only this recognizer, `runs` times.
        let t = best_time(
            Analyzer::with_recognizers(|n| {
                only == "all"
                    || n == only
                    || (only == "no-names" && n != "names")
                    || (only == "dates" && DATE_FAMILY.contains(&n))
                    || (only == "no-dates" && !DATE_FAMILY.contains(&n))
                    || (only == "no-numbers" && !NUMBER_FAMILY.contains(&n))
            }),
            &text,
            runs,
        );
        println!(
            "{only} alone (with the stages before it): {:.1} ms",
            t * 1e3
        );
        return;
    }
    let names = Analyzer::new().recognizer_names();
    let base = best_time(Analyzer::with_recognizers(|_| false), &text, runs);
    let full = best_time(Analyzer::new(), &text, runs);
    println!("{path}: {:.1} MB, best of {runs}", mb);
    println!(
        "{:<14} {:>9.1} ms {:>7.1} MB/s",
        "full",
        full * 1e3,
        mb / full
    );
    println!("{:<14} {:>9.1} ms", "no recognizer", base * 1e3);
    let normalized = tahlil_core::Normalizer::new(tahlil_core::Preset::Search.options())
        .normalize(&text)
        .text;
    let tokens = tahlil_core::tokenize::tokenize(&normalized);
    let document = (0..runs)
        .map(|_| {
            let t = cpu_seconds();
            std::hint::black_box(tahlil_core::recognize::Document::new(&normalized, &tokens));
            cpu_seconds() - t
        })
        .fold(f64::INFINITY, f64::min);
    println!(
        "{:<14} {:>9.1} ms ({} tokens)",
        "Document::new",
        document * 1e3,
        tokens.len()
    );
    for name in names {
        let t = best_time(Analyzer::with_recognizers(|n| n == name), &text, runs) - base;
        println!(
            "{:<14} {:>9.1} ms {:>5.1} %",
            name,
            t * 1e3,
            100.0 * t / full
        );
    }
}

/// Best CPU time of `runs` calls of `f`.
fn best_of(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = cpu_seconds();
            f();
            cpu_seconds() - t
        })
        .fold(f64::INFINITY, f64::min)
}

/// `TAHLIL_ONLY=stages`: the stages before any recognizer, each alone.
fn stage_times(text: &str, runs: usize) {
    let normalizer = tahlil_core::Normalizer::new(tahlil_core::Preset::Search.options());
    let normalized = normalizer.normalize(text).text;
    let tokens = tahlil_core::tokenize::tokenize(&normalized);
    let times = [
        (
            "normalize",
            best_of(runs, || {
                std::hint::black_box(normalizer.normalize(text));
            }),
        ),
        (
            "tokenize",
            best_of(runs, || {
                std::hint::black_box(tahlil_core::tokenize::tokenize(&normalized));
            }),
        ),
        (
            "Document::new",
            best_of(runs, || {
                std::hint::black_box(tahlil_core::recognize::Document::new(&normalized, &tokens));
            }),
        ),
        (
            "stats",
            best_of(runs, || {
                std::hint::black_box(tahlil_core::stats::compute(text));
            }),
        ),
    ];
    for (name, t) in times {
        println!("{name:<14} {:>9.1} ms", t * 1e3);
    }
}

/// `TAHLIL_ONLY=names-layer`: the names recognizer alone (its word tables,
/// rules and resolver), on a `Document` built before the clock starts.
fn names_layer_time(text: &str, runs: usize) {
    use tahlil_core::recognize::Recognizer;
    let normalized = tahlil_core::Normalizer::new(tahlil_core::Preset::Search.options())
        .normalize(text)
        .text;
    let tokens = tahlil_core::tokenize::tokenize(&normalized);
    let names = tahlil_core::recognize::names::NamesRecognizer::new();
    let mut found = 0;
    let t = (0..runs)
        .map(|_| {
            let document = tahlil_core::recognize::Document::new(&normalized, &tokens);
            let mut out = Vec::new();
            let t = cpu_seconds();
            names.recognize(&document, &mut out);
            let t = cpu_seconds() - t;
            found = out.len();
            std::hint::black_box(out);
            t
        })
        .fold(f64::INFINITY, f64::min);
    println!(
        "names layer alone: {:.1} ms ({found} names, best of {runs})",
        t * 1e3
    );
}

/// `TAHLIL_ONLY=names-phases`: each phase of the names layer, best of `runs`.
fn names_phases(text: &str, runs: usize) {
    use tahlil_core::recognize::names::{self, gazetteer, location, organization, person, View};
    let normalized = tahlil_core::Normalizer::new(tahlil_core::Preset::Search.options())
        .normalize(text)
        .text;
    let tokens = tahlil_core::tokenize::tokenize(&normalized);
    let lex = names::lexicon::Lexicon::new();
    let mut best = [f64::INFINITY; 8];
    for _ in 0..runs {
        let document = tahlil_core::recognize::Document::new(&normalized, &tokens);
        let mut t = [0.0; 9];
        t[0] = cpu_seconds();
        let view = View::new(&document, &lex);
        t[1] = cpu_seconds();
        let mut out = Vec::new();
        gazetteer::find(&view, &mut out);
        t[2] = cpu_seconds();
        organization::find(&view, &mut out);
        t[3] = cpu_seconds();
        location::find(&view, &mut out);
        t[4] = cpu_seconds();
        person::find(&view, &mut out);
        t[5] = cpu_seconds();
        person::find_by_name_words(&view, &mut out);
        t[6] = cpu_seconds();
        person::find_repeats(&view, &mut out);
        t[7] = cpu_seconds();
        std::hint::black_box(names::resolve(out));
        t[8] = cpu_seconds();
        for (k, b) in best.iter_mut().enumerate() {
            *b = b.min(t[k + 1] - t[k]);
        }
    }
    let labels = [
        "view",
        "gazetteer",
        "organization",
        "location",
        "person",
        "name_words",
        "repeats",
        "resolve",
    ];
    for (l, b) in labels.iter().zip(best) {
        println!("{l:<14} {:>7.1} ms", b * 1e3);
    }
    println!("{:<14} {:>7.1} ms", "sum", best.iter().sum::<f64>() * 1e3);
}
