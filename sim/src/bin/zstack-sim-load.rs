//! `zstack-sim-load`: a bounded load test of the simulator on loopback. Starts a simulator
//! in-process (or uses `--url` on 127.0.0.1), runs a query load for a fixed time or request count
//! over K connections, prints requests/s and latency percentiles, then makes N concurrent clone
//! POSTs (own X-Job-UUID and resourceUuid each), polls every job, counts the clones (must be
//! exactly N) and repeats some POSTs with the same job uuids (must add none). Stops by itself.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use zstack_sim::{ids::new_uuid, seed, sha512_hex, SimOptions};

#[derive(Parser, Debug)]
#[command(name = "zstack-sim-load")]
struct Cli {
    /// Use a running simulator at this loopback URL instead of starting one in-process.
    #[arg(long)]
    url: Option<String>,
    /// Query phase duration in seconds.
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// Query phase request cap (the phase stops at whichever limit comes first).
    #[arg(long, default_value_t = 200_000)]
    max_requests: u64,
    /// Concurrent connections of the query phase.
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Concurrent clone POSTs.
    #[arg(long, default_value_t = 50)]
    clones: usize,
    /// Job duration of the in-process simulator (ms).
    #[arg(long, default_value_t = zstack_sim::DEFAULT_JOB_MS)]
    job_ms: u64,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("zstack-sim-load: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    let (_sim, base) = match &cli.url {
        Some(url) => {
            let host = url
                .trim_start_matches("http://")
                .split(['/', ':'])
                .next()
                .unwrap_or("");
            if !matches!(host, "127.0.0.1" | "localhost" | "[") && !host.starts_with("127.") {
                return Err(format!("refusing a non-loopback target: {url}"));
            }
            (None, url.trim_end_matches('/').to_string())
        }
        None => {
            let options = SimOptions {
                job_ms: cli.job_ms,
                ..SimOptions::default()
            };
            let sim = zstack_sim::start(options)
                .await
                .map_err(|e| e.to_string())?;
            let base = sim.base_url();
            (Some(sim), base)
        }
    };
    let client = Client::builder()
        .timeout(Duration::from_secs(30))
        .pool_max_idle_per_host(cli.connections.max(cli.clones))
        .build()
        .map_err(|e| e.to_string())?;
    let session = login(&client, &base).await?;
    println!("target: {base} (job {} ms in-process)", cli.job_ms);
    query_phase(&cli, &client, &base, &session).await?;
    clone_phase(&cli, &client, &base, &session).await
}

async fn login(client: &Client, base: &str) -> Result<String, String> {
    let body = json!({"logInByAccount": {"accountName": seed::ADMIN_ACCOUNT, "password": sha512_hex(seed::ADMIN_PASSWORD)}});
    let response = client
        .put(format!("{base}/zstack/v1/accounts/login"))
        .json(&body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let value: Value = response.json().await.map_err(|e| e.to_string())?;
    value["inventory"]["uuid"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("login failed: {value}"))
}

const QUERY_PATHS: [&str; 5] = [
    "/zstack/v1/ai/model-services",
    "/zstack/v1/ai/model-services/d76744cb53f9478abf42b907df3efb6e",
    "/zstack/v1/images?q=architecture=x86_64",
    "/zstack/v1/tags?limit=10&sort=%2Bname",
    "/zstack/v1/pci-device-specs?q=vendor=NVIDIA",
];

async fn query_phase(cli: &Cli, client: &Client, base: &str, session: &str) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(cli.seconds);
    let remaining = Arc::new(std::sync::atomic::AtomicI64::new(cli.max_requests as i64));
    let started = Instant::now();
    let mut workers = Vec::new();
    for worker in 0..cli.connections {
        let (client, base, session, remaining) = (
            client.clone(),
            base.to_string(),
            session.to_string(),
            remaining.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0u64;
            let mut i = worker;
            while Instant::now() < deadline
                && remaining.fetch_sub(1, std::sync::atomic::Ordering::Relaxed) > 0
            {
                let url = format!("{base}{}", QUERY_PATHS[i % QUERY_PATHS.len()]);
                i += 1;
                let sent = Instant::now();
                let ok = match client
                    .get(&url)
                    .header("Authorization", format!("OAuth {session}"))
                    .send()
                    .await
                {
                    Ok(response) => {
                        response.status() == StatusCode::OK && response.bytes().await.is_ok()
                    }
                    Err(_) => false,
                };
                latencies.push(sent.elapsed().as_micros() as u64);
                errors += u64::from(!ok);
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        let (mut l, e) = worker.await.map_err(|e| e.to_string())?;
        latencies.append(&mut l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as f64
            / 1000.0
    };
    println!(
        "queries: {} requests over {} connections in {:.2} s = {:.0} requests/s, {} errors",
        latencies.len(),
        cli.connections,
        elapsed,
        latencies.len() as f64 / elapsed,
        errors
    );
    println!(
        "query latency ms: p50 {:.2}, p90 {:.2}, p99 {:.2}, max {:.2}",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        latencies.last().copied().unwrap_or(0) as f64 / 1000.0
    );
    if errors > 0 {
        return Err(format!("{errors} query errors"));
    }
    Ok(())
}

async fn clone_phase(cli: &Cli, client: &Client, base: &str, session: &str) -> Result<(), String> {
    let run_id = &new_uuid()[..8];
    let requests: Vec<(String, String)> =
        (0..cli.clones).map(|_| (new_uuid(), new_uuid())).collect();
    let post = |job: String, resource: String, i: usize| {
        let (client, base, session) = (client.clone(), base.to_string(), session.to_string());
        let name = format!("load-{run_id}-{i}");
        async move {
            client
                .post(format!(
                    "{base}/zstack/v1/ai/model-services/{}",
                    seed::SERVICE_TWO_ARCH
                ))
                .header("Authorization", format!("OAuth {session}"))
                .header("X-Job-UUID", job)
                .json(&json!({"params": {"name": name, "resourceUuid": resource}}))
                .send()
                .await
                .map(|r| r.status())
                .map_err(|e| e.to_string())
        }
    };
    let started = Instant::now();
    let posts: Vec<_> = requests
        .iter()
        .enumerate()
        .map(|(i, (job, resource))| tokio::spawn(post(job.clone(), resource.clone(), i)))
        .collect();
    for handle in posts {
        let status = handle.await.map_err(|e| e.to_string())??;
        if status != StatusCode::ACCEPTED {
            return Err(format!("clone POST answered {status}"));
        }
    }
    let mut failed = 0;
    for (job, _) in &requests {
        loop {
            let response = client
                .get(format!("{base}/zstack/v1/api-jobs/{job}"))
                .send()
                .await
                .map_err(|e| e.to_string())?;
            match response.status() {
                StatusCode::ACCEPTED => tokio::time::sleep(Duration::from_millis(100)).await,
                StatusCode::OK => break,
                other => {
                    failed += 1;
                    eprintln!("job {job}: {other}");
                    break;
                }
            }
        }
    }
    let all_done = started.elapsed().as_secs_f64();
    let count_clones = || async {
        let url =
            format!("{base}/zstack/v1/ai/model-services?count=true&q=name~=load-{run_id}-%25");
        let value: Value = client
            .get(url)
            .header("Authorization", format!("OAuth {session}"))
            .send()
            .await
            .map_err(|e| e.to_string())?
            .json()
            .await
            .map_err(|e| e.to_string())?;
        value["total"]
            .as_u64()
            .ok_or_else(|| format!("no total in {value}"))
    };
    let clones = count_clones().await?;
    println!(
        "clones: {} concurrent POSTs, all jobs finished in {:.2} s, {} failed jobs, {} clones exist",
        cli.clones, all_done, failed, clones
    );
    let repeats = requests.len().min(10);
    let mut refused = 0;
    for (i, (job, resource)) in requests.iter().take(repeats).enumerate() {
        if post(job.clone(), resource.clone(), i).await? == StatusCode::BAD_REQUEST {
            refused += 1;
        }
    }
    tokio::time::sleep(Duration::from_millis(cli.job_ms + 200)).await;
    let after = count_clones().await?;
    println!("repeats: {repeats} POSTs with used X-Job-UUIDs, {refused} refused (400), {after} clones exist");
    if failed > 0 || clones != cli.clones as u64 || refused != repeats || after != clones {
        return Err("clone counts are not exact".to_string());
    }
    println!("clone counts exact");
    Ok(())
}
