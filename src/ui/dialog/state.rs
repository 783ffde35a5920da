//! The dialog's reactive state, shared through context. Components read it and start the
//! flow's steps ([`super::flow`]); all decisions come from `form` and `client`.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::account::AccountState;
use super::stage::{Phase, Stage};
use crate::client::{AppClient, ClientConfig, ClientError, CloneProgress, Connection, SourcePage};
use crate::embed::{ListPosition, Store};
use crate::form::{Draft, Field, Problem, ProblemKey, Problems};
use crate::i18n::{Lang, Text};
use crate::zstack::{
    new_uuid, GpuSpecInventory, ImageInventory, ModelServiceInventory, TagInventory,
};

/// What the dialog talks to and keeps things in: handed in, so that the flow runs natively in
/// tests with a scripted transport and a memory store.
#[derive(Clone)]
pub struct Services {
    pub connection: Connection,
    pub store: Store,
}

impl Services {
    /// fetch, the browser's timers and the tab's sessionStorage.
    #[cfg(target_arch = "wasm32")]
    pub fn browser() -> Services {
        Services {
            connection: Connection::browser(),
            store: Store::session_storage(),
        }
    }

    /// Outside a browser there is nothing to talk to: every request fails at once.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn unreachable() -> Services {
        Services {
            connection: Connection::new(Unreachable, Unreachable),
            store: Store::new(crate::embed::MemoryStore::default()),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
struct Unreachable;

#[cfg(not(target_arch = "wasm32"))]
impl crate::client::Transport for Unreachable {
    async fn send(
        &self,
        _: crate::client::HttpRequest,
    ) -> Result<crate::client::HttpResponse, crate::client::TransportError> {
        Err(crate::client::TransportError::Network("no browser".into()))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl crate::client::Clock for Unreachable {
    fn now_ms(&self) -> f64 {
        0.0
    }

    async fn sleep(&self, _: u32) {}
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
pub struct DialogState {
    pub lang: RwSignal<Lang>,
    /// Where the dialog is, with its data.
    pub stage: RwSignal<Stage>,
    /// The latest progress of the clone being sent or followed.
    pub progress: RwSignal<Option<CloneProgress>>,
    /// `stage` and `progress` as `data-phase`.
    pub phase: Memo<Phase>,
    pub api_base: StoredValue<String>,
    pub source_uuid: StoredValue<Option<String>>,
    pub services: StoredValue<Services, LocalStorage>,
    pub session: RwSignal<Option<String>>,
    pub source: RwSignal<Option<ModelServiceInventory>>,
    pub draft: RwSignal<Draft>,
    /// The `resourceUuid` this draft's clone gets unless the user types one: made with the
    /// draft and kept with it until its clone is done, so no second clone can be made of it.
    pub draft_resource_uuid: RwSignal<String>,
    /// The `X-Job-UUID` the next clone of this draft is sent with (shown in the request
    /// preview, so a copied request and the dialog's own cannot both run): made with the
    /// draft, and again after ZStack ran a job of it that failed.
    pub next_job_uuid: RwSignal<String>,
    /// The source mirrored as a draft: the baseline of validation and "what will change",
    /// computed once per source instead of on every keystroke.
    pub baseline: Memo<Option<Draft>>,
    pub problems: Memo<Problems>,
    /// Notified when the sliced check of a long YAML recorded its verdict
    /// ([`super::yaml_check`]): `problems` then has it.
    pub yaml_checked: Trigger,
    /// Keys whose problems are shown (left once, or all after a submit).
    pub touched: RwSignal<BTreeSet<ProblemKey>>,
    pub submitted: RwSignal<bool>,
    /// Notified when the problem summary should take focus (a submit with problems).
    pub focus_summary: Trigger,
    /// The draft was restored from the tab's store.
    pub restored: RwSignal<bool>,
    /// The last write of the draft to the tab's store failed (a quiet notice).
    pub draft_not_kept: RwSignal<bool>,
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
    /// Notified when the user cancelled (the host hears of it; a host's own close does not).
    pub cancelled: Trigger,
    /// Whether the login form is offered (a host may keep sessions to itself).
    pub offer_login: StoredValue<bool>,
    /// Parameters a host pre-fills over the source (API names and types).
    pub prefill: StoredValue<serde_json::Map<String, serde_json::Value>>,
    /// Whose session it is, and logging out of it.
    pub account: AccountState,
    /// Whether the user may choose the source from a list (standalone, see [`super::listing`]).
    pub can_choose: StoredValue<bool>,
    /// The source list's search and page (mirrored in the address).
    pub list_position: RwSignal<ListPosition>,
    /// The page shown, or why there is none (`None`: not loaded yet).
    pub list: RwSignal<Option<Result<SourcePage, ClientError>>>,
    /// A page is being asked for.
    pub list_busy: RwSignal<bool>,
    /// Counts the list's queries: only the latest one's answer is shown.
    pub list_generation: StoredValue<u64>,
}

impl DialogState {
    pub fn new(
        lang: Lang,
        api_base: String,
        source_uuid: Option<String>,
        services: Services,
    ) -> DialogState {
        let source = RwSignal::new(None::<ModelServiceInventory>);
        let draft = RwSignal::new(Draft::default());
        let baseline = Memo::new(move |_| source.with(|s| s.as_ref().map(Draft::mirror)));
        let yaml_checked = Trigger::new();
        let problems = Memo::new(move |_| {
            yaml_checked.track();
            baseline.with(|base| match base {
                Some(base) => draft.with(|d| d.validate_from(base)),
                None => Problems::default(),
            })
        });
        let stage = RwSignal::new(Stage::Loading);
        let progress = RwSignal::new(None::<CloneProgress>);
        let phase = Memo::new(move |_| stage.with(|s| progress.with(|p| s.phase(p.as_ref()))));
        DialogState {
            lang: RwSignal::new(lang),
            stage,
            progress,
            phase,
            api_base: StoredValue::new(api_base),
            source_uuid: StoredValue::new(source_uuid),
            services: StoredValue::new_local(services),
            session: RwSignal::new(None),
            source,
            draft,
            draft_resource_uuid: RwSignal::new(new_uuid()),
            next_job_uuid: RwSignal::new(new_uuid()),
            baseline,
            problems,
            yaml_checked,
            touched: RwSignal::new(BTreeSet::new()),
            submitted: RwSignal::new(false),
            focus_summary: Trigger::new(),
            restored: RwSignal::new(false),
            draft_not_kept: RwSignal::new(false),
            name_taken: RwSignal::new(None),
            tags: RwSignal::new(Choices::NotLoaded),
            gpu_specs: RwSignal::new(Choices::NotLoaded),
            images: RwSignal::new(Default::default()),
            closed: RwSignal::new(false),
            cancelled: Trigger::new(),
            offer_login: StoredValue::new(true),
            prefill: StoredValue::new(serde_json::Map::new()),
            account: AccountState::new(),
            can_choose: StoredValue::new(false),
            list_position: RwSignal::new(ListPosition::default()),
            list: RwSignal::new(None),
            list_busy: RwSignal::new(false),
            list_generation: StoredValue::new(0),
        }
    }

    /// A client with the current session.
    pub fn client(&self) -> AppClient {
        let config = ClientConfig {
            api_base: self.api_base.get_value(),
            session: self.session.get_untracked(),
            ..ClientConfig::default()
        };
        self.services.with_value(|s| s.connection.client(config))
    }

    pub fn store(&self) -> Store {
        self.services.with_value(|s| s.store.clone())
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
