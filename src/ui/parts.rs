//! The views that the first interaction does not need: the release build (feature `split`,
//! scripts/build.sh) moves each group's code into a wasm file of its own, fetched the first time
//! one of its views is shown or when [`expect_soon`] says it will be. Builds without the feature
//! (trunk serve, the component tests) keep one wasm: every part is there at once.
//!
//! The split points are views; code that only they reach goes with them (the login's password
//! digest, the pickers' queries, the thin steps behind "Check again" and "Forget…"). The clone's
//! flow, the client, persistence and the form are reached from the first wasm's own code and
//! stay in it: a part that cannot be fetched can leave an action unoffered until "Try again",
//! never lose or repeat a step.

use leptos::prelude::*;
use leptos::task::spawn_local;
pub use leptos::wasm_split::SplitLoaderError;

/// What a part's code hands back once it is there: its view's constructor.
pub type Render = fn() -> AnyView;

/// A split point: `$name()` loads group `$group`'s wasm (once) and hands back `$view`'s
/// constructor; without the feature it is simply there.
macro_rules! part {
    ($(#[$doc:meta])* $group:ident: $name:ident => $view:path) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($group, fallible, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name() -> Result<Render, SplitLoaderError> {
            Ok(|| $view().into_any())
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Result<Render, SplitLoaderError> {
            Ok(|| $view().into_any())
        }
    };
}

// Three groups, by when they are wanted: each group is one wasm file, and the code two groups
// share goes into a small file of its own that both fetch (fewer groups, fewer such files).

part!(/// The tag picker: its choices are queried when it is shown.
    with_form: tag_picker => super::tag_picker::TagPicker);
part!(/// The GPU vendor rows and their spec pickers.
    with_form: vendor_picker => super::vendor_picker::VendorPicker);
part!(/// What will change, and the request preview in four formats.
    with_form: changes_view => super::changes_view::ChangesView);
part!(/// Who is signed in, and Log out (the standalone page's header).
    after_load: account_menu => super::account_menu::AccountMenu);
part!(/// The clone being sent and followed.
    after_load: job_progress => super::job_progress::JobProgress);
part!(/// The cloned service.
    after_load: clone_result => super::clone_result::CloneResult);
part!(/// ZStack refused the clone, or its job failed.
    after_load: error_panel => super::error_panel::ErrorPanel);
part!(/// The clone's outcome is not known yet.
    after_load: unknown_panel => super::unknown_panel::UnknownPanel);
part!(/// No source to clone.
    after_load: unavailable_view => super::unavailable_view::UnavailableView);
part!(/// The login form (with the password digest it sends).
    first_screens: login_form => super::login_form::LoginForm);
part!(/// The standalone source list.
    first_screens: source_list => super::source_list::SourceList);

/// Fetches, in the background, the parts the user may need next, so that they never wait for
/// them: called once the form is interactive. A part that fails here is fetched again when it
/// is shown.
pub fn expect_soon() {
    // Without the feature every part is there already.
    if cfg!(feature = "split") {
        spawn_local(async move {
            let _ = job_progress().await;
            // The login (a session can expire) and, standalone, the list to choose another.
            let _ = login_form().await;
        });
    }
}
