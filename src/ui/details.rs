//! The "why" panel: the evidence and confidence behind whatever is selected.

use super::quotes::kind_name;
use super::state::{label_name, AppState, Selection};
use crate::engine::model::{Analysis, MentionKind};
use leptos::prelude::*;

/// Mentions listed in the panel before "… and N more".
const MENTIONS_SHOWN: usize = 30;

/// What a rule name means, in a sentence.
pub fn rule_help(rule: &str) -> &'static str {
    let head = rule.split(':').next().unwrap_or(rule);
    match head {
        "QSV" => "Quote, then speaker, then verb: “…,” Smith said.",
        "QVS" => "Quote, then verb, then speaker: “…,” said Smith.",
        "SV" => "Speaker and verb before the quote: Smith said: “…”",
        "according-to" => "“According to” names the source.",
        "as-put-it" => "“As X put it” names the source.",
        "split" => "The second half of a quote split by its attribution gets the same speaker.",
        "colon" => "A speaker followed by a colon introduces the quote.",
        "paragraph" => "The only speaker with a speech verb in the same paragraph.",
        "continuation" => "Continues the previous paragraph's quote (no closing mark there).",
        "closest" => "Nearest plausible speaker — a guess, hence the low confidence.",
        "none" => "No speaker could be found.",
        "dash" => "A speaker named after a dash introduces the quote.",
        "transcript" => "A transcript line: the speaker's name, then what they said.",
        "indirect" => {
            "Reported speech without quote marks: a speaker, a speech verb, then “that …”."
        }
        "doc" => "The same name is tagged this way elsewhere in the document.",
        "titled" => "Follows a title such as President or Minister.",
        "model" => "Tagged by the statistical name model (word shape and context).",
        "gazetteer" => "Found in a list of known names.",
        "date" => "Matched a date pattern.",
        "time" => "Matched a time pattern.",
        "money" => "Matched an amount of money.",
        "percent" => "Matched a percentage.",
        "coref" => "Refers back to an earlier mention (same name, a pronoun or a description).",
        "alias" => "A shorter form of a name used earlier.",
        "title" | "honorific" => "Preceded by a title or honorific (Mr, President, …).",
        "label" => "A short quote after a verb that labels or characterises: called him “…”.",
        "conversation" => "The speaker of the previous paragraph, as in a back-and-forth.",
        "cue" => "A word next to the name tells its type (a title, “Party”, “Hurricane”, …).",
        "lexicon" => "Found in a list of known names.",
        "rule" => "A rule about the name's form or place (a dateline, a byline, a title).",
        _ => "",
    }
}

fn pct(x: f32) -> String {
    format!("{}%", crate::pretty::fixed(f64::from(x * 100.0), 0))
}

fn mention_kind(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Name => "name",
        MentionKind::Nominal => "description",
        MentionKind::Pronoun => "pronoun",
    }
}

/// The "why" view of the current selection.
#[component]
pub fn DetailsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let sel = state.selection.get();
        let r = state.result.get();
        let view = r.and_then(|r| explain(state, &r.analysis, &sel));
        view.unwrap_or_else(|| {
            view! {
                <p class="hint">
                    "Select an entity chip, a quote or a highlighted word to see why the analyzer found it and how sure it is."
                </p>
            }
            .into_any()
        })
    };
    view! {
        <section id="details" class="panel details" aria-labelledby="details-h" aria-live="polite">
            <h2 id="details-h">"Why?"</h2>
            {body}
        </section>
    }
}

fn explain(state: AppState, a: &Analysis, sel: &Selection) -> Option<AnyView> {
    match sel {
        Selection::None => None,
        Selection::Entity(id) => {
            let e = a.entities.iter().find(|e| e.id == *id)?;
            let quotes = a
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().and_then(|s| s.entity.as_deref()) == Some(id))
                .count();
            let rows = e
                .mentions
                .iter()
                .take(MENTIONS_SHOWN)
                .map(|m| {
                    view! {
                        <tr>
                            <td>{m.text.clone()}</td>
                            <td>{mention_kind(m.kind)}</td>
                            <td title=rule_help(&m.rule)>{m.rule.clone()}</td>
                            <td class="num">{pct(m.confidence)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let more = e.mentions.len().saturating_sub(MENTIONS_SHOWN);
            // Each rule used, explained once (a tooltip alone would hide it from keyboard users).
            let mut rules: Vec<&str> = e.mentions.iter().map(|m| &*m.rule).collect();
            rules.sort_unstable();
            rules.dedup();
            let rules = rules
                .into_iter()
                .filter(|r| !rule_help(r).is_empty())
                .map(|r| view! { <dt>{r.to_string()}</dt><dd>{rule_help(r)}</dd> })
                .collect_view();
            Some(
                view! {
                    <p class="why-title">
                        <strong>{e.name.clone()}</strong>
                        {format!(" — {} ({})", label_name(e.label), e.label.as_str())}
                    </p>
                    <dl class="facts">
                        {e.value.clone().map(|v| view! { <dt>"Value"</dt><dd>{v}</dd> })}
                        <dt>"Salience"</dt>
                        <dd>{pct(e.salience)}</dd>
                        <dt>"Mentions"</dt>
                        <dd>{e.mentions.len()}</dd>
                        <dt>"Speaker of"</dt>
                        <dd>{format!("{quotes} quote{}", if quotes == 1 { "" } else { "s" })}</dd>
                    </dl>
                    <table class="mentions">
                        <caption class="visually-hidden">"Mentions and the rule that found each"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Mention"</th>
                                <th scope="col">"Kind"</th>
                                <th scope="col">"Rule"</th>
                                <th scope="col">"Conf."</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(more > 0).then(|| view! { <p class="hint">{format!("… and {more} more.")}</p> })}
                    <dl class="facts rules">{rules}</dl>
                }
                .into_any(),
            )
        }
        Selection::Quote(i) => {
            let q = a.quotes.get(*i)?;
            let speaker = q.speaker.as_ref().map(|s| {
                let as_written = s
                    .mention
                    .as_ref()
                    .filter(|m| m.text != s.name)
                    .map(|m| format!(" (written “{}”)", m.text))
                    .unwrap_or_default();
                format!("{}{as_written}", s.name)
            });
            let entity = q.speaker.as_ref().and_then(|s| s.entity.clone());
            Some(
                view! {
                    <p class="why-title"><strong>{format!("Quote {}", i + 1)}</strong> {format!(" — {}", kind_name(q.kind))}</p>
                    <blockquote class="quote-text">{q.text.clone()}</blockquote>
                    <dl class="facts">
                        <dt>"Speaker"</dt>
                        <dd>
                            {speaker.unwrap_or_else(|| "unknown".into())}
                            {entity.map(|id| view! {
                                " "
                                <button type="button" class="link" on:click=move |_| state.selection.set(Selection::Entity(id.clone()))>
                                    "(entity)"
                                </button>
                            })}
                        </dd>
                        <dt>"Cue"</dt>
                        <dd>{q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_else(|| "none".into())}</dd>
                        <dt>"Rule"</dt>
                        <dd>{format!("{} — {}", q.rule, rule_help(&q.rule))}</dd>
                        <dt>"Confidence"</dt>
                        <dd>{pct(q.confidence)}</dd>
                        {q.unclosed.then(|| view! { <dt>"Note"</dt><dd>"The quote is never closed in its paragraph."</dd> })}
                    </dl>
                }
                .into_any(),
            )
        }
        Selection::Keyphrase(i) => {
            let k = a.topics.keyphrases.get(*i)?;
            let entity = k
                .entity
                .as_ref()
                .and_then(|id| a.entities.iter().find(|e| e.id == *id))
                .map(|e| (e.id.clone(), e.name.clone()));
            let mut forms: Vec<&str> = k.mentions.iter().map(|m| m.text.as_str()).collect();
            forms.sort_unstable();
            forms.dedup();
            forms.truncate(10);
            Some(
                view! {
                    <p class="why-title"><strong>{k.text.clone()}</strong>" — key phrase"</p>
                    <dl class="facts">
                        <dt>"Relevance"</dt>
                        <dd>{pct(k.score)}</dd>
                        <dt>"Occurs"</dt>
                        <dd>{format!("{} times", k.mentions.len())}</dd>
                        <dt>"Written as"</dt>
                        <dd>{forms.join(" · ")}</dd>
                        {entity.map(|(id, name)| view! {
                            <dt>"Entity"</dt>
                            <dd>
                                <button type="button" class="link" on:click=move |_| state.selection.set(Selection::Entity(id.clone()))>
                                    {name}
                                </button>
                            </dd>
                        })}
                    </dl>
                    <p class="hint">"Ranked by frequency, position, spread over sentences and casing (YAKE-style statistics)."</p>
                }
                .into_any(),
            )
        }
        Selection::Category(i) => {
            let c = a.topics.categories.get(*i)?;
            Some(
                view! {
                    <p class="why-title"><strong>{c.label.clone()}</strong>" — IPTC Media Topic"</p>
                    <dl class="facts">
                        <dt>"Code"</dt>
                        <dd>{c.code.clone()}</dd>
                        <dt>"Score"</dt>
                        <dd>{pct(c.score)}</dd>
                        {c.parent.clone().map(|p| view! { <dt>"Parent"</dt><dd>{p}</dd> })}
                        <dt>"Evidence"</dt>
                        <dd>
                            {if c.evidence.is_empty() {
                                "—".to_string()
                            } else {
                                c.evidence.join(", ")
                            }}
                        </dd>
                    </dl>
                }
                .into_any(),
            )
        }
    }
}
