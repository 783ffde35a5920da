//! A Chromium trace (chromedriver's `performance` log of a traced session) as a readable
//! timeline, for the first-load profile in docs/benchmarks.md: what ran between the page's
//! navigation start and its `cms-editing` mark, on the page's main thread and elsewhere (wasm
//! compilation runs off it), in ms from navigation start.

use serde_json::Value;

/// Trace categories for a first load: the page's tasks (scripts, parsing, style, layout, paint,
/// timers, network events), V8's script and wasm work, and the page's performance marks.
pub const FIRST_LOAD_CATEGORIES: &str =
    "devtools.timeline,toplevel,v8,v8.wasm,v8.execute,blink.user_timing,loading,netlog";

/// One complete event.
struct Slice {
    name: String,
    tid: i64,
    ts: f64,
    dur: f64,
    detail: String,
}

/// Event names that only wrap others (a task, a message): left out of the totals.
const WRAPPERS: [&str; 6] = [
    "ThreadControllerImpl::RunTask",
    "ThreadPool_RunTask",
    "SimpleWatcher::OnHandleReady",
    "Receive mojo message",
    "Receive mojo reply",
    "BlinkScheduler_PerformMicrotaskCheckpoint",
];

/// The events of `messages` (the `performance` log) from the page's `navigationStart` to its
/// mark `mark`, in the page's renderer process: the main thread's events of at least `min_ms`
/// (three levels of nesting, indented) and the wasm compilation on other threads; then the
/// main thread's time by event name (all sizes).
pub fn timeline(messages: &[Value], mark: &str, min_ms: f64) -> String {
    let events: Vec<&Value> = messages
        .iter()
        .filter(|m| m["method"] == "Tracing.dataCollected")
        .map(|m| &m["params"])
        .collect();
    let user_timing = |e: &&&Value, name: &str| {
        e["name"] == name
            && e["cat"]
                .as_str()
                .unwrap_or_default()
                .contains("blink.user_timing")
    };
    // The mark, and the start of the navigation that led to it, in the same renderer.
    let Some(end) = events
        .iter()
        .filter(|e| user_timing(e, mark))
        .max_by(|a, b| a["ts"].as_f64().partial_cmp(&b["ts"].as_f64()).unwrap())
    else {
        return format!("(no mark {mark} in the trace: {} events)\n", events.len());
    };
    let (pid, end_ts) = (end["pid"].as_i64(), end["ts"].as_f64().unwrap_or_default());
    let Some(start) = events
        .iter()
        .filter(|e| user_timing(e, "navigationStart") && e["pid"].as_i64() == pid)
        .filter_map(|e| e["ts"].as_f64())
        .filter(|&ts| ts <= end_ts)
        .reduce(f64::max)
    else {
        return format!("(no navigationStart before {mark} in the trace)\n");
    };
    let thread_name = |tid: i64| {
        events
            .iter()
            .find(|e| {
                e["ph"] == "M" && e["name"] == "thread_name" && e["tid"].as_i64() == Some(tid)
            })
            .and_then(|e| e["args"]["name"].as_str())
            .unwrap_or("?")
            .to_owned()
    };
    let mut slices: Vec<Slice> = events
        .iter()
        .filter(|e| e["ph"] == "X" && e["pid"].as_i64() == pid)
        .filter_map(|e| {
            let ts = e["ts"].as_f64()?;
            let dur = e["dur"].as_f64()?;
            (ts + dur >= start && ts <= end_ts).then(|| Slice {
                name: e["name"].as_str().unwrap_or_default().to_owned(),
                tid: e["tid"].as_i64().unwrap_or_default(),
                ts,
                dur,
                detail: detail(e),
            })
        })
        .collect();
    slices.sort_by(|a, b| (a.tid, a.ts).partial_cmp(&(b.tid, b.ts)).unwrap());
    let main = slices
        .iter()
        .find(|s| thread_name(s.tid) == "CrRendererMain")
        .map(|s| s.tid);
    let ms = |us: f64| us / 1000.0;
    let mut out = format!(
        "| thread | from (ms) | for (ms) | event |\n|---|---:|---:|---|\n| | {:.1} | | mark `{mark}` |\n",
        ms(end_ts - start)
    );
    let mut open: Vec<f64> = Vec::new();
    let mut last_tid = None;
    let mut busy = 0.0;
    let mut totals: Vec<(String, usize, f64)> = Vec::new();
    for s in &slices {
        if last_tid != Some(s.tid) {
            open.clear();
            last_tid = Some(s.tid);
        }
        while open.last().is_some_and(|&until| until <= s.ts) {
            open.pop();
        }
        let on_main = Some(s.tid) == main;
        if on_main {
            if open.is_empty() {
                busy += s.dur;
            }
            if !WRAPPERS.contains(&s.name.as_str()) {
                match totals.iter_mut().find(|(n, _, _)| n == &s.name) {
                    Some(t) => {
                        t.1 += 1;
                        t.2 += s.dur;
                    }
                    None => totals.push((s.name.clone(), 1, s.dur)),
                }
            }
        }
        let shown = if on_main {
            open.len() < 3
        } else {
            open.is_empty() && s.name.contains("wasm")
        };
        if shown && s.dur >= min_ms * 1000.0 {
            out.push_str(&format!(
                "| {} | {:.1} | {:.1} | {}{}{} |\n",
                thread_name(s.tid),
                ms(s.ts - start),
                ms(s.dur),
                "· ".repeat(if on_main { open.len() } else { 0 }),
                s.name,
                s.detail
            ));
        }
        open.push(s.ts + s.dur);
    }
    totals.sort_by(|a, b| b.2.partial_cmp(&a.2).unwrap());
    out.push_str(&format!(
        "\nMain thread busy {:.1} ms of {:.1} ms; by event (nested events count in their own row too):\n\n| event | count | total (ms) |\n|---|---:|---:|\n",
        ms(busy),
        ms(end_ts - start)
    ));
    for (name, count, total) in totals.iter().filter(|t| t.2 >= 1000.0) {
        out.push_str(&format!("| {name} | {count} | {:.1} |\n", ms(*total)));
    }
    out
}

/// What an event is about, where the trace says (a script's URL, a timer, a function).
fn detail(e: &Value) -> String {
    let data = &e["args"]["data"];
    let url = data["url"].as_str().or_else(|| e["args"]["url"].as_str());
    match (url, data["functionName"].as_str()) {
        (Some(url), _) if !url.is_empty() => {
            let short = url.rsplit('/').next().unwrap_or(url);
            format!(" `{}`", short.split('?').next().unwrap_or(short))
        }
        (_, Some(f)) if !f.is_empty() => format!(" `{f}`"),
        _ => String::new(),
    }
}
