//! The problem summary shown on a submit while the draft is invalid: one link per problem,
//! moving focus to its control. It takes focus itself (and is announced) on each such submit.

use leptos::html;
use leptos::prelude::*;

use super::dialog::dom;
use super::dialog::state::DialogState;
use crate::form::{ProblemKey, RowField};
use crate::i18n::{field_label, problem_message, Text};

#[component]
pub fn ProblemSummary() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let root = NodeRef::<html::Div>::new();
    // Not on the first run (the form appearing), only when a submit found problems.
    Effect::new(move |previous: Option<()>| {
        ctx.focus_summary.track();
        if previous.is_some() {
            request_animation_frame(move || {
                if let Some(el) = root.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    let items = move || {
        let lang = ctx.lang.get();
        let problems = ctx.problems.get();
        ctx.draft.with(|d| {
            problems
                .iter()
                .filter_map(|(key, problem)| {
                    let name = d.control_name(*key)?;
                    let label = match key {
                        ProblemKey::Field(f) => field_label(lang, *f).to_owned(),
                        ProblemKey::Row { row, field } => {
                            let what = match field {
                                RowField::CpuArchitecture => Text::Architecture,
                                RowField::VmImageUuid => Text::VmImage,
                                RowField::DockerImage => Text::DockerImage,
                            };
                            format!(
                                "{} {}: {}",
                                ctx.text(Text::RowLabel),
                                d.architecture_rows.position(*row).unwrap_or(0) + 1,
                                ctx.text(what)
                            )
                        }
                    };
                    Some((name, label, problem_message(lang, problem)))
                })
                .collect::<Vec<_>>()
        })
    };
    let visible = move || ctx.submitted.get() && !ctx.problems.with(|p| p.is_empty());
    view! {
        <div class="cms-summary" role="alert" tabindex="-1" node_ref=root hidden=move || !visible()>
            <Show when=visible>
                <p class="cms-summary__title">{ctx.tr(Text::SummaryTitle)}</p>
                <ul>
                    {move || {
                        items()
                            .into_iter()
                            .map(|(name, label, message)| {
                                let target = name.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{}", super::dialog::state::control_id(&name))
                                            data-problem=name
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                dom::focus_control(&target);
                                            }
                                        >
                                            {label}
                                        </a>
                                        ": "
                                        {message}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}
