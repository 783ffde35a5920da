//! validate + build for a draft with 64 architecture rows and a 1 MB YAML.
//!
//! `cargo bench -p clone-model-service --bench form` prints median and p90 of:
//! - validate, warm: the YAML unchanged since the last check (every keystroke elsewhere);
//! - validate, cold: the YAML changed (parsed again, to the end: what the dialog's sliced
//!   check does between keystrokes, `form::check_yaml_now` at once here);
//! - build (`CloneRequest::from_draft`, which validates first) and serializing the body, warm
//!   and cold.

use std::hint::black_box;
use std::time::Instant;

use clone_model_service::form::{
    check_yaml_now, ArchitectureRow, Draft, Rows, KNOWN_ARCHITECTURES,
};
use clone_model_service::zstack::{new_uuid, CloneRequest, ModelServiceInventory};

const ROWS: usize = 64;
const RUNS: usize = 60;

fn yaml_of_about(bytes: usize, salt: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&format!(
            "service{salt}_{i}:\n  ports:\n    - {}\n  name: \"qwen-{i}\"\n  env:\n    - key: value\n",
            3000 + i % 1000
        ));
        i += 1;
    }
    out
}

fn draft(source: &ModelServiceInventory) -> Draft {
    let mut d = Draft::from_inventory(source);
    d.yaml = yaml_of_about(1 << 20, 0);
    d.request_cpu = "16".into();
    d.size = "9007199254740993".into();
    d.architecture_rows = (0..ROWS)
        .map(|i| ArchitectureRow {
            cpu_architecture: KNOWN_ARCHITECTURES[i % 4].to_string(),
            vm_image_uuid: format!("{i:032x}"),
            docker_image: format!("registry.example.com/img-{i}:latest"),
        })
        .collect();
    d
}

fn stats(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = ms[ms.len() / 2];
    let p90 = ms[ms.len() * 9 / 10];
    println!(
        "{name:<34} median {median:>8.3} ms   p90 {p90:>8.3} ms   ({} runs)",
        ms.len()
    );
}

fn time<R>(f: impl FnOnce() -> R) -> f64 {
    let t = Instant::now();
    black_box(f());
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let source = ModelServiceInventory {
        uuid: Some("d76744cb53f9378abf42b907df3efb6e".into()),
        name: Some("qwen".into()),
        service_type: Some("Endpoint".into()),
        ..Default::default()
    };
    let resource_uuid = new_uuid();
    let full = draft(&source);
    // Its verdict in, as after the dialog's sliced check.
    check_yaml_now(&full.yaml);
    // ZStack takes one row per architecture and knows four, so a 64-row draft cannot be valid:
    // it is validated as is (its duplicate rows are reported), and the build is measured on
    // the valid draft of its first four rows with the same YAML, whose request then carries
    // all 64 rows' images when serialized (the size of the JSON the UI would render).
    let first_four = |d: &Draft| -> Rows<ArchitectureRow> {
        d.architecture_rows.values().take(4).cloned().collect()
    };
    let mut valid = full.clone();
    valid.architecture_rows = first_four(&full);
    let images_64 = {
        let mut wide = full.clone();
        wide.architecture_rows = first_four(&full);
        let r = CloneRequest::from_draft(&wide, &source, &resource_uuid).expect("valid");
        let one = r.body.params.architecture_images.clone().unwrap();
        one.iter().cycle().take(ROWS).cloned().collect::<Vec<_>>()
    };
    println!("draft: {ROWS} rows, YAML {} bytes", full.yaml.len());
    println!("64-row draft problems: {}", full.validate(&source).len());

    let warm: Vec<f64> = (0..RUNS).map(|_| time(|| full.validate(&source))).collect();
    stats("validate 64 rows, YAML unchanged", warm);
    let cold: Vec<f64> = (0..RUNS)
        .map(|i| {
            let mut d = full.clone();
            d.yaml.push_str(&format!("k{i}: v\n"));
            time(|| {
                check_yaml_now(&d.yaml);
                d.validate(&source)
            })
        })
        .collect();
    stats("validate 64 rows, YAML changed", cold);
    let build = |d: &Draft| {
        let mut r = CloneRequest::from_draft(d, &source, &resource_uuid).expect("valid");
        r.body.params.architecture_images = Some(images_64.clone());
        r.to_json()
    };
    check_yaml_now(&valid.yaml);
    let build_warm: Vec<f64> = (0..RUNS).map(|_| time(|| build(&valid))).collect();
    stats("build + JSON, YAML unchanged", build_warm);
    let build_cold: Vec<f64> = (0..RUNS)
        .map(|i| {
            let mut d = valid.clone();
            d.yaml.push_str(&format!("k{i}: v\n"));
            time(|| {
                check_yaml_now(&d.yaml);
                build(&d)
            })
        })
        .collect();
    stats("build + JSON, YAML changed", build_cold);
}
