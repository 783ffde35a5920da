//! Test doubles: a transport that answers from a script and a clock whose time only moves when
//! someone sleeps. Native tests drive the client's whole logic with them; nothing waits.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::transport::{Clock, HttpRequest, HttpResponse, Transport, TransportError};

/// One scripted answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptStep {
    Reply {
        status: u16,
        body: String,
    },
    Fail(String),
    /// Never answers (until the future is dropped, which is recorded as an abort).
    Hang,
}

impl ScriptStep {
    pub fn reply(status: u16, body: &str) -> ScriptStep {
        ScriptStep::Reply {
            status,
            body: body.to_owned(),
        }
    }
}

/// Answers requests with the next step of its script and records every request.
#[derive(Clone, Default)]
pub struct ScriptedTransport {
    steps: Rc<RefCell<VecDeque<ScriptStep>>>,
    log: Rc<RefCell<Vec<HttpRequest>>>,
    aborted: Rc<Cell<u32>>,
}

impl ScriptedTransport {
    pub fn new(steps: impl IntoIterator<Item = ScriptStep>) -> ScriptedTransport {
        ScriptedTransport {
            steps: Rc::new(RefCell::new(steps.into_iter().collect())),
            ..ScriptedTransport::default()
        }
    }

    pub fn push(&self, step: ScriptStep) {
        self.steps.borrow_mut().push_back(step);
    }

    /// Every request sent so far.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.log.borrow().clone()
    }

    /// Steps not used yet.
    pub fn remaining(&self) -> usize {
        self.steps.borrow().len()
    }

    /// How many requests were dropped before they answered.
    pub fn aborted(&self) -> u32 {
        self.aborted.get()
    }
}

struct AbortRecorder {
    aborted: Rc<Cell<u32>>,
    done: bool,
}

impl Drop for AbortRecorder {
    fn drop(&mut self) {
        if !self.done {
            self.aborted.set(self.aborted.get() + 1);
        }
    }
}

impl Transport for ScriptedTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.log.borrow_mut().push(request);
        let step = self
            .steps
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| ScriptStep::Fail("script exhausted".into()));
        let mut recorder = AbortRecorder {
            aborted: self.aborted.clone(),
            done: false,
        };
        let out = match step {
            ScriptStep::Reply { status, body } => Ok(HttpResponse { status, body }),
            ScriptStep::Fail(e) => Err(TransportError::Network(e)),
            ScriptStep::Hang => futures::future::pending().await,
        };
        recorder.done = true;
        out
    }
}

/// A clock that starts at 0 and advances only by the sleeps asked of it.
#[derive(Clone, Default)]
pub struct VirtualClock {
    now: Rc<Cell<f64>>,
    sleeps: Rc<RefCell<Vec<u32>>>,
}

impl VirtualClock {
    pub fn new() -> VirtualClock {
        VirtualClock::default()
    }

    /// Every sleep asked for, in order.
    pub fn sleeps(&self) -> Vec<u32> {
        self.sleeps.borrow().clone()
    }

    pub fn advance(&self, ms: f64) {
        self.now.set(self.now.get() + ms);
    }
}

impl Clock for VirtualClock {
    fn now_ms(&self) -> f64 {
        self.now.get()
    }

    async fn sleep(&self, ms: u32) {
        self.sleeps.borrow_mut().push(ms);
        self.advance(f64::from(ms));
    }
}
