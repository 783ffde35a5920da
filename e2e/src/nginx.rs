//! A real nginx serving the release build as a static host would, with `/zstack` proxied to a
//! ZStack API (here the simulator), like a production reverse proxy in front of the node.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{free_port, GroupChild};
use crate::scratch::ScratchDir;

pub struct Nginx {
    addr: SocketAddr,
    // Field order matters: the process stops before its directory is removed.
    _process: GroupChild,
    _dir: ScratchDir,
}

/// Where the release build is: `$CMS_DIST`, else `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("CMS_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../dist"));
    assert!(
        dist.join("index.html").is_file(),
        "no release build at {}: run `trunk build --release` (scripts/test.sh does)",
        dist.display()
    );
    dist.canonicalize().expect("dist dir")
}

/// The nginx configuration: static files with SPA fallback, gzip, a wasm MIME type, and the
/// ZStack API proxied under `/zstack/`.
pub fn config(dir: &Path, listen: SocketAddr, root: &Path, zstack: SocketAddr) -> String {
    let dir = dir.display();
    let root = root.display();
    // nginx drops privileges to `nobody` when started as root; the scratch dir is private.
    let user = if unsafe { libc::geteuid() } == 0 {
        "user root;"
    } else {
        ""
    };
    format!(
        r#"{user}
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    types {{
        text/html html;
        text/css css;
        application/javascript js;
        application/wasm wasm;
        application/json json;
        image/svg+xml svg;
        image/png png;
        image/x-icon ico;
    }}
    default_type application/octet-stream;
    access_log {dir}/access.log;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    sendfile on;
    gzip on;
    gzip_types text/css application/javascript application/wasm application/json;
    server {{
        listen {listen};
        root {root};
        location / {{
            try_files $uri $uri/ /index.html;
        }}
        location /zstack/ {{
            # A clone's body holds the YAML (up to 4 Mi characters): nginx's default 1 MB
            # answers 413 to large ones.
            client_max_body_size 32m;
            # Every reply then carries ZStack's "schema" object (as the Java SDK asks for it),
            # so every test checks that the app ignores it.
            proxy_set_header X-JSON-Schema true;
            proxy_pass http://{zstack};
            proxy_http_version 1.1;
            proxy_set_header Host $host;
        }}
    }}
}}
"#
    )
}

impl Nginx {
    /// Starts nginx on a free port serving `root`, proxying `/zstack/` to `zstack`.
    pub async fn start(root: &Path, zstack: SocketAddr) -> Nginx {
        let dir = ScratchDir::new("nginx").expect("scratch dir");
        let addr: SocketAddr = ([127, 0, 0, 1], free_port()).into();
        let conf = dir.path().join("nginx.conf");
        std::fs::write(&conf, config(dir.path(), addr, root, zstack)).expect("write nginx.conf");
        let log = dir.path().join("stderr.log");
        let mut command = Command::new(std::env::var("CMS_NGINX").unwrap_or("nginx".into()));
        command
            .arg("-p")
            .arg(dir.path())
            .arg("-e")
            .arg(dir.path().join("error.log"))
            .arg("-c")
            .arg(&conf);
        let mut process = GroupChild::spawn("nginx", command, &log).expect("nginx");
        process.wait_listening(addr, &log).await;
        Nginx {
            addr,
            _process: process,
            _dir: dir,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port><path>`
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}
