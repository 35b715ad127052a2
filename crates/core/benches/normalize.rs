//! Normalization throughput, alignment on (it always is), per preset, on the
//! 10 MB news corpus built by `bench/make-corpus.sh`; plus the alignment's
//! memory per input byte, on the corpus and on the worst case.
//!
//! ```sh
//! bench/make-corpus.sh
//! cargo bench -p tahlil-core --bench normalize
//! ```
//!
//! Time is this thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), not wall
//! time: the machine is shared, and wall time there measures the neighbours.
//! `TAHLIL_BENCH_WALL=1` switches back to wall time.
//!
//! Without the corpus (no `../shared` next to the repo) the benchmark says
//! so and measures nothing.

mod common;

use common::{config, corpus, ThreadCpuTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use tahlil_core::normalize::{encode_utf16_into, Normalizer, Preset};

/// Prints the alignment memory for the corpus and the worst-case input.
fn report_memory(text: &str) {
    let worst = "a٣".repeat(text.len() / 3);
    for (name, input) in [("corpus", text), ("worst case a٣a٣…", worst.as_str())] {
        for preset in Preset::ALL {
            let out = Normalizer::new(preset.options()).normalize(input);
            eprintln!(
                "alignment memory, {name}, {}: {} segments, {} heap bytes, {:.4} bytes per input byte",
                preset.name(),
                out.alignment.segment_count(),
                out.alignment.heap_bytes(),
                out.alignment.heap_bytes() as f64 / input.len() as f64
            );
        }
    }
}

fn bench_presets(c: &mut Criterion<ThreadCpuTime>) {
    let Some(text) = corpus("normalize") else {
        return;
    };
    report_memory(&text);
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    for preset in Preset::ALL {
        let n = Normalizer::new(preset.options());
        group.bench_function(preset.name(), |b| {
            b.iter(|| black_box(n.normalize(black_box(&text))))
        });
    }
    // Calibration on this machine: the cheapest passes over the same bytes.
    group.bench_function("baseline: to_owned (alloc + copy)", |b| {
        b.iter(|| black_box(black_box(text.as_str()).to_owned()))
    });
    group.bench_function("baseline: chars().count()", |b| {
        b.iter(|| black_box(black_box(text.as_str()).chars().count()))
    });
    let n = Normalizer::new(Preset::Search.options());
    let out = n.normalize(&text);
    group.bench_function("search+utf16 map", |b| {
        b.iter(|| {
            let out = n.normalize(black_box(&text));
            black_box(out.alignment.to_chars_and_utf16(&out.text, &text))
        })
    });
    // What the wasm bindings add to hand the result to JavaScript.
    let mut units = Vec::new();
    group.bench_function("search output to UTF-16", |b| {
        b.iter(|| encode_utf16_into(black_box(&out.text), &mut units))
    });
    drop(out);
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_presets
}
criterion_main!(benches);
