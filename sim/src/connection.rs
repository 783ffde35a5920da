//! The handle that drops one TCP connection without answering: created by the server for each
//! connection, put in every request's extensions, used by the fault middleware (`dropBefore`,
//! `dropAfter`). It depends on nothing else in the crate, so the server and the routes both
//! depend on it and not on each other.

use std::sync::Arc;

use tokio::sync::Notify;

/// Closes the TCP connection of the request it was found in (the server stops serving it and
/// drops the socket, so the client sees the connection close without an HTTP answer).
#[derive(Clone, Debug, Default)]
pub struct ConnectionKiller(Arc<Notify>);

impl ConnectionKiller {
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the server to drop the connection.
    pub fn kill(&self) {
        self.0.notify_one();
    }

    /// Resolves once [`ConnectionKiller::kill`] was called on this handle or a clone of it
    /// (also when it was called before this future was first polled).
    pub async fn killed(&self) {
        self.0.notified().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_kill_before_waiting_is_not_lost() {
        let killer = ConnectionKiller::new();
        let clone = killer.clone();
        clone.kill();
        tokio::time::timeout(std::time::Duration::from_secs(5), killer.killed())
            .await
            .expect("killed() resolves after an earlier kill()");
    }
}
