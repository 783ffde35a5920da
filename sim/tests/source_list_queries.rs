//! What the source list asks of the node, against a seed with many services: counted pages
//! sorted by name, `~=` with `%` and `_` as wildcards, and `\` taken as a plain character
//! (UNCONFIRMED on the node, see sim/README.md).

mod common;

use common::Sim;
use reqwest::StatusCode;
use serde_json::Value;
use zstack_sim::{seed, SimOptions};

fn names(body: &Value) -> Vec<String> {
    body["inventories"]
        .as_array()
        .expect("inventories")
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect()
}

async fn catalogue_sim() -> Sim {
    Sim::start_with(SimOptions {
        seed: Some(seed::catalogue(45)),
        ..SimOptions::default()
    })
    .await
}

#[tokio::test]
async fn pages_are_counted_sorted_and_disjoint() {
    let sim = catalogue_sim().await;
    let session = sim.login().await;
    let all = seed::catalogue(45).model_services.len();
    let mut seen = Vec::new();
    for start in [0, 20, 40] {
        let (status, body) = sim
            .query(
                &format!(
                    "/ai/model-services?limit=20&start={start}&replyWithCount=true&sort=%2Bname"
                ),
                &session,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["total"], all);
        seen.extend(names(&body));
    }
    assert_eq!(seen.len(), all);
    let mut sorted = seen.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(seen, sorted, "sorted by name, pages in order");
    let (_, past) = sim
        .query(
            "/ai/model-services?limit=20&start=100&replyWithCount=true",
            &session,
        )
        .await;
    assert_eq!(
        (names(&past).len(), past["total"].as_u64()),
        (0, Some(all as u64))
    );
}

#[tokio::test]
async fn like_treats_percent_and_underscore_as_wildcards_and_backslash_as_a_character() {
    let sim = catalogue_sim().await;
    let session = sim.login().await;
    let search = |pattern: &str| {
        let path = format!(
            "/ai/model-services?q=name~={}&replyWithCount=true&sort=%2Bname",
            urlencode(pattern)
        );
        let sim = &sim;
        let session = session.clone();
        async move { sim.query(&path, &session).await.1 }
    };
    // `_` matches any one character: the look-alike too.
    assert_eq!(
        names(&search("%50__off%").await),
        ["sale 50%_off", "sale 50xyoff"]
    );
    assert_eq!(names(&search("%CATALOGUE-MODEL-04_%").await).len(), 6);
    assert_eq!(search("%catalogue-model-04_%").await["total"], 6);
    // No escape character: `\` is itself.
    assert_eq!(names(&search(r"%50\%\_off%").await), Vec::<String>::new());
    assert_eq!(
        names(&search(r#"%"quoted" <b>bold</b> \ %"#).await),
        [r#"it's "quoted" <b>bold</b> \ model"#]
    );
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
