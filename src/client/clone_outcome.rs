//! What the client knows about a clone once it stops following it.

use super::client_error::ClientError;
use crate::zstack::ModelServiceInventory;

/// The answer to "was this clone executed?", decided here from what ZStack answered (see
/// `docs/reliability.md`), never guessed by a view.
///
/// Once ZStack answered the POST with 202 or `400 Duplicate job uuid`, the clone may have
/// happened. From then on only two answers end the intent without a clone: the job's own
/// `503 {"error": ...}`, and a look-up by `resourceUuid` (with a valid session) that finds
/// nothing after ZStack said the job record expired. Before that, only a refusal of the POST
/// by ZStack itself (an ErrorCode, or the REST layer's plain-text 4xx) is one. Everything else
/// is [`CloneOutcome::Unknown`].
#[derive(Clone, Debug, PartialEq)]
pub enum CloneOutcome {
    /// The clone exists: the inventory ZStack returned or the one found by `resourceUuid`.
    Done(Box<ModelServiceInventory>),
    /// ZStack did not execute it (or executed and failed it): the intent may be dropped and
    /// the user may change the draft and clone again. A [`ClientError::SessionInvalid`] here
    /// is a job ZStack refused for its session: after a login the same request is sent under
    /// a new job uuid.
    NotExecuted(ClientError),
    /// It may or may not have happened: keep the intent and ask again with the same job uuid
    /// and body (the server's duplicate check answers, or the look-up finds the clone). A
    /// [`ClientError::SessionInvalid`] here means: log in, then ask again.
    Unknown(ClientError),
}

impl CloneOutcome {
    pub fn is_done(&self) -> bool {
        matches!(self, CloneOutcome::Done(_))
    }
}
