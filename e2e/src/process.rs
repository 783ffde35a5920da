//! Child processes in their own process group, killed as a group (the process and everything
//! it started, e.g. Chromium under chromedriver or nginx's workers) when dropped.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct GroupChild {
    name: &'static str,
    child: Child,
}

impl GroupChild {
    /// Starts `command` in a new process group, output going to `log` (a file path).
    pub fn spawn(
        name: &'static str,
        mut command: Command,
        log: &std::path::Path,
    ) -> std::io::Result<GroupChild> {
        use std::os::unix::process::CommandExt;
        let out = std::fs::File::create(log)?;
        let err = out.try_clone()?;
        command
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0);
        let child = command
            .spawn()
            .map_err(|e| std::io::Error::new(e.kind(), format!("cannot start {name}: {e}")))?;
        Ok(GroupChild { name, child })
    }

    /// Waits until `addr` accepts TCP connections; fails early if the process exits.
    pub async fn wait_listening(&mut self, addr: SocketAddr, log: &std::path::Path) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if tokio::net::TcpStream::connect(addr).await.is_ok() {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                let output = std::fs::read_to_string(log).unwrap_or_default();
                panic!(
                    "{} exited ({status}) before listening on {addr}:\n{output}",
                    self.name
                );
            }
            if Instant::now() > deadline {
                let output = std::fs::read_to_string(log).unwrap_or_default();
                panic!(
                    "{} did not listen on {addr} within 20 s:\n{output}",
                    self.name
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

impl Drop for GroupChild {
    fn drop(&mut self) {
        let pid = self.child.id() as libc::pid_t;
        // SAFETY: kill(2) with a negative pid signals the process group we created; no memory
        // is shared with the callee.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

/// A free TCP port on 127.0.0.1, chosen by the kernel.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("no free port on 127.0.0.1")
}
