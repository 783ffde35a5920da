//! A real nginx serving the release build with the shipped `deploy/nginx.conf`, `/zstack/`
//! proxied to a ZStack API (here the simulator), as in production.
//!
//! The site configuration is that file itself, with its `@NAME@` placeholders filled in with
//! this test's port, scratch paths and simulator; only the main configuration around it (the
//! part a Debian machine has in `/etc/nginx/nginx.conf`) is the harness's own, see
//! [`main_config`].

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{free_port, GroupChild};
use crate::scratch::ScratchDir;

/// `deploy/nginx.conf`, the shipped template, as compiled into the harness.
pub const SITE_TEMPLATE: &str = include_str!("../../deploy/nginx.conf");

/// The sub-path the sub-path build is made for (`scripts/build.sh --public-url /tools/clone/`).
pub const SUB_PATH: &str = "/tools/clone/";

pub struct Nginx {
    addr: SocketAddr,
    public_path: String,
    // Field order matters: the process stops before its directory is removed.
    _process: GroupChild,
    dir: ScratchDir,
}

/// Where the release build is: `$CMS_DIST`, else `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    build_dir("CMS_DIST", "dist", "/", "scripts/build.sh")
}

/// Where the sub-path build is: `$CMS_DIST_SUBPATH`, else `dist-subpath/` at the workspace root.
pub fn subpath_dist_dir() -> PathBuf {
    build_dir(
        "CMS_DIST_SUBPATH",
        "dist-subpath",
        SUB_PATH,
        "scripts/build.sh --public-url /tools/clone/ --dist dist-subpath",
    )
}

fn build_dir(var: &str, default: &str, public_path: &str, how: &str) -> PathBuf {
    let dist = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(default)
    });
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_else(|_| {
        panic!(
            "no release build at {} (${var}): run `{how}` (scripts/test.sh does)",
            dist.display()
        )
    });
    // The build's asset links start with its public URL.
    assert!(
        index.contains(&format!("={public_path}boot-"))
            || index.contains(&format!("=\"{public_path}boot-")),
        "{} was not built for {public_path} with boot.js: run `{how}`",
        dist.display()
    );
    dist.canonicalize().expect("dist dir")
}

/// What nginx serves: a build, where, who may frame it, and files a test adds beside it.
#[derive(Clone, Debug)]
pub struct Site {
    /// The release build (`dist/`).
    pub dist: PathBuf,
    /// The public URL it was built for: `/` or [`SUB_PATH`].
    pub public_path: String,
    /// The CSP's `frame-ancestors` sources (`'none'`, the template's default, or origins).
    pub frame_ancestors: String,
    /// Files put beside the build (name relative to the app's directory, content), e.g. a
    /// `config.json`; one with the name of a built file replaces it.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Site {
    /// The root build at `/`.
    pub fn root() -> Site {
        Site {
            dist: dist_dir(),
            public_path: "/".into(),
            frame_ancestors: "'none'".into(),
            files: Vec::new(),
        }
    }

    /// The sub-path build at `/tools/clone/`.
    pub fn sub_path() -> Site {
        Site {
            dist: subpath_dist_dir(),
            public_path: SUB_PATH.into(),
            ..Site::root()
        }
    }

    /// The names of the build's files (`dist/`), sorted.
    pub fn built_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.dist)
            .expect("read dist")
            .map(|entry| {
                entry
                    .expect("dist entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    /// The same site with `name` (relative to the app's directory) holding `content`.
    pub fn with_file(mut self, name: &str, content: impl Into<Vec<u8>>) -> Site {
        self.files.push((name.into(), content.into()));
        self
    }
}

/// Fills in `deploy/nginx.conf`'s placeholders; panics if one is left or unknown.
pub fn render_site(
    listen: SocketAddr,
    root: &Path,
    public_path: &str,
    zstack: SocketAddr,
    frame_ancestors: &str,
) -> String {
    assert!(
        public_path.starts_with('/') && public_path.ends_with('/'),
        "public path {public_path}"
    );
    let rendered = SITE_TEMPLATE
        .replace("@LISTEN@", &listen.to_string())
        .replace("@ROOT@", &root.display().to_string())
        .replace("@PUBLIC_PATH@", public_path)
        .replace("@ZSTACK@", &zstack.to_string())
        .replace("@FRAME_ANCESTORS@", frame_ancestors);
    // Outside comments nothing of the form @NAME@ may be left (the site has no named location).
    let left: Vec<&str> = rendered
        .lines()
        .map(|line| line.split('#').next().unwrap_or_default())
        .filter(|code| code.contains('@'))
        .collect();
    assert!(
        left.is_empty(),
        "placeholders left in deploy/nginx.conf: {left:?}"
    );
    rendered
}

/// Where Debian keeps nginx's dynamic modules (`$CMS_NGINX_MODULES` overrides).
fn modules_dir() -> PathBuf {
    std::env::var_os("CMS_NGINX_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/lib/nginx/modules".into())
}

/// The main configuration around the site: what `/etc/nginx/nginx.conf` does on a Debian
/// machine (the brotli_static module, mime.types, the site included in `http`), plus the
/// test-only parts, which production has not:
/// - everything in the scratch directory (pid, logs, temp paths), `user root;` when root;
/// - `proxy_set_header X-JSON-Schema true;`, which makes the simulator attach ZStack's `schema`
///   object to every reply (as the Java SDK asks for it), so every test checks that the app
///   ignores it. The site sets no proxy_set_header, so it inherits this one.
pub fn main_config(dir: &Path, site_conf: &Path) -> String {
    let brotli = modules_dir().join("ngx_http_brotli_static_module.so");
    assert!(
        brotli.is_file(),
        "{} is missing: install libnginx-mod-http-brotli-static (scripts/setup.sh does)",
        brotli.display()
    );
    let mime_types = Path::new("/etc/nginx/mime.types");
    assert!(
        mime_types.is_file(),
        "{} is missing (nginx-common)",
        mime_types.display()
    );
    // nginx drops privileges to `nobody` when started as root; the scratch dir is private.
    let user = if unsafe { libc::geteuid() } == 0 {
        "user root;"
    } else {
        ""
    };
    let (dir, site_conf, brotli, mime_types) = (
        dir.display(),
        site_conf.display(),
        brotli.display(),
        mime_types.display(),
    );
    format!(
        r#"# As Debian's /etc/nginx/nginx.conf: modules, mime.types, the site.
load_module {brotli};
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    sendfile on;
    include {site_conf};

    # Test-only (see e2e/src/nginx.rs).
    proxy_set_header X-JSON-Schema true;
    access_log {dir}/access.log;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
}}
# Test-only.
{user}
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
"#
    )
}

impl Nginx {
    /// Starts nginx on a free port serving `site`, proxying `/zstack/` to `zstack`.
    pub async fn start(site: &Site, zstack: SocketAddr) -> Nginx {
        let dir = ScratchDir::new("nginx").expect("scratch dir");
        let addr: SocketAddr = ([127, 0, 0, 1], free_port()).into();
        // The document root: the build's files (linked) at the public path, and the test's own.
        let root = dir.path().join("www");
        let app = root.join(site.public_path.trim_start_matches('/'));
        std::fs::create_dir_all(&app).expect("app dir");
        for entry in std::fs::read_dir(&site.dist).expect("read dist") {
            let entry = entry.expect("dist entry");
            std::os::unix::fs::symlink(entry.path(), app.join(entry.file_name()))
                .expect("link a built file");
        }
        for (name, content) in &site.files {
            let path = app.join(name);
            let _ = std::fs::remove_file(&path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
            std::fs::write(&path, content).expect("write a test file");
        }
        let site_conf = dir.path().join("site.conf");
        let rendered = render_site(
            addr,
            &root,
            &site.public_path,
            zstack,
            &site.frame_ancestors,
        );
        std::fs::write(&site_conf, rendered).expect("write site.conf");
        let conf = dir.path().join("nginx.conf");
        std::fs::write(&conf, main_config(dir.path(), &site_conf)).expect("write nginx.conf");
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
            public_path: site.public_path.clone(),
            _process: process,
            dir,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port><path>`
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The public path the app is served at: `/` or [`SUB_PATH`].
    pub fn public_path(&self) -> &str {
        &self.public_path
    }

    /// The address of `path` within the app: `/?uuid=x` is `<public path>?uuid=x`.
    pub fn app_url(&self, path: &str) -> String {
        self.url(&format!(
            "{}{}",
            self.public_path,
            path.trim_start_matches('/')
        ))
    }

    /// nginx's access log so far (one request per line).
    pub fn access_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("access.log")).unwrap_or_default()
    }
}
