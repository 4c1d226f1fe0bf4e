//! Keyboard shortcuts wired to the reader (what each key means is in [`crate::keyboard`]), and
//! the help overlay that lists them.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::keyboard::{command_for, step, Command, KeyPress, SHORTCUTS};

use super::annotator::Annotator;
use super::browser;
use super::vocabulary::{Notices, Toast, MAIN_ID, SEARCH_FIELD_ID};

/// What the shortcuts act on.
#[derive(Clone)]
pub struct ShortcutTargets {
    pub annotator: Annotator,
    /// Paragraph ids in reading order.
    pub order: Arc<Vec<String>>,
    /// The paragraph the reader is at: the last one moved to, clicked or focused.
    pub current: RwSignal<Option<String>>,
    pub help_open: RwSignal<bool>,
    pub search_open: RwSignal<bool>,
    pub copy_link: Callback<String>,
    pub notices: Notices,
}

/// Listens for shortcut keys (and for focus, to know the current paragraph) while the reader is
/// on screen.
pub fn install(targets: ShortcutTargets) {
    let current = targets.current;
    let focus = window_event_listener(ev::focusin, move |event| {
        if let Some(id) = browser::paragraph_of(&event) {
            current.set(Some(id));
        }
    });
    let keys = window_event_listener(ev::keydown, move |event| {
        let key = event.key();
        let press = KeyPress {
            key: &key,
            ctrl: event.ctrl_key(),
            alt: event.alt_key(),
            meta: event.meta_key(),
            in_field: browser::typing_in_field(&event),
        };
        let Some(command) = command_for(press) else {
            return;
        };
        // The help is modal: only its own keys reach past it.
        if targets.help_open.get_untracked() && !matches!(command, Command::Help | Command::Close) {
            return;
        }
        if browser::in_dialog(&event) && !targets.help_open.get_untracked() {
            return;
        }
        event.prevent_default();
        run(&targets, command);
    });
    on_cleanup(move || {
        focus.remove();
        keys.remove();
    });
}

/// The paragraph a command acts on: the current one, else the one at the top of the view.
fn paragraph_at_hand(targets: &ShortcutTargets) -> Option<String> {
    targets
        .current
        .get_untracked()
        .or_else(browser::paragraph_in_view)
}

fn run(targets: &ShortcutTargets, command: Command) {
    let annotator = targets.annotator;
    let tell = |message: String| {
        targets
            .notices
            .flash(Toast::Info(message), Duration::from_secs(3))
    };
    match command {
        Command::NextParagraph | Command::PreviousParagraph => {
            let current = targets.current.get_untracked();
            let in_view = current.is_none().then(browser::paragraph_in_view).flatten();
            let forward = command == Command::NextParagraph;
            if let Some(id) = step(
                &targets.order,
                current.as_deref(),
                in_view.as_deref(),
                forward,
            ) {
                targets.current.set(Some(id.to_string()));
                browser::go_to_paragraph(id);
            }
        }
        Command::Highlight => match browser::current_selection() {
            Some(selection) => {
                let name = annotator.paragraph_name(&selection.paragraph);
                annotator.highlight_selection(
                    &selection,
                    annotator.session.current_colour.get_untracked(),
                );
                browser::clear_selection();
                tell(format!("Highlighted the selected text in {name}"));
            }
            None => {
                let Some(id) = paragraph_at_hand(targets) else {
                    return;
                };
                annotator.toggle_paragraph_highlight(&id);
                let name = annotator.paragraph_name(&id);
                let on = untrack(|| annotator.whole_on(&id)).is_some_and(|a| a.colour.is_some());
                tell(if on {
                    format!("Highlighted {name}")
                } else {
                    format!("Removed the highlight from {name}")
                });
            }
        },
        Command::Note => match browser::current_selection() {
            Some(selection) => {
                annotator.note_on_selection(&selection);
                browser::clear_selection();
            }
            None => {
                if let Some(id) = paragraph_at_hand(targets) {
                    annotator.open_paragraph_note(&id);
                }
            }
        },
        Command::CopyLink => {
            if let Some(id) = paragraph_at_hand(targets) {
                targets.copy_link.run(id);
            }
        }
        Command::Search => {
            targets.search_open.set(true);
            browser::focus_id(SEARCH_FIELD_ID);
        }
        Command::Help => targets.help_open.update(|open| *open = !*open),
        Command::Close => {
            if targets.help_open.get_untracked() {
                targets.help_open.set(false);
            } else if targets.search_open.get_untracked() {
                targets.search_open.set(false);
            } else {
                annotator.session.selection.set(None);
                browser::clear_selection();
            }
        }
    }
}

/// The list of shortcuts, as a modal dialog; `?` or `Esc` or its button closes it.
/// The shortcuts' help, in a part of the app of its own: fetched the first time it is opened.
#[cfg_attr(feature = "split", lazy)]
pub async fn help_overlay(open: RwSignal<bool>, current: RwSignal<Option<String>>) -> AnyView {
    view! { <HelpOverlay open=open current=current /> }.into_any()
}

#[component]
fn HelpOverlay(open: RwSignal<bool>, current: RwSignal<Option<String>>) -> impl IntoView {
    // Focus goes into the dialog when it opens, and back to where the reader was when it closes.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open {
            browser::focus_id("help-close");
        } else if was_open == Some(true) {
            match current.get_untracked() {
                Some(id) => browser::focus_id(&id),
                None => browser::focus_id(MAIN_ID),
            }
        }
        is_open
    });
    let close = move |_| open.set(false);
    move || {
        open.get().then(|| {
            view! {
                <div class="overlay" on:click=move |ev| {
                    if browser::is_event_on_itself(&ev) {
                        open.set(false);
                    }
                }>
                    <div class="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title"
                        on:keydown=move |ev| {
                            // One button to focus: Tab stays on it rather than leaving the dialog.
                            if ev.key() == "Tab" {
                                ev.prevent_default();
                            }
                        }>
                        <h2 id="help-title">"Keyboard shortcuts"</h2>
                        <dl class="shortcut-list">
                            {SHORTCUTS
                                .iter()
                                .map(|(key, what, _)| view! { <div><dt><kbd>{*key}</kbd></dt><dd>{*what}</dd></div> })
                                .collect_view()}
                        </dl>
                        <p class="help-note">"Shortcuts do nothing while you type in a field. Tab and Shift+Tab reach every button."</p>
                        <button type="button" id="help-close" class="primary-button" on:click=close>"Close keyboard shortcuts"</button>
                    </div>
                </div>
            }
        })
    }
}
