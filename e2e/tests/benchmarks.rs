//! First-load figures for docs/benchmarks.md, in headless Chromium against the release build:
//! the app against the hand-written page (benches/handwritten/), a traced profile, the levers.
//! They assert nothing about time (machines differ); run them on purpose (scripts/bench.sh does,
//! with keystroke_benchmarks.rs):
//!
//! ```sh
//! CMS_DIST=dist cargo test -p e2e --test benchmarks -- --ignored --nocapture --test-threads 1
//! ```

use std::time::Duration;

use e2e::browser::{artifacts_dir, Browser};
use e2e::chromium_commands::Link;
use e2e::first_load::{breakdown, cold_then_warm, load, runs, summary, Load, HANDWRITTEN};
use e2e::nginx::{Nginx, Site};
use e2e::stack::{Stack, StackOptions};
use e2e::trace::{timeline, FIRST_LOAD_CATEGORIES};
use serde_json::Value;
use zstack_sim::seed;

fn links() -> [(&'static str, Option<Link>); 2] {
    [
        ("loopback", None),
        ("emulated 20 Mbit/s, 40 ms", Some(Link::BRANCH_OFFICE)),
    ]
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// A stack whose nginx serves the hand-written page (benches/handwritten/) at `/handwritten/`
/// beside the app.
async fn stack_with_handwritten() -> Stack {
    let site = HANDWRITTEN
        .iter()
        .fold(Site::root(), |site, (name, content)| {
            site.with_file(name, *content)
        });
    Stack::start_with(StackOptions {
        site,
        ..StackOptions::default()
    })
    .await
}

/// The app and the hand-written page (benches/handwritten/), same nginx, same simulator, same
/// source, runs alternating between them; each run a fresh Chromium (cold), then a warm repeat
/// visit in the same browser.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run with --ignored"]
async fn first_load_app_against_handwritten() {
    let stack = stack_with_handwritten().await;
    println!("BENCH load average at start: {}", load_average());
    for (link_name, link) in links() {
        // [app, hand-written] × [cold, warm]
        let mut loads: [[Vec<Load>; 2]; 2] = Default::default();
        for run in 0..runs() {
            let order = if run % 2 == 0 { [0, 1] } else { [1, 0] };
            for page in order {
                let path = ["/", "/handwritten/"][page];
                let mut urls = Vec::new();
                for _ in 0..2 {
                    let session = stack.mint_session().await;
                    urls.push(stack.nginx.app_url(&format!(
                        "{path}?uuid={}#session={session}",
                        seed::SERVICE_TWO_ARCH
                    )));
                }
                let (cold, warm) = cold_then_warm(&stack.nginx, link, &urls[0], &urls[1]).await;
                loads[page][0].push(cold);
                loads[page][1].push(warm);
            }
        }
        for (visit, v) in [("cold", 0), ("warm repeat visit", 1)] {
            let app: Vec<f64> = loads[0][v].iter().map(|l| l.editing).collect();
            let hand: Vec<f64> = loads[1][v].iter().map(|l| l.editing).collect();
            let (a, h) = (summary(&app), summary(&hand));
            println!(
                "BENCH first load, {link_name}, {visit}: app navigation -> pre-filled dialog: {a}"
            );
            println!("BENCH first load, {link_name}, {visit}: hand-written page: {h}");
            println!(
                "BENCH first load, {link_name}, {visit}: ratio app / hand-written (medians): {:.2}",
                a.median / h.median
            );
        }
        for (page, name) in [(0, "app"), (1, "hand-written")] {
            let cold = &loads[page][0];
            let bytes: Vec<f64> = cold.iter().map(Load::bytes_before_editing).collect();
            println!(
                "BENCH first load, {link_name}, cold, {name}: {} controls, {} architecture rows, {:.0} bytes on the wire before the mark (median)",
                cold[0].controls,
                cold[0].rows,
                summary(&bytes).median
            );
            println!(
                "BENCH timeline, {link_name}, cold, {name}:\n{}",
                breakdown(cold)
            );
        }
    }
    println!("BENCH load average at end: {}", load_average());
    stack.finish().await;
}

/// Where a cold first load's time goes: one traced load of the app, then of the hand-written
/// page, each in a fresh Chromium, on loopback and on the emulated link.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run with --ignored"]
async fn first_load_profile() {
    let stack = stack_with_handwritten().await;
    for (link_name, link) in links() {
        for (name, path) in [("app", "/"), ("hand-written", "/handwritten/")] {
            let browser =
                Browser::start_with(1280, 900, "en-US", &[], Some(FIRST_LOAD_CATEGORIES)).await;
            if let Some(link) = link {
                browser.emulate_link(link).await;
            }
            let session = stack.mint_session().await;
            let url = stack.nginx.app_url(&format!(
                "{path}?uuid={}#session={session}",
                seed::SERVICE_TWO_ARCH
            ));
            let loaded = load(&browser, &url).await;
            // chromedriver hands the trace over in parts, as Chromium flushes it: read until
            // the page's mark has come.
            let mut log = Vec::new();
            for _ in 0..20 {
                log.extend(browser.performance_log().await);
                if log.iter().any(|m| m["params"]["name"] == "cms-editing") {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            let file = save_trace(
                &log,
                &format!("trace-{name}-{}", link.map_or("loopback", |_| "link")),
            );
            println!(
                "BENCH profile, {link_name}, cold, {name} (mark at {:.1} ms; events of 2 ms or more; whole trace in {}):\n{}",
                loaded.editing,
                file.display(),
                timeline(&log, "cms-editing", 2.0)
            );
            browser.close().await;
        }
    }
    stack.finish().await;
}

/// Writes the trace's events where the screenshots go, in the format Chromium's trace viewers
/// (and Perfetto) open.
fn save_trace(log: &[Value], name: &str) -> std::path::PathBuf {
    let events: Vec<&Value> = log
        .iter()
        .filter(|m| m["method"] == "Tracing.dataCollected")
        .map(|m| &m["params"])
        .collect();
    let dir = artifacts_dir();
    std::fs::create_dir_all(&dir).expect("artifacts dir");
    let path = dir.join(format!("{name}.json"));
    std::fs::write(
        &path,
        serde_json::json!({ "traceEvents": events }).to_string(),
    )
    .expect("write the trace");
    path
}

/// The first-load levers, each against the build as it is, cold, runs rotating between them:
/// without the preload links Trunk writes (`<link rel=modulepreload>` for the JS,
/// `<link rel=preload as=fetch type=application/wasm>` for the wasm); without the precompressed
/// `.gz`/`.br` files (nginx compresses on the fly, `gzip on` at its default level); and, when
/// `CMS_BENCH_BASELINE` names another build (a `dist/` of an earlier commit), that build.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run with --ignored"]
async fn first_load_levers() {
    let stack = Stack::start().await;
    let built = Site::root();
    let index = std::fs::read_to_string(built.dist.join("index.html")).expect("index.html");
    let without_preload: String = index
        .split_inclusive('>')
        .filter(|tag| !(tag.starts_with("<link") && tag.contains("preload")))
        .collect();
    assert_ne!(without_preload, index, "the build has preload links");
    let uncompressed = tempdir("cms-bench-uncompressed");
    for name in built.built_files() {
        if !(name.ends_with(".gz") || name.ends_with(".br")) {
            std::fs::copy(built.dist.join(&name), uncompressed.join(&name)).expect("copy");
        }
    }
    let mut variants = vec![
        ("as built", built.clone()),
        (
            "without the preload links",
            built.clone().with_file("index.html", without_preload),
        ),
        (
            "without the precompressed files",
            Site {
                dist: uncompressed.clone(),
                ..built.clone()
            },
        ),
    ];
    if let Some(baseline) = std::env::var_os("CMS_BENCH_BASELINE") {
        variants.push((
            "the build in $CMS_BENCH_BASELINE",
            Site {
                dist: std::path::PathBuf::from(baseline),
                ..built.clone()
            },
        ));
    }
    let mut servers = Vec::new();
    for (_, site) in &variants {
        servers.push(Nginx::start(site, stack.sim.addr()).await);
    }
    println!("BENCH load average at start: {}", load_average());
    for (link_name, link) in links() {
        let mut loads: Vec<Vec<Load>> = vec![Vec::new(); variants.len()];
        for run in 0..runs() {
            for k in 0..variants.len() {
                let v = (run + k) % variants.len();
                let sessions = [stack.mint_session().await, stack.mint_session().await];
                let url = |s: &str| {
                    servers[v].app_url(&format!("/?uuid={}#session={s}", seed::SERVICE_TWO_ARCH))
                };
                let (cold, _) =
                    cold_then_warm(&servers[v], link, &url(&sessions[0]), &url(&sessions[1])).await;
                loads[v].push(cold);
            }
        }
        let reference = summary(&loads[0].iter().map(|l| l.editing).collect::<Vec<_>>());
        for ((name, _), loads) in variants.iter().zip(&loads) {
            let s = summary(&loads.iter().map(|l| l.editing).collect::<Vec<_>>());
            let bytes = summary(
                &loads
                    .iter()
                    .map(Load::bytes_before_editing)
                    .collect::<Vec<_>>(),
            );
            println!(
                "BENCH lever, {link_name}, cold, {name}: {s}; {:+.1} ms against as built (medians); {:.0} bytes on the wire before the mark",
                s.median - reference.median,
                bytes.median
            );
        }
    }
    println!("BENCH load average at end: {}", load_average());
    drop(servers);
    let _ = std::fs::remove_dir_all(&uncompressed);
    stack.finish().await;
}

/// A new empty directory under the system's temporary directory.
fn tempdir(prefix: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("{prefix}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
