//! The simulator's mutable world: resources, sessions, jobs, faults and the request log, behind
//! one mutex (never held across an await).

mod jobs;
mod sessions;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;

use crate::faults::FaultBook;
use crate::inventory::{
    ImageInventory, ModelCenterInventory, ModelServiceInventory, PciDeviceSpecInventory,
    TagInventory,
};
use crate::quirks::Quirks;
use crate::request_log::RequestLog;
use crate::seed::{Seed, SeedAccount};

pub use jobs::{JobBook, JobState};
pub use sessions::SessionBook;

/// Fixed settings of one running simulator.
#[derive(Clone, Debug)]
pub struct Settings {
    pub listen: SocketAddr,
    pub control: bool,
    pub job_ms: u64,
    pub session_ttl: Duration,
    pub job_retention: Duration,
    /// The quirks at start-up (and after a reset).
    pub quirks: Quirks,
}

/// What the handlers share.
pub struct Shared {
    pub settings: Settings,
    world: Mutex<World>,
}

impl Shared {
    pub fn new(settings: Settings, seed: Seed) -> Self {
        Shared {
            world: Mutex::new(World::from_seed(
                seed,
                settings.session_ttl,
                settings.job_retention,
                settings.quirks.clone(),
            )),
            settings,
        }
    }

    pub fn world(&self) -> MutexGuard<'_, World> {
        self.world
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// System and user tags given with a clone, kept per resource.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceTags {
    pub system_tags: Vec<String>,
    pub user_tags: Vec<String>,
}

pub struct World {
    seed: Seed,
    /// Bumped on reset, so jobs started before a reset do not write into the new world.
    pub generation: u64,
    pub accounts: Vec<SeedAccount>,
    pub model_services: Vec<ModelServiceInventory>,
    pub images: Vec<ImageInventory>,
    pub tags: Vec<TagInventory>,
    pub pci_device_specs: Vec<PciDeviceSpecInventory>,
    pub model_centers: Vec<ModelCenterInventory>,
    /// Tag pattern uuids attached to a resource by a clone's `tagUuids`.
    pub tag_attachments: BTreeMap<String, Vec<String>>,
    pub resource_tags: BTreeMap<String, ResourceTags>,
    pub clone_count: u64,
    pub sessions: SessionBook,
    pub jobs: JobBook,
    pub faults: FaultBook,
    pub log: RequestLog,
    /// The quirks on now.
    pub quirks: Quirks,
    startup_quirks: Quirks,
}

impl World {
    fn from_seed(
        seed: Seed,
        session_ttl: Duration,
        job_retention: Duration,
        quirks: Quirks,
    ) -> Self {
        World {
            generation: 0,
            accounts: seed.accounts.clone(),
            model_services: seed.model_services.clone(),
            images: seed.images.clone(),
            tags: seed.tags.clone(),
            pci_device_specs: seed.pci_device_specs.clone(),
            model_centers: seed.model_centers.clone(),
            tag_attachments: BTreeMap::new(),
            resource_tags: BTreeMap::new(),
            clone_count: 0,
            sessions: SessionBook::new(session_ttl),
            jobs: JobBook::new(job_retention),
            faults: FaultBook::default(),
            log: RequestLog::default(),
            startup_quirks: quirks.clone(),
            quirks,
            seed,
        }
    }

    /// Back to the seed: resources, no sessions, no jobs, no faults, empty request log, the
    /// start-up quirks.
    pub fn reset(&mut self) {
        let generation = self.generation + 1;
        let seed = std::mem::take(&mut self.seed);
        *self = World::from_seed(
            seed,
            self.sessions.ttl(),
            self.jobs.retention(),
            self.startup_quirks.clone(),
        );
        self.generation = generation;
    }

    /// Whether any resource already has this uuid.
    pub fn uuid_in_use(&self, uuid: &str) -> bool {
        self.model_services.iter().any(|s| s.uuid == uuid)
            || self
                .model_services
                .iter()
                .flat_map(|s| s.model_service_images.iter())
                .any(|i| i.uuid == uuid)
            || self.images.iter().any(|i| i.uuid == uuid)
            || self.tags.iter().any(|t| t.uuid == uuid)
            || self.pci_device_specs.iter().any(|g| g.uuid == uuid)
            || self.model_centers.iter().any(|m| m.uuid == uuid)
            || self.accounts.iter().any(|a| a.uuid == uuid)
    }
}
