//! Entity chips, grouped by type and sorted by salience, with the type toggles.

use super::state::{label_name, AppState, Group, Selection};
use crate::engine::model::Entity;
use leptos::prelude::*;

/// Chips shown per group before "Show all".
const CHIPS_SHOWN: usize = 40;

/// Entity chips by group; a chip selects the entity and scrolls to its first mention.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Groups whose full list is open (bits as in `Group::bit`).
    let expanded = RwSignal::new(0u8);
    let groups = move || {
        let r = state.result.get()?;
        let hidden = state.hidden.get();
        let views = Group::ALL
            .iter()
            .filter(|g| hidden & g.bit() == 0)
            .filter_map(|&g| {
                let mut list: Vec<&Entity> = r
                    .analysis
                    .entities
                    .iter()
                    .filter(|e| Group::of(e.label) == g)
                    .collect();
                if list.is_empty() {
                    return None;
                }
                crate::engine::sort::sort_by_u64_key(&mut list, |e| {
                    u64::from(!crate::engine::sort::order_bits(e.salience))
                });
                let total = list.len();
                let open = expanded.get() & g.bit() != 0;
                let chips = list
                    .iter()
                    .take(if open { usize::MAX } else { CHIPS_SHOWN })
                    .map(|e| chip(state, e))
                    .collect_view();
                let more = (total > CHIPS_SHOWN).then(|| {
                    view! {
                        <button
                            type="button"
                            class="link"
                            on:click=move |_| expanded.update(|x| *x ^= g.bit())
                        >
                            {if open { "Show fewer".to_string() } else { format!("Show all {total}") }}
                        </button>
                    }
                });
                Some(view! {
                    <div class=format!("group {}", g.css())>
                        <h3>{g.title()} <span class="count">{format!(" ({total})")}</span></h3>
                        <ul class="chips">{chips}</ul>
                        {more}
                    </div>
                })
            })
            .collect::<Vec<_>>();
        Some(if views.is_empty() {
            view! { <p class="hint">"No entities to show."</p> }.into_any()
        } else {
            views.into_any()
        })
    };
    view! {
        <section class="panel" aria-labelledby="entities-h">
            <h2 id="entities-h">"Entities"</h2>
            <TypeToggles />
            <div id="entities">{groups}</div>
        </section>
    }
}

fn chip(state: AppState, e: &Entity) -> impl IntoView {
    let id = e.id.clone();
    let g = Group::of(e.label);
    let n = e.mentions.len();
    let is_sel = {
        let id = id.clone();
        move || {
            state
                .selection
                .with(|s| matches!(s, Selection::Entity(x) if *x == id))
        }
    };
    // The other forms the text uses, for the tooltip and screen readers.
    let mut forms: Vec<&str> = e
        .mentions
        .iter()
        .map(|m| m.text.as_str())
        .filter(|t| *t != e.name)
        .collect();
    forms.sort_unstable();
    forms.dedup();
    forms.truncate(8);
    let title = if forms.is_empty() {
        label_name(e.label).to_string()
    } else {
        format!("{} · also “{}”", label_name(e.label), forms.join("”, “"))
    };
    let click_id = id.clone();
    view! {
        <li>
            <button
                type="button"
                class=format!("chip {}", g.css())
                class:selected=is_sel.clone()
                aria-pressed=move || is_sel().to_string()
                data-chip=id
                title=title
                on:click=move |_| {
                    let sel = Selection::Entity(click_id.clone());
                    state.toggle_selection(sel);
                    if state.selection.get_untracked() != Selection::None {
                        super::scroll_into_view(&format!("#article [data-e=\"{click_id}\"]"), true);
                    }
                }
            >
                <abbr class="tag" title=label_name(e.label)>{e.label.as_str()}</abbr>
                <span class="name">{e.name.clone()}</span>
                {e.value.clone().filter(|v| *v != e.name).map(|v| view! { <span class="value">{v}</span> })}
                <span class="count">
                    {format!("×{n}")}
                    <span class="visually-hidden">{if n == 1 { " mention" } else { " mentions" }}</span>
                </span>
            </button>
        </li>
    }
}

/// One toggle per entity group: hides or shows its chips and its highlights in the article.
#[component]
pub fn TypeToggles() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="toggles" role="group" aria-label="Show entity types">
            {Group::ALL
                .iter()
                .map(|&g| {
                    let on = move || state.hidden.get() & g.bit() == 0;
                    view! {
                        <button
                            type="button"
                            class=format!("toggle {}", g.css())
                            data-group=g.css()
                            aria-pressed=move || on().to_string()
                            on:click=move |_| {
                                state.hidden.update(|h| *h ^= g.bit());
                                state.save_settings();
                            }
                        >
                            <span class="tick" aria-hidden="true">
                                {move || if on() { "✓" } else { "○" }}
                            </span>
                            {g.title()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
