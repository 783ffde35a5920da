//! Login sessions with a lifetime.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use crate::date::format_zstack_date;
use crate::ids::new_uuid;
use crate::inventory::SessionInventory;

struct Session {
    account_uuid: String,
    created: SystemTime,
    expires: SystemTime,
}

pub struct SessionBook {
    ttl: Duration,
    sessions: HashMap<String, Session>,
}

impl SessionBook {
    pub fn new(ttl: Duration) -> Self {
        SessionBook {
            ttl,
            sessions: HashMap::new(),
        }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Opens a session for an account and returns its inventory.
    pub fn open(&mut self, account_uuid: &str) -> SessionInventory {
        let uuid = new_uuid();
        let created = SystemTime::now();
        let session = Session {
            account_uuid: account_uuid.to_string(),
            created,
            expires: created + self.ttl,
        };
        let inventory = inventory_of(&uuid, &session);
        self.sessions.insert(uuid, session);
        inventory
    }

    /// Whether the session exists and has not expired.
    pub fn is_valid(&self, uuid: &str) -> bool {
        self.sessions
            .get(uuid)
            .is_some_and(|s| SystemTime::now() < s.expires)
    }

    /// The account a valid session belongs to.
    pub fn account_of(&self, uuid: &str) -> Option<&str> {
        self.sessions
            .get(uuid)
            .filter(|s| SystemTime::now() < s.expires)
            .map(|s| s.account_uuid.as_str())
    }

    /// Logs out; true if the session existed.
    pub fn close(&mut self, uuid: &str) -> bool {
        self.sessions.remove(uuid).is_some()
    }

    /// Expires every session now; returns how many were still valid.
    pub fn expire_all(&mut self) -> usize {
        let now = SystemTime::now();
        let mut expired = 0;
        for session in self.sessions.values_mut() {
            if now < session.expires {
                expired += 1;
            }
            session.expires = now;
        }
        expired
    }

    pub fn valid_count(&self) -> usize {
        let now = SystemTime::now();
        self.sessions.values().filter(|s| now < s.expires).count()
    }
}

fn inventory_of(uuid: &str, session: &Session) -> SessionInventory {
    SessionInventory {
        uuid: uuid.to_string(),
        account_uuid: session.account_uuid.clone(),
        user_uuid: session.account_uuid.clone(),
        user_type: "Account".to_string(),
        expired_date: format_zstack_date(session.expires),
        create_date: format_zstack_date(session.created),
    }
}
