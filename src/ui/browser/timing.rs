//! Performance marks and measures (`report:parse`, `annotations:save`, …), which the benchmark
//! reads.

use super::page::window;

/// Runs `work` and records how long it took as a performance measure named `name`, which the
/// benchmark (`bench/run.mjs`) reads.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let started = mark_start(name);
    let result = work();
    measure_since(name, started);
    result
}

/// [`timed`], for work that is awaited.
pub async fn timed_async<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    let started = mark_start(name);
    let result = work.await;
    measure_since(name, started);
    result
}

fn mark_start(name: &str) -> Option<(web_sys::Performance, String)> {
    let performance = window().performance()?;
    let start = format!("{name}:start");
    let _ = performance.mark(&start);
    Some((performance, start))
}

fn measure_since(name: &str, started: Option<(web_sys::Performance, String)>) {
    if let Some((performance, start)) = started {
        let _ = performance.measure_with_start_mark(name, &start);
    }
}

/// A measure begun: for work spread over many tasks (see [`timing_end`]).
pub struct Timing(Option<(web_sys::Performance, String)>);

/// Begins the measure `name`, ended by [`timing_end`].
pub fn timing_start(name: &str) -> Timing {
    Timing(mark_start(name))
}

/// Ends the measure `name` begun by [`timing_start`].
pub fn timing_end(name: &str, started: Timing) {
    measure_since(name, started.0);
}
