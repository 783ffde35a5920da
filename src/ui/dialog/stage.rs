//! Where the dialog is, with the data that is true there: one value instead of loose signals
//! that must agree. Rendered as `data-phase` on the dialog root (see [`Phase`]).

use crate::client::{ClientError, CloneIntent, ClonePhase, CloneProgress};
use crate::i18n::Text;
use crate::zstack::ModelServiceInventory;

/// The dialog's stage.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// Framed by a portal that has not said which source to open yet.
    Waiting,
    /// Standalone without a source: the account's model services to choose one from.
    Choosing,
    /// Loading the source.
    Loading,
    /// No session, or it expired: the login form; what happens once logged in.
    Login(AfterLogin),
    /// No source to clone: a full message instead of the form.
    Unavailable(Unavailable),
    /// The form, editable; with the error of the last clone that did not happen, if any.
    Editing(Option<ClientError>),
    /// The intent is being sent or its job followed; the form is read-only.
    Cloning(CloneIntent),
    /// Nobody knows yet whether the intent was executed: the form stays read-only and the
    /// primary action is "Check again" (the same intent, sent again).
    Unknown(CloneIntent, ClientError),
    /// The clone exists.
    Done(ModelServiceInventory),
}

/// What a login leads to.
#[derive(Clone, Debug, PartialEq)]
pub enum AfterLogin {
    /// Show the list of sources to choose from.
    Choose,
    /// Load the source (there was no session yet).
    Load,
    /// Back to the form as it was.
    Edit,
    /// Ask again about this intent (same job uuid): its outcome is unknown.
    Check(CloneIntent),
    /// ZStack refused this intent's job for its session: send the request again under a new
    /// job uuid (same `resourceUuid`).
    Resend(CloneIntent),
}

/// Why there is no form.
#[derive(Clone, Debug, PartialEq)]
pub enum Unavailable {
    Text(Text),
    /// Loading failed with this error (retry possible).
    Error(ClientError),
}

/// The stage as tests and hosts see it: `data-phase`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Waiting,
    Choosing,
    Loading,
    Login,
    Unavailable,
    Editing,
    Submitting,
    Polling,
    Unknown,
    Done,
    Failed,
}

impl Phase {
    pub const ALL: [Phase; 11] = [
        Phase::Waiting,
        Phase::Choosing,
        Phase::Loading,
        Phase::Login,
        Phase::Unavailable,
        Phase::Editing,
        Phase::Submitting,
        Phase::Polling,
        Phase::Unknown,
        Phase::Done,
        Phase::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Waiting => "waiting",
            Phase::Choosing => "choosing",
            Phase::Loading => "loading",
            Phase::Login => "login",
            Phase::Unavailable => "unavailable",
            Phase::Editing => "editing",
            Phase::Submitting => "submitting",
            Phase::Polling => "polling",
            Phase::Unknown => "unknown",
            Phase::Done => "done",
            Phase::Failed => "failed",
        }
    }
}

impl Stage {
    /// The phase, given the clone's latest progress (sending, or following its job).
    pub fn phase(&self, progress: Option<&CloneProgress>) -> Phase {
        match self {
            Stage::Waiting => Phase::Waiting,
            Stage::Choosing => Phase::Choosing,
            Stage::Loading => Phase::Loading,
            Stage::Login(_) => Phase::Login,
            Stage::Unavailable(_) => Phase::Unavailable,
            Stage::Editing(None) => Phase::Editing,
            Stage::Editing(Some(_)) => Phase::Failed,
            Stage::Cloning(_) => match progress.map(|p| p.phase) {
                None | Some(ClonePhase::Posting) => Phase::Submitting,
                Some(_) => Phase::Polling,
            },
            Stage::Unknown(..) => Phase::Unknown,
            Stage::Done(_) => Phase::Done,
        }
    }

    /// Whether the form is shown (read-only unless [`Stage::is_editable`]).
    pub fn shows_form(&self) -> bool {
        matches!(
            self,
            Stage::Editing(_) | Stage::Cloning(_) | Stage::Unknown(..)
        )
    }

    /// Whether the user may change the draft and submit it.
    pub fn is_editable(&self) -> bool {
        matches!(self, Stage::Editing(_))
    }

    /// The intent in flight (sent, being followed, of unknown outcome, or waiting for a login).
    pub fn intent(&self) -> Option<&CloneIntent> {
        match self {
            Stage::Cloning(intent)
            | Stage::Unknown(intent, _)
            | Stage::Login(AfterLogin::Check(intent) | AfterLogin::Resend(intent)) => Some(intent),
            _ => None,
        }
    }

    /// The error shown with the form: the last clone that did not happen, or why the
    /// outcome is unknown.
    pub fn error(&self) -> Option<&ClientError> {
        match self {
            Stage::Editing(error) => error.as_ref(),
            Stage::Unknown(_, error) => Some(error),
            _ => None,
        }
    }

    pub fn result(&self) -> Option<&ModelServiceInventory> {
        match self {
            Stage::Done(inventory) => Some(inventory),
            _ => None,
        }
    }
}
