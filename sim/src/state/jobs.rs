//! Async API jobs (`/api-jobs/{uuid}`), kept for a retention time.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::error_code::ErrorCode;

#[derive(Clone, Debug)]
pub enum JobState {
    Running,
    Succeeded(Value),
    Failed(ErrorCode),
}

struct Job {
    created: Instant,
    state: JobState,
}

pub struct JobBook {
    retention: Duration,
    jobs: HashMap<String, Job>,
}

impl JobBook {
    pub fn new(retention: Duration) -> Self {
        JobBook {
            retention,
            jobs: HashMap::new(),
        }
    }

    pub fn retention(&self) -> Duration {
        self.retention
    }

    fn purge_expired(&mut self) {
        let retention = self.retention;
        self.jobs.retain(|_, job| job.created.elapsed() < retention);
    }

    /// Registers a running job; false if a live job already has this uuid.
    pub fn create(&mut self, uuid: &str) -> bool {
        self.purge_expired();
        if self.jobs.contains_key(uuid) {
            return false;
        }
        self.jobs.insert(
            uuid.to_string(),
            Job {
                created: Instant::now(),
                state: JobState::Running,
            },
        );
        true
    }

    /// Whether a live (retained) job has this uuid.
    pub fn contains(&mut self, uuid: &str) -> bool {
        self.purge_expired();
        self.jobs.contains_key(uuid)
    }

    /// Sets the outcome of a job that is still known.
    pub fn finish(&mut self, uuid: &str, state: JobState) {
        if let Some(job) = self.jobs.get_mut(uuid) {
            job.state = state;
        }
    }

    /// The state of a live job; None when unknown or expired.
    pub fn state(&mut self, uuid: &str) -> Option<JobState> {
        self.purge_expired();
        self.jobs.get(uuid).map(|job| job.state.clone())
    }

    /// (running, succeeded, failed)
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for job in self.jobs.values() {
            match job.state {
                JobState::Running => counts.0 += 1,
                JobState::Succeeded(_) => counts.1 += 1,
                JobState::Failed(_) => counts.2 += 1,
            }
        }
        counts
    }
}
