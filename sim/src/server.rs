//! The listener and the per-connection HTTP/1 service. Connections are served by hand (not
//! `axum::serve`) so that a fault can drop a TCP connection without answering.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt;

use crate::connection::ConnectionKiller;
use crate::options::SimOptions;
use crate::quirks::Quirks;
use crate::routes::router;
use crate::seed;
use crate::state::{Settings, Shared};

/// A running simulator. Dropping it stops the server too.
pub struct SimHandle {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl SimHandle {
    /// The address it listens on (with the real port when started on port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port>`
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The quirks on now.
    pub fn quirks(&self) -> Quirks {
        self.shared.world().quirks.clone()
    }

    /// Replaces the quirks on now (as `PUT /__sim/quirks` does); `POST /__sim/reset` goes back to
    /// [`SimOptions::quirks`].
    pub fn set_quirks(&self, quirks: Quirks) {
        self.shared.world().quirks = quirks;
    }

    /// Stops accepting, closes every connection and waits until the server task has ended.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// Binds, spawns the server on the current tokio runtime, and returns once it is listening.
pub async fn start(options: SimOptions) -> io::Result<SimHandle> {
    if !options.allow_non_loopback && !options.listen.ip().is_loopback() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "refusing to listen on non-loopback address {} (allow it explicitly)",
                options.listen
            ),
        ));
    }
    let listener = TcpListener::bind(options.listen).await?;
    let addr = listener.local_addr()?;
    let settings = Settings {
        listen: addr,
        control: options.control,
        job_ms: options.job_ms,
        session_ttl: options.session_ttl,
        job_retention: options.job_retention,
        quirks: options.quirks,
    };
    let shared = Arc::new(Shared::new(
        settings,
        options.seed.unwrap_or_else(seed::builtin),
    ));
    let app = router(shared.clone());
    let (stop_tx, stop_rx) = oneshot::channel();
    let task = tokio::spawn(accept_loop(listener, app, stop_rx));
    Ok(SimHandle {
        addr,
        shared,
        stop: Some(stop_tx),
        task: Some(task),
    })
}

async fn accept_loop(listener: TcpListener, app: Router, mut stop: oneshot::Receiver<()>) {
    // Dropping the set (when this task ends or is aborted) aborts every connection.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(stream, app.clone()));
                }
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn serve_connection(stream: TcpStream, app: Router) {
    let _ = stream.set_nodelay(true);
    let killer = ConnectionKiller::new();
    let request_killer = killer.clone();
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(request_killer.clone());
        app.clone().oneshot(request.map(Body::new))
    });
    let connection =
        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        // Dropping the connection closes the socket without an answer.
        _ = killer.killed() => {}
    }
}
