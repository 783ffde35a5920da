//! First loads for the benchmarks (e2e/tests/benchmarks.rs): one page opened in a fresh
//! Chromium (new profile: cold HTTP cache, no compiled-code cache, empty storage), then once
//! more in the same browser (the warm repeat visit), each time until the page's `cms-editing`
//! performance mark, with the page's own timeline (navigation and resource timing, marks).

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

use crate::browser::Browser;
use crate::chromium_commands::Link;
use crate::nginx::Nginx;
use crate::stack::WAIT;

/// The hand-written baseline (benches/handwritten/), served beside the app by the same nginx.
pub const HANDWRITTEN: [(&str, &str); 3] = [
    (
        "handwritten/index.html",
        include_str!("../../benches/handwritten/index.html"),
    ),
    (
        "handwritten/app.js",
        include_str!("../../benches/handwritten/app.js"),
    ),
    (
        "handwritten/style.css",
        include_str!("../../benches/handwritten/style.css"),
    ),
];

/// One page load, as the page saw it (times in ms from navigation start).
#[derive(Clone, Debug)]
pub struct Load {
    /// The `cms-editing` mark: the pre-filled form is in the document with its handlers.
    pub editing: f64,
    /// Every mark the page set, by name.
    pub marks: BTreeMap<String, f64>,
    /// The document and every resource, labelled (hashes and uuids taken out).
    pub entries: Vec<Entry>,
    /// Controls (elements with a `name`) and architecture rows in the document at the end: both
    /// pages must show the same form.
    pub controls: u64,
    pub rows: u64,
}

/// One request of a load.
#[derive(Clone, Debug)]
pub struct Entry {
    pub label: String,
    pub start: f64,
    pub end: f64,
    /// Bytes on the wire (headers and body; 0 when served from the cache).
    pub transfer: f64,
}

/// Reads the page's timeline once `cms-editing` is set (and the requests started around it
/// have had time to finish, so that they show in resource timing).
const TIMELINE: &str = "
    const editing = performance.getEntriesByName('cms-editing')[0];
    if (!editing) return null;
    const label = (url) => {
      const u = new URL(url);
      return (u.pathname + (u.search ? '?' + decodeURIComponent(u.search.slice(1)).split('&')[0] : ''))
        .replace(/-[0-9a-f]{12,16}(_bg)?\\./, '$1.')
        .replace(/[0-9a-f]{32}/g, '{uuid}');
    };
    const nav = performance.getEntriesByType('navigation')[0];
    const entries = [{ label: 'document', start: 0, end: nav.responseEnd, transfer: nav.transferSize }]
      .concat(performance.getEntriesByType('resource').map((r) => ({
        label: label(r.name), start: r.startTime, end: r.responseEnd, transfer: r.transferSize,
      })));
    const marks = {};
    for (const m of performance.getEntriesByType('mark')) marks[m.name] = m.startTime;
    const controls = document.querySelectorAll('[name]').length;
    const rows = document.querySelectorAll('[name$=\".dockerImage\"]').length;
    return { editing: editing.startTime, marks, entries, controls, rows };
";

impl Load {
    fn from_json(value: &Value) -> Load {
        let number = |v: &Value| v.as_f64().unwrap_or(0.0);
        Load {
            editing: number(&value["editing"]),
            marks: value["marks"]
                .as_object()
                .map(|m| m.iter().map(|(k, v)| (k.clone(), number(v))).collect())
                .unwrap_or_default(),
            entries: value["entries"]
                .as_array()
                .map(|entries| {
                    entries
                        .iter()
                        .map(|e| Entry {
                            label: e["label"].as_str().unwrap_or_default().to_owned(),
                            start: number(&e["start"]),
                            end: number(&e["end"]),
                            transfer: number(&e["transfer"]),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            controls: value["controls"].as_u64().unwrap_or(0),
            rows: value["rows"].as_u64().unwrap_or(0),
        }
    }

    /// Bytes on the wire of everything up to the mark (document included).
    pub fn bytes_before_editing(&self) -> f64 {
        self.entries
            .iter()
            .filter(|e| e.end <= self.editing)
            .map(|e| e.transfer)
            .sum()
    }
}

/// Opens `url` in `browser` and waits for the `cms-editing` mark.
pub async fn load(browser: &Browser, url: &str) -> Load {
    browser.client().goto(url).await.expect("navigate");
    browser
        .wait_until(
            "the cms-editing mark",
            "return !!performance.getEntriesByName('cms-editing')[0]",
            WAIT,
        )
        .await;
    // The pickers' queries start with the form; give them time to end, to see them.
    tokio::time::sleep(Duration::from_millis(500)).await;
    Load::from_json(&browser.eval(TIMELINE, vec![]).await)
}

/// How long a fresh Chromium is left to start before a cold load is measured.
const BROWSER_SETTLES: Duration = Duration::from_secs(1);

/// A cold first load of `url` in a fresh Chromium over `link` (none: loopback as it is), then
/// the warm repeat visit of `url_again` in the same browser (same profile and cache; its tab's
/// storage emptied first, so that nothing of the first visit but the cache is left).
pub async fn cold_then_warm(
    nginx: &Nginx,
    link: Option<Link>,
    url: &str,
    url_again: &str,
) -> (Load, Load) {
    let browser = Browser::start(1280, 900, "en-US").await;
    if let Some(link) = link {
        browser.emulate_link(link).await;
    }
    // A fresh Chromium is still starting its own processes and services for a moment: on two
    // cores that work would land in the middle of the first page's load, whichever page it is.
    // The cache and the storage stay empty meanwhile.
    browser
        .client()
        .goto("about:blank")
        .await
        .expect("navigate");
    tokio::time::sleep(BROWSER_SETTLES).await;
    let cold = load(&browser, url).await;
    // A page of the same origin that is neither page (nginx's 404), to empty the tab's storage.
    browser
        .client()
        .goto(&nginx.url("/bench-between-visits.txt"))
        .await
        .expect("navigate");
    browser.eval("sessionStorage.clear();", vec![]).await;
    let warm = load(&browser, url_again).await;
    browser.close().await;
    (cold, warm)
}

/// How many runs of each first-load figure (`CMS_BENCH_RUNS`, default 10).
pub fn runs() -> usize {
    std::env::var("CMS_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}

/// Figures of a sample.
#[derive(Clone, Copy, Debug)]
pub struct Summary {
    pub runs: usize,
    pub median: f64,
    pub p90: f64,
    pub min: f64,
    pub max: f64,
}

pub fn summary(values: &[f64]) -> Summary {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    assert!(n > 0, "no values");
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    let p90 = v[((n as f64 * 0.9).ceil() as usize).saturating_sub(1)];
    Summary {
        runs: n,
        median,
        p90,
        min: v[0],
        max: v[n - 1],
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "runs {}, median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms",
            self.runs, self.median, self.p90, self.min, self.max
        )
    }
}

/// The loads' timeline as a table: per request, the median start and end and bytes; then the
/// median of each mark.
pub fn breakdown(loads: &[Load]) -> String {
    let mut labels: Vec<String> = Vec::new();
    for load in loads {
        for e in &load.entries {
            if !labels.contains(&e.label) {
                labels.push(e.label.clone());
            }
        }
    }
    let mut out = String::from(
        "| request | runs | start (median ms) | end (median ms) | bytes on the wire (median) |\n|---|---:|---:|---:|---:|\n",
    );
    for label in &labels {
        let of = |f: fn(&Entry) -> f64| -> Vec<f64> {
            loads
                .iter()
                .flat_map(|l| l.entries.iter().filter(|e| &e.label == label).map(f))
                .collect()
        };
        let (starts, ends, bytes) = (of(|e| e.start), of(|e| e.end), of(|e| e.transfer));
        out.push_str(&format!(
            "| `{label}` | {} | {:.1} | {:.1} | {:.0} |\n",
            starts.len(),
            summary(&starts).median,
            summary(&ends).median,
            summary(&bytes).median
        ));
    }
    let mut names: Vec<&String> = loads.iter().flat_map(|l| l.marks.keys()).collect();
    names.sort();
    names.dedup();
    for name in names {
        let at: Vec<f64> = loads
            .iter()
            .filter_map(|l| l.marks.get(name).copied())
            .collect();
        out.push_str(&format!(
            "| mark `{name}` | {} | {:.1} | | |\n",
            at.len(),
            summary(&at).median
        ));
    }
    out
}
