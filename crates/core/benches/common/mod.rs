//! What the benchmarks share: the corpus made by `bench/make-corpus.sh` and
//! a criterion measurement of this thread's CPU time.
//!
//! Time is this thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), not wall
//! time: the machine is shared, and wall time there measures the neighbours.
//! `TAHLIL_BENCH_WALL=1` switches back to wall time.

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::Criterion;

/// Where `bench/make-corpus.sh` writes the corpus and its slices.
const CORPUS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/out");

/// CPU time of the calling thread, in nanoseconds, as a criterion measurement.
pub struct ThreadCpuTime {
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

/// Criterion measuring thread CPU time (wall time with `TAHLIL_BENCH_WALL=1`).
pub fn config() -> Criterion<ThreadCpuTime> {
    let wall = std::env::var_os("TAHLIL_BENCH_WALL").is_some();
    Criterion::default().with_measurement(ThreadCpuTime { wall })
}

/// The corpus file `name` of `bench/out` (`corpus.txt`, `corpus-1m.txt`,
/// `corpus-100k.txt`), or `None` with a message saying how to make it.
pub fn corpus_file(bench: &str, name: &str) -> Option<String> {
    let path = format!("{CORPUS_DIR}/{name}");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!(
                "{bench} bench: skipped: cannot read {path} ({e}); run bench/make-corpus.sh \
                 (it needs ../shared/seeds and ../shared/data/saudinewsnet-sample)"
            );
            None
        }
    }
}

/// The 10 MB corpus.
#[allow(dead_code)] // not every bench reads it
pub fn corpus(bench: &str) -> Option<String> {
    corpus_file(bench, "corpus.txt")
}
