//! The views that the first interaction does not need: the release build (feature `split`,
//! scripts/build.sh) moves each group's code into a wasm file of its own, fetched the first time
//! one of its views is shown or when [`expect_soon`] says it will be. Builds without the feature
//! (trunk serve, the component tests) keep one wasm: every part is there at once.
//!
//! Only views move. What a view starts (log in, a clone, a query) runs in the dialog's flow,
//! which stays in the first wasm: a part that cannot be fetched never loses or repeats a step.

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

part!(/// The login form (with the password digest it sends).
    login: login_form => super::login_form::LoginForm);
part!(/// The standalone source list.
    source_list: source_list => super::source_list::SourceList);
part!(/// Who is signed in, and Log out.
    account: account_menu => super::account_menu::AccountMenu);
part!(/// The tag picker: its choices are queried after the form is shown.
    pickers: tag_picker => super::tag_picker::TagPicker);
part!(/// The GPU vendor rows and their spec pickers.
    pickers: vendor_picker => super::vendor_picker::VendorPicker);
part!(/// What will change, and the request preview in four formats.
    changes: changes_view => super::changes_view::ChangesView);
part!(/// The clone being sent and followed.
    outcome: job_progress => super::job_progress::JobProgress);
part!(/// The cloned service.
    outcome: clone_result => super::clone_result::CloneResult);
part!(/// ZStack refused the clone, or its job failed.
    outcome: error_panel => super::error_panel::ErrorPanel);
part!(/// The clone's outcome is not known yet.
    outcome: unknown_panel => super::unknown_panel::UnknownPanel);
part!(/// No source to clone.
    outcome: unavailable_view => super::unavailable_view::UnavailableView);

/// Fetches, in the background, the parts the user may need next, so that they never wait for
/// them: called once the form is interactive. A part that fails here is fetched again when it
/// is shown.
pub fn expect_soon(standalone: bool) {
    // Without the feature every part is there already.
    if cfg!(feature = "split") {
        spawn_local(async move {
            let _ = job_progress().await;
            if standalone {
                let _ = source_list().await;
            }
            let _ = login_form().await;
        });
    }
}
