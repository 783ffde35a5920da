//! The dialog's reactive state, shared through context. Components read it and call the
//! intents in [`super::controller`]; all decisions come from `form` and `client`.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::client::{ClientError, CloneProgress};
use crate::form::{Draft, Field, Problem, ProblemKey, Problems};
use crate::i18n::{Lang, Text};
use crate::zstack::{
    CloneIntent, GpuSpecInventory, ImageInventory, ModelServiceInventory, TagInventory,
};

/// Where the dialog is; rendered as `data-phase` on the dialog root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Loading,
    /// No session (or it expired): the login form.
    Login,
    /// No source to clone: a full message instead of the form.
    Unavailable,
    Editing,
    Submitting,
    Polling,
    Done,
    Failed,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Loading => "loading",
            Phase::Login => "login",
            Phase::Unavailable => "unavailable",
            Phase::Editing => "editing",
            Phase::Submitting => "submitting",
            Phase::Polling => "polling",
            Phase::Done => "done",
            Phase::Failed => "failed",
        }
    }

    /// Whether the form is shown (possibly read-only while the clone runs).
    pub fn shows_form(self) -> bool {
        matches!(
            self,
            Phase::Editing | Phase::Submitting | Phase::Polling | Phase::Failed
        )
    }

    /// Whether a submit may start a clone now.
    pub fn accepts_submit(self) -> bool {
        matches!(self, Phase::Editing | Phase::Failed)
    }
}

/// Why there is no form.
#[derive(Clone, Debug, PartialEq)]
pub enum Unavailable {
    Text(Text),
    /// Loading failed with this error (retry possible).
    Error(ClientError),
}

/// What a picker offers, loaded once per dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Choices<T> {
    NotLoaded,
    Loading,
    Ready(Vec<T>),
    /// Could not be loaded: the form falls back to typing the values.
    Failed,
}

impl<T> Choices<T> {
    /// Whether a load should start: never tried, or failed before.
    pub fn wanted(&self) -> bool {
        matches!(self, Choices::NotLoaded | Choices::Failed)
    }

    pub fn is_failed(&self) -> bool {
        matches!(self, Choices::Failed)
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Choices::NotLoaded | Choices::Loading)
    }

    /// The loaded choices (none while loading or after a failure).
    pub fn ready(&self) -> &[T] {
        match self {
            Choices::Ready(items) => items,
            _ => &[],
        }
    }
}

/// Everything the dialog shows, as signals (all `Copy`).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub phase: RwSignal<Phase>,
    pub api_base: StoredValue<String>,
    pub source_uuid: StoredValue<Option<String>>,
    pub session: RwSignal<Option<String>>,
    pub source: RwSignal<Option<ModelServiceInventory>>,
    pub draft: RwSignal<Draft>,
    /// The source mirrored as a draft: the baseline of validation and "what will change",
    /// computed once per source instead of on every keystroke.
    pub baseline: Memo<Option<Draft>>,
    pub problems: Memo<Problems>,
    /// Keys whose problems are shown (left once, or all after a submit).
    pub touched: RwSignal<BTreeSet<ProblemKey>>,
    pub submitted: RwSignal<bool>,
    /// Bumped when the problem summary should take focus.
    pub summary_focus: RwSignal<u32>,
    pub intent: RwSignal<Option<CloneIntent>>,
    /// A clone to resume once logged in again.
    pub resume_clone: RwSignal<bool>,
    pub login_error: RwSignal<Option<ClientError>>,
    pub progress: RwSignal<Option<CloneProgress>>,
    pub result: RwSignal<Option<ModelServiceInventory>>,
    pub error: RwSignal<Option<ClientError>>,
    pub unavailable: RwSignal<Option<Unavailable>>,
    pub restored: RwSignal<bool>,
    /// The name another service was found to have (the live uniqueness hint: a warning, since
    /// ZStack allows duplicate names).
    pub name_taken: RwSignal<Option<String>>,
    /// Tag patterns, for the `tagUuids` picker.
    pub tags: RwSignal<Choices<TagInventory>>,
    /// GPU specs, for the `vendorToSpecUuidsMap` picker.
    pub gpu_specs: RwSignal<Choices<GpuSpecInventory>>,
    /// Images per lower-case architecture, for the rows' pickers.
    pub images: RwSignal<std::collections::BTreeMap<String, Vec<ImageInventory>>>,
    pub closed: RwSignal<bool>,
}

impl Ctx {
    pub fn new(lang: Lang, api_base: String, source_uuid: Option<String>) -> Ctx {
        let source = RwSignal::new(None::<ModelServiceInventory>);
        let draft = RwSignal::new(Draft::default());
        let baseline = Memo::new(move |_| source.with(|s| s.as_ref().map(Draft::mirror)));
        let problems = Memo::new(move |_| {
            baseline.with(|base| match base {
                Some(base) => draft.with(|d| d.validate_from(base)),
                None => Problems::default(),
            })
        });
        Ctx {
            lang: RwSignal::new(lang),
            phase: RwSignal::new(Phase::Loading),
            api_base: StoredValue::new(api_base),
            source_uuid: StoredValue::new(source_uuid),
            session: RwSignal::new(None),
            source,
            draft,
            baseline,
            problems,
            touched: RwSignal::new(BTreeSet::new()),
            submitted: RwSignal::new(false),
            summary_focus: RwSignal::new(0),
            intent: RwSignal::new(None),
            resume_clone: RwSignal::new(false),
            login_error: RwSignal::new(None),
            progress: RwSignal::new(None),
            result: RwSignal::new(None),
            error: RwSignal::new(None),
            unavailable: RwSignal::new(None),
            restored: RwSignal::new(false),
            name_taken: RwSignal::new(None),
            tags: RwSignal::new(Choices::NotLoaded),
            gpu_specs: RwSignal::new(Choices::NotLoaded),
            images: RwSignal::new(Default::default()),
            closed: RwSignal::new(false),
        }
    }

    pub fn text(&self, text: Text) -> &'static str {
        crate::i18n::t(self.lang.get(), text)
    }

    /// A text in the current language as a reactive view or attribute: `{ctx.tr(Text::Clone)}`.
    /// Every text of the dialog shares this one closure type; a `move || ctx.text(..)` written
    /// out at each place would compile the renderer's reactive code once per place.
    pub fn tr(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.text(text)
    }

    /// Marks a key as left by the user: its problem is shown from now on.
    pub fn touch(&self, key: ProblemKey) {
        if !self.touched.with_untracked(|t| t.contains(&key)) {
            self.touched.update(|t| {
                t.insert(key);
            });
        }
    }

    /// The problem of `key` if it is to be shown now.
    pub fn shown_problem(&self, key: ProblemKey) -> Option<Problem> {
        let visible = self.submitted.get() || self.touched.with(|t| t.contains(&key));
        if !visible {
            return None;
        }
        self.problems.with(|p| p.get(key).cloned())
    }

    /// A field's shown problem.
    pub fn field_problem(&self, field: Field) -> Option<Problem> {
        self.shown_problem(ProblemKey::Field(field))
    }

    /// Whether the draft differs from a fresh pre-fill (the unsaved-changes guard).
    pub fn is_dirty(&self) -> bool {
        self.source.with_untracked(|s| match s {
            Some(s) => self
                .draft
                .with_untracked(|d| d.diff(s) != Draft::from_inventory(s).diff(s)),
            None => false,
        })
    }
}

/// The id of a control named `name` (ids and names correspond one to one).
pub fn control_id(name: &str) -> String {
    format!("cms-{}", name.replace('.', "-"))
}

/// The id of the error message of a control named `name`.
pub fn error_id(name: &str) -> String {
    format!("cms-err-{}", name.replace('.', "-"))
}
