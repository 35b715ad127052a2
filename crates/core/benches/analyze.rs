//! Full analysis throughput on the news corpus built by
//! `bench/make-corpus.sh` (10 MB, 1 MB and 100 KB slices), with every
//! recognizer and without the names layer.
//!
//! ```sh
//! bench/make-corpus.sh
//! cargo bench -p tahlil-core --bench analyze
//! ```
//!
//! Thread CPU time (see `common`). Without the corpus the benchmark says so
//! and measures nothing.

mod common;

use common::{config, corpus_file, ThreadCpuTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use tahlil_core::tokenize::tokenize;
use tahlil_core::{AnalyzeOptions, Analyzer, Normalizer, Preset};

fn bench_analysis(c: &mut Criterion<ThreadCpuTime>) {
    // One thread: the CPU time of this thread is then the analysis' whole cost.
    let full = Analyzer::new().with_threads(1);
    let no_names = Analyzer::with_recognizers(|name| name != "names").with_threads(1);
    let options = AnalyzeOptions::default();
    let mut group = c.benchmark_group("analyze");
    for (file, label, samples) in [
        ("corpus-100k.txt", "100KB", 20),
        ("corpus-1m.txt", "1MB", 10),
        ("corpus.txt", "10MB", 10),
    ] {
        let Some(text) = corpus_file("analyze", file) else {
            return;
        };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(samples);
        group.bench_function(format!("full/{label}"), |b| {
            b.iter(|| black_box(full.analyze(black_box(&text), &options).unwrap()))
        });
        group.bench_function(format!("without names/{label}"), |b| {
            b.iter(|| black_box(no_names.analyze(black_box(&text), &options).unwrap()))
        });
        if label == "10MB" {
            group.bench_function("full + JSON/10MB", |b| {
                b.iter(|| black_box(full.analyze(black_box(&text), &options).unwrap().to_json()))
            });
            // The JSON output alone, of one analysis of the 10 MB.
            let analysis = full.analyze(&text, &options).unwrap();
            group.bench_function("stage: JSON/10MB", |b| {
                b.iter(|| black_box(black_box(&analysis).to_json()))
            });
            // Stages of the analysis, alone.
            let normalizer = Normalizer::new(Preset::Search.options());
            let normalized = normalizer.normalize(&text).text;
            group.bench_function("stage: tokenize/10MB", |b| {
                b.iter(|| black_box(tokenize(black_box(&normalized))))
            });
            group.bench_function("stage: stats/10MB", |b| {
                b.iter(|| black_box(tahlil_core::stats::compute(black_box(&text))))
            });
            // The physical reference: one pass over the same bytes.
            group.bench_function("reference: UTF-8 validation/10MB", |b| {
                b.iter(|| black_box(std::str::from_utf8(black_box(text.as_bytes())).is_ok()))
            });
            group.bench_function("reference: byte copy/10MB", |b| {
                b.iter(|| black_box(black_box(text.as_bytes()).to_vec()))
            });
        }
    }
    group.finish();
}

/// The analysis of the 10 MB corpus with every core of the machine (its
/// sections on threads, see `tahlil_core::analysis::section_ends`): wall
/// time, what a user waits for.
fn bench_parallel(c: &mut Criterion) {
    let Some(text) = corpus_file("analyze", "corpus.txt") else {
        return;
    };
    let full = Analyzer::new();
    let options = AnalyzeOptions::default();
    let mut group = c.benchmark_group("analyze-parallel");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    let threads = full.threads();
    group.bench_function(format!("full, {threads} threads, wall time/10MB"), |b| {
        b.iter(|| black_box(full.analyze(black_box(&text), &options).unwrap()))
    });
    group.bench_function(
        format!("full + JSON, {threads} threads, wall time/10MB"),
        |b| b.iter(|| black_box(full.analyze(black_box(&text), &options).unwrap().to_json())),
    );
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_analysis
}
criterion_group!(parallel, bench_parallel);
criterion_main!(benches, parallel);
