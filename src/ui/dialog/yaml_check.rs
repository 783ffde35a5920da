//! The sliced syntax check of a long YAML: between keystrokes, a few milliseconds at a time,
//! so typing never waits for a parse (a 1 MB YAML takes ~200 ms). Until its verdict is in,
//! the YAML's problem is "checking" (`form::check_yaml`), so nothing is sent before.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::DialogState;
use crate::client::Clock;
use crate::form::{record_yaml_verdict, yaml_check_pending, YamlCheck};

/// How long one slice parses before the browser gets the main thread back (ms): a keystroke
/// arriving during a slice waits at most this long.
const SLICE_MS: f64 = 4.0;
/// Events parsed between looks at the clock (a few hundred microseconds of work).
const EVENTS_PER_LOOK: usize = 200;

/// Starts a check whenever the draft's YAML waits for one, and drops a running check whose
/// text is no longer the draft's.
pub fn check_long_yaml(ctx: DialogState) {
    let generation = StoredValue::new(0u64);
    let checking = StoredValue::new_local(None::<Rc<str>>);
    Effect::new(move |_| {
        // `Some(next)`: what should be checked now differs from what is (`None`: nothing).
        let change = ctx.draft.with(|d| {
            let pending = yaml_check_pending(&d.yaml);
            let running = checking.with_value(|c| c.as_deref() == Some(d.yaml.as_str()));
            let idle = checking.with_value(Option::is_none);
            match (pending, running) {
                (true, true) => None,
                (true, false) => Some(Some(Rc::<str>::from(d.yaml.as_str()))),
                (false, _) => (!idle).then_some(None),
            }
        });
        let Some(next) = change else {
            return;
        };
        generation.update_value(|g| *g += 1);
        checking.set_value(next.clone());
        if let Some(text) = next {
            spawn_local(run(ctx, generation, generation.get_value(), checking, text));
        }
    });
}

async fn run(
    ctx: DialogState,
    generation: StoredValue<u64>,
    mine: u64,
    checking: StoredValue<Option<Rc<str>>, LocalStorage>,
    text: Rc<str>,
) {
    let clock = ctx.services.with_value(|s| s.connection.clock.clone());
    let mut check = YamlCheck::new(&text);
    loop {
        let started = clock.now_ms();
        let verdict = loop {
            if let Some(verdict) = check.step(EVENTS_PER_LOOK) {
                break Some(verdict);
            }
            if clock.now_ms() - started >= SLICE_MS {
                break None;
            }
        };
        if let Some(verdict) = verdict {
            record_yaml_verdict(text.to_string(), verdict);
            checking.set_value(None);
            ctx.yaml_checked.notify();
            return;
        }
        clock.sleep(0).await;
        if generation.try_get_value() != Some(mine) {
            return;
        }
    }
}
