//! `zstack-sim`: serve the ZStack REST API simulator until SIGINT or SIGTERM.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use zstack_sim::{Quirks, Seed, SimOptions};

/// A ZStack REST API simulator: speaks the ZStack API under /zstack/v1 (login, sessions, queries,
/// CloneModelService with async jobs) from a seed of model services, images, tags and GPU specs.
/// Built-in seed: account `admin`, password `password`. See sim/README.md.
#[derive(Parser, Debug)]
#[command(name = "zstack-sim", version)]
struct Cli {
    /// Address to listen on; port 0 picks a free port (the ready line prints the real one).
    #[arg(long, default_value = "127.0.0.1:8081")]
    listen: SocketAddr,
    /// Also serve the test-control API under /__sim (request log, reset, faults, sessions, state).
    #[arg(long)]
    control: bool,
    /// Start from this seed JSON (same shape as sim/seed.example.json) instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    seed: Option<PathBuf>,
    /// Start from the built-in seed plus N generated model services (enough to page through a
    /// list; see `seed::catalogue`). Ignored with --seed.
    #[arg(long, value_name = "N")]
    catalogue: Option<usize>,
    /// How long each async job (a clone) runs, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = zstack_sim::DEFAULT_JOB_MS)]
    job_ms: u64,
    /// Session lifetime in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = zstack_sim::DEFAULT_SESSION_TTL.as_secs())]
    session_ttl: u64,
    /// How long jobs stay known to /api-jobs, in seconds (then 404 "the job has been expired").
    #[arg(long, value_name = "SECONDS", default_value_t = zstack_sim::DEFAULT_JOB_RETENTION.as_secs())]
    job_retention: u64,
    /// Allow listening on a non-loopback address (refused otherwise).
    #[arg(long)]
    allow_non_loopback: bool,
    /// Show a quirk of the real node (repeatable, or a comma list; `all` for every one):
    /// emptyJobResult, emptyAcceptedBody, noContentType, fullErrorCodes, plainText405.
    #[arg(
        long = "quirk",
        visible_alias = "quirks",
        value_name = "NAME[,NAME...]"
    )]
    quirks: Vec<String>,
    /// Print the built-in seed as JSON and exit.
    #[arg(long)]
    print_seed: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.print_seed {
        match serde_json::to_string_pretty(&zstack_sim::seed::builtin()) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("zstack-sim: {e}");
                return ExitCode::FAILURE;
            }
        }
        return ExitCode::SUCCESS;
    }
    let seed = match cli.seed.as_deref().map(Seed::from_file).transpose() {
        Ok(None) => cli.catalogue.map(zstack_sim::seed::catalogue),
        Ok(seed) => seed,
        Err(e) => {
            eprintln!("zstack-sim: cannot read the seed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let quirks = match Quirks::parse_list(&cli.quirks.join(",")) {
        Ok(quirks) => quirks,
        Err(e) => {
            eprintln!("zstack-sim: {e}");
            return ExitCode::from(2);
        }
    };
    let options = SimOptions {
        listen: cli.listen,
        control: cli.control,
        seed,
        job_ms: cli.job_ms,
        session_ttl: Duration::from_secs(cli.session_ttl),
        job_retention: Duration::from_secs(cli.job_retention),
        allow_non_loopback: cli.allow_non_loopback,
        quirks,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("zstack-sim: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(options))
}

async fn serve(options: SimOptions) -> ExitCode {
    // Listen for the signals before announcing readiness, so none can arrive unhandled.
    let signals = match ShutdownSignals::install() {
        Ok(signals) => signals,
        Err(e) => {
            eprintln!("zstack-sim: cannot install signal handlers: {e}");
            return ExitCode::FAILURE;
        }
    };
    let sim = match zstack_sim::start(options).await {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("zstack-sim: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("zstack-sim listening on {}", sim.base_url());
    let _ = std::io::stdout().flush();
    signals.wait().await;
    sim.shutdown().await;
    ExitCode::SUCCESS
}

/// SIGINT and SIGTERM (Ctrl-C elsewhere).
#[cfg(unix)]
struct ShutdownSignals {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
}

#[cfg(unix)]
impl ShutdownSignals {
    fn install() -> std::io::Result<Self> {
        use tokio::signal::unix::{signal, SignalKind};
        Ok(ShutdownSignals {
            interrupt: signal(SignalKind::interrupt())?,
            terminate: signal(SignalKind::terminate())?,
        })
    }

    async fn wait(mut self) {
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
    }
}

#[cfg(not(unix))]
struct ShutdownSignals;

#[cfg(not(unix))]
impl ShutdownSignals {
    fn install() -> std::io::Result<Self> {
        Ok(ShutdownSignals)
    }

    async fn wait(self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}
