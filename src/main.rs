//! Browser entry point: mounts the app, nothing else.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(clone_model_service::ui::App);
}
