//! A portal for the embedding tests: a page on its own loopback origin that frames the app
//! (`?app=<url>`), records every message the app posts (`window.received`) and posts the host's
//! messages into the frame (`window.send({...})`, protocol fields added, exact target origin).
//! Served by a tiny HTTP server of its own, as a portal would be served by its own web server.

use std::net::SocketAddr;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zstack_sim::{Quirks, SimOptions};

use crate::browser::Browser;
use crate::nginx::{Nginx, Site};
use crate::stack::Stack;

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
<body>
<h1>Portal</h1>
<iframe id="app" title="Clone model service" width="1000" height="800"></iframe>
<script>
  window.received = [];
  const app = new URLSearchParams(location.search).get('app');
  const appOrigin = new URL(app).origin;
  window.addEventListener('message', (e) => {
    if (e.origin === appOrigin) window.received.push(e.data);
  });
  window.send = (message) => document.getElementById('app').contentWindow.postMessage(
    Object.assign({ protocol: 'clone-model-service', version: 1 }, message), appOrigin);
  window.sendRaw = (message) =>
    document.getElementById('app').contentWindow.postMessage(message, appOrigin);
  document.getElementById('app').src = app;
</script>
</body></html>
"#;

/// The portal's server; stops when dropped.
pub struct Portal {
    addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Portal {
    pub async fn start() -> Portal {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("portal port");
        let addr = listener.local_addr().expect("portal addr");
        let task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buf = [0u8; 4096];
                    let _ = stream.read(&mut buf).await;
                    let reply = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{PAGE}",
                        PAGE.len()
                    );
                    let _ = stream.write_all(reply.as_bytes()).await;
                });
            }
        });
        Portal { addr, task }
    }

    /// `http://127.0.0.1:<port>`
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The stack with the app served beside a `config.json`, by `deploy/nginx.conf` whose
/// `frame-ancestors` names the same origins as the config's `embedOrigins` (as
/// docs/deployment.md asks), or `'none'` when it names none.
pub struct EmbeddedStack {
    pub stack: Stack,
}

impl EmbeddedStack {
    pub async fn start(config: &Value) -> EmbeddedStack {
        let origins: Vec<String> = config["embedOrigins"]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|o| o.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        EmbeddedStack::start_framed_by(config, &origins).await
    }

    /// The same, with `frame-ancestors` naming `origins` whatever the config says (to test the
    /// app's own check of message origins, with the browser's framing check out of the way).
    pub async fn start_framed_by(config: &Value, origins: &[String]) -> EmbeddedStack {
        let mut site = Site::root().with_file("config.json", config.to_string());
        if !origins.is_empty() {
            site.frame_ancestors = origins.join(" ");
        }
        let sim = zstack_sim::start(SimOptions {
            control: true,
            job_ms: 300,
            quirks: Quirks::none(),
            ..SimOptions::default()
        })
        .await
        .expect("start zstack-sim");
        let nginx = Nginx::start(&site, sim.addr()).await;
        let browser = Browser::start(1280, 900, "en-US").await;
        EmbeddedStack {
            stack: Stack {
                browser,
                nginx,
                sim,
            },
        }
    }
}
