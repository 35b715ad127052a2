//! Independent tasks spread over threads, their results kept in order.
//!
//! Natively the tasks run on up to `threads` threads (the calling one
//! included); in wasm, which has no threads, one after another, and the
//! thread code is not compiled in.

/// `task(0)`, `task(1)`, … `task(count - 1)`, run on up to `threads` threads
/// (each takes the next task not yet taken), returned in task order. With one
/// thread or one task, no thread is started.
pub fn map_in_order<T: Send>(
    count: usize,
    threads: usize,
    task: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    #[cfg(not(target_family = "wasm"))]
    if threads > 1 && count > 1 {
        return on_threads(count, threads.min(count), &task);
    }
    let _ = threads;
    (0..count).map(task).collect()
}

#[cfg(not(target_family = "wasm"))]
fn on_threads<T: Send>(
    count: usize,
    threads: usize,
    task: &(impl Fn(usize) -> T + Sync),
) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= count {
                return done;
            }
            done.push((k, task(k)));
        }
    };
    let mut all = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(run)).collect();
        let mut all = run();
        for h in helpers {
            all.extend(h.join().expect("a task thread panicked"));
        }
        all
    });
    all.sort_unstable_by_key(|(k, _)| *k);
    all.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_task_order_on_any_number_of_threads() {
        for threads in [1, 2, 3, 8] {
            let squares = map_in_order(50, threads, |k| {
                // Uneven work, so that threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((k % 7) as u64 * 50));
                k * k
            });
            assert_eq!(
                squares,
                (0..50).map(|k| k * k).collect::<Vec<_>>(),
                "{threads} threads"
            );
        }
        assert!(map_in_order(0, 4, |k| k).is_empty());
    }
}
