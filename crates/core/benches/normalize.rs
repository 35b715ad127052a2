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

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use tahlil_core::normalize::{Normalizer, Preset};

/// Where `bench/make-corpus.sh` writes the corpus.
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/out/corpus.txt");

/// CPU time of the calling thread, in nanoseconds, as a criterion measurement.
struct ThreadCpuTime {
    wall: bool,
}

fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec and the clock id a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

static WALL: WallTime = WallTime;

impl Measurement for ThreadCpuTime {
    type Intermediate = (u64, std::time::Instant);
    type Value = u64;
    fn start(&self) -> Self::Intermediate {
        (thread_cpu_ns(), std::time::Instant::now())
    }
    fn end(&self, (cpu, wall): Self::Intermediate) -> u64 {
        if self.wall {
            wall.elapsed().as_nanos() as u64
        } else {
            thread_cpu_ns() - cpu
        }
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, like wall time: reuse its formatting.
        WALL.formatter()
    }
}

fn config() -> Criterion<ThreadCpuTime> {
    let wall = std::env::var_os("TAHLIL_BENCH_WALL").is_some();
    Criterion::default().with_measurement(ThreadCpuTime { wall })
}

fn corpus() -> Option<String> {
    match std::fs::read_to_string(CORPUS) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!(
                "normalize bench: skipped: cannot read {CORPUS} ({e}); run bench/make-corpus.sh \
                 (it needs ../shared/seeds and ../shared/data/saudinewsnet-sample)"
            );
            None
        }
    }
}

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
    let Some(text) = corpus() else { return };
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
    drop(out);
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_presets
}
criterion_main!(benches);
