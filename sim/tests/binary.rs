//! The `zstack-sim` binary: ready line, port 0, loopback guard, clean exit on SIGTERM and SIGINT.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

fn sim() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zstack-sim"))
}

/// Starts the binary on port 0, returns the child and the URL of its ready line.
fn start(extra: &[&str]) -> (std::process::Child, String) {
    let mut child = sim()
        .args(["--listen", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("zstack-sim listening on ")
        .unwrap_or_else(|| panic!("unexpected ready line {line:?}"))
        .to_string();
    (child, url)
}

fn signal(child: &std::process::Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn wait_exit(child: &mut std::process::Child) -> std::process::ExitStatus {
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    panic!("zstack-sim did not exit");
}

#[test]
fn port_zero_prints_the_real_port_and_sigterm_exits_cleanly() {
    let (mut child, url) = start(&["--control", "--job-ms", "10"]);
    let port: u16 = url
        .strip_prefix("http://127.0.0.1:")
        .unwrap()
        .parse()
        .unwrap();
    assert_ne!(port, 0);
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_ok());
    signal(&child, "TERM");
    assert!(wait_exit(&mut child).success());
}

#[test]
fn sigint_exits_cleanly() {
    let (mut child, _) = start(&[]);
    signal(&child, "INT");
    assert!(wait_exit(&mut child).success());
}

#[test]
fn a_non_loopback_address_is_refused_unless_forced() {
    let output = sim().args(["--listen", "0.0.0.0:0"]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("non-loopback"));
}

#[test]
fn help_documents_every_flag() {
    let output = sim().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for flag in [
        "--listen",
        "--control",
        "--seed",
        "--job-ms",
        "--session-ttl",
        "--job-retention",
        "--allow-non-loopback",
        "--print-seed",
        "--quirk",
        "--catalogue",
    ] {
        assert!(help.contains(flag), "{flag} missing from --help");
    }
}

#[test]
fn a_seed_file_is_loaded_and_a_bad_one_is_an_error() {
    let dir = std::env::temp_dir().join(format!("zstack-sim-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"accounts\": 3}").unwrap();
    let output = sim()
        .args(["--listen", "127.0.0.1:0", "--seed"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("seed"));
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/seed.example.json");
    let (mut child, _) = start(&["--seed", example]);
    signal(&child, "TERM");
    assert!(wait_exit(&mut child).success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn catalogue_serves_the_built_in_seed_and_n_generated_services() {
    let (mut child, url) = start(&["--control", "--catalogue", "45"]);
    let state: serde_json::Value = reqwest::get(format!("{url}/__sim/state"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let services = state["modelServices"].as_array().expect("modelServices");
    assert_eq!(
        services.len(),
        zstack_sim::seed::catalogue(45).model_services.len()
    );
    assert!(services.len() > zstack_sim::seed::builtin().model_services.len() + 44);
    signal(&child, "TERM");
    assert!(wait_exit(&mut child).success());
}

#[tokio::test]
async fn quirk_flags_switch_quirks_on_from_the_start() {
    let (mut child, url) = start(&[
        "--control",
        "--quirk",
        "noContentType",
        "--quirks",
        "emptyJobResult,plainText405",
    ]);
    let quirks: serde_json::Value = reqwest::get(format!("{url}/__sim/quirks"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        quirks,
        serde_json::json!({"emptyJobResult": true, "emptyAcceptedBody": false,
            "noContentType": true, "fullErrorCodes": false, "plainText405": true})
    );
    let reply = reqwest::get(format!("{url}/zstack/v1/no/such/api"))
        .await
        .unwrap();
    assert!(reply.headers().get("content-type").is_none());
    signal(&child, "TERM");
    assert!(wait_exit(&mut child).success());
    let (mut all, url) = start(&["--control", "--quirks", "all"]);
    let quirks: serde_json::Value = reqwest::get(format!("{url}/__sim/quirks"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(quirks.as_object().unwrap().values().all(|on| on == true));
    signal(&all, "TERM");
    assert!(wait_exit(&mut all).success());
    let output = sim().args(["--quirk", "bogus"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("known quirks"));
}
