//! The app bar: the app's name, the colour theme, the library, opening a report, and, while a
//! report is shown, search, the shortcuts and the notes panel.

use leptos::prelude::*;

use crate::theme::Theme;

use super::browser;
use super::storage;
use super::vocabulary::{About, Notices, NOTES_PANEL_ID, OPEN_PANEL_ID, SEARCH_FIELD_ID};

#[component]
pub fn AppBar(
    /// Whether a report is shown (its first screen too): its tools are in the bar then.
    reading: Signal<bool>,
    open_panel: RwSignal<bool>,
    search_open: RwSignal<bool>,
    help_open: RwSignal<bool>,
    panel_open: RwSignal<bool>,
    notices: Notices,
) -> impl IntoView {
    let theme = RwSignal::new(storage::load_theme());
    Effect::new(move |_| browser::set_theme_attribute(theme.get().page_attribute()));
    let theme_elsewhere = window_event_listener(leptos::ev::storage, move |event| {
        if let Some(chosen) = storage::theme_changed_elsewhere(&event) {
            theme.set(chosen);
        }
    });
    on_cleanup(move || theme_elsewhere.remove());
    let choose_theme = move |ev: leptos::ev::Event| {
        let Some(chosen) = Theme::from_key(&event_target_value(&ev)) else {
            return;
        };
        theme.set(chosen);
        if storage::save_theme(chosen) == Err(storage::SaveError::Full) {
            notices.tell(About::App, "Your choice of theme could not be remembered: this browser’s storage for this site is full.");
        }
    };

    view! {
        <header class="app-bar">
            <a class="app-name" href="./">"Report reader"</a>
            <nav class="app-actions" aria-label="Reports and reading tools">
                <label class="theme-choice">
                    <span class="visually-hidden">"Colour theme"</span>
                    <select class="bar-select" on:change=choose_theme>
                        {Theme::ALL.into_iter().map(|t| view! {
                            <option value=t.key() selected=move || theme.get() == t>{t.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <a class="bar-link" href="?library">"Library"</a>
                <button type="button" class="bar-button" aria-expanded=move || open_panel.get().to_string() aria-controls=OPEN_PANEL_ID
                    on:click=move |_| open_panel.update(|o| *o = !*o)>"Open a report"</button>
                {move || reading.get().then(|| view! {
                    <button type="button" class="bar-button" aria-label="Search the report and your notes (/)"
                        aria-expanded=move || search_open.get().to_string()
                        on:click=move |_| {
                            search_open.set(true);
                            browser::focus_id(SEARCH_FIELD_ID);
                        }>"Search"</button>
                    <button type="button" class="bar-button" aria-label="Keyboard shortcuts (?)" aria-haspopup="dialog"
                        on:click=move |_| help_open.set(true)>"Shortcuts"</button>
                    <button type="button" class="panel-toggle" aria-controls=NOTES_PANEL_ID
                        aria-expanded=move || panel_open.get().to_string()
                        on:click=move |_| panel_open.update(|o| *o = !*o)>
                        "Highlights and notes"
                    </button>
                })}
            </nav>
        </header>
    }
}
