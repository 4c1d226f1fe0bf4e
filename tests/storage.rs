//! The storage module and the annotator against the browser's real localStorage, in headless
//! Chromium: text in any script read back as written, unreadable values kept aside byte for
//! byte, older formats migrated, concurrent writes merged, a full quota reported without
//! touching what is stored, other tabs' writes taken in, and nothing written before the first
//! load.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use report_reader::annotations::codec::{self, CURRENT_VERSION};
use report_reader::annotations::placement::ParagraphIndex;
use report_reader::annotations::{Annotation, AnnotationSet, Colour, StoredVersions, Target};
use report_reader::report::{parse, DEFAULT_REPORT};
use report_reader::ui::storage::{
    self, annotations_key, journal_key, Load, OtherTabWrote, SaveError, Saved,
};
use report_reader::ui::text_store;
use report_reader::ui::{Annotator, Notices};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REPORT: &str = "test-report";

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh() {
    local().clear().unwrap();
}

fn raw(key: &str) -> Option<String> {
    local().get_item(key).unwrap()
}

fn keys_starting(prefix: &str) -> Vec<String> {
    let storage = local();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Asserts that exactly one value was kept aside at `time`, byte for byte `original`.
fn assert_kept_aside(time: i64, original: &str) {
    let aside = keys_starting(&format!("report-reader:unreadable:{time}:"));
    assert_eq!(aside.len(), 1, "one value kept aside at {time}");
    assert_eq!(raw(&aside[0]).as_deref(), Some(original));
}

fn note(id: &str, paragraph: &str, text: &str, at: i64) -> Annotation {
    Annotation::new(
        id.into(),
        Target::whole(paragraph, None),
        Some(Colour::Yellow),
        text,
        at,
    )
}

async fn sleep(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Fills the quota with other data; returns the filler keys so the test can remove them.
fn fill_quota() -> Vec<String> {
    let mut keys = Vec::new();
    let mut size = 1 << 20;
    while size > 0 {
        let key = format!("filler-{}", keys.len());
        if local().set_item(&key, &"x".repeat(size)).is_ok() {
            keys.push(key);
        } else {
            size /= 2;
        }
    }
    keys
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_kept_aside_byte_for_byte() {
    fresh();
    let corrupt = "{\"version\": 2, \"annotations\": [ \u{0}garbage";
    local().set_item(&annotations_key(REPORT), corrupt).unwrap();
    let Load::Unreadable {
        reason,
        kept_as: Some(aside),
    } = storage::load_annotations(REPORT, 42).0
    else {
        panic!("not unreadable")
    };
    assert!(reason.contains("not valid JSON"), "{reason}");
    assert!(aside.starts_with("report-reader:unreadable:42:"));
    assert_kept_aside(42, corrupt);
    assert_eq!(
        raw(&annotations_key(REPORT)).as_deref(),
        Some(corrupt),
        "loading changes nothing"
    );
}

#[wasm_bindgen_test]
fn a_value_from_a_newer_version_is_unreadable_and_kept() {
    fresh();
    let future = "{\"format\":\"report-reader.annotations\",\"version\":99,\"report\":\"test-report\",\"annotations\":[]}";
    local().set_item(&annotations_key(REPORT), future).unwrap();
    let Load::Unreadable {
        reason,
        kept_as: Some(aside),
    } = storage::load_annotations(REPORT, 1).0
    else {
        panic!()
    };
    assert!(reason.contains("newer version"), "{reason}");
    assert_eq!(raw(&aside).as_deref(), Some(future));
}

#[wasm_bindgen_test]
fn an_older_version_is_migrated_on_load() {
    fresh();
    local()
        .set_item(
            &annotations_key(REPORT),
            include_str!("fixtures/storage/annotations-v1.json"),
        )
        .unwrap();
    let Load::Read {
        value,
        migrated_from,
    } = storage::load_annotations(REPORT, 1).0
    else {
        panic!()
    };
    assert_eq!(migrated_from, Some(1));
    assert_eq!(value.len(), 3);
    assert_eq!(
        value.on_paragraph("p8").unwrap().colour,
        Some(Colour::Yellow)
    );
}

#[wasm_bindgen_test]
fn text_in_any_script_reads_back_as_written_and_a_broken_surrogate_as_a_replacement() {
    fresh();
    let words = "Résolution — 🙂 قرار 決議 \u{0}";
    let set = AnnotationSet::from_annotations([note("a", "p1", words, 10)]);
    local()
        .set_item(&annotations_key(REPORT), &codec::encode(REPORT, &set))
        .unwrap();
    let Load::Read { value, .. } = storage::load_annotations(REPORT, 1).0 else {
        panic!()
    };
    assert_eq!(value.get("a").unwrap().note, words);
    // A lone surrogate, which no UTF-8 can hold, as another program might leave it.
    let stored = codec::encode(
        REPORT,
        &AnnotationSet::from_annotations([note("a", "p1", "before X after", 10)]),
    );
    let units: Vec<u16> = stored
        .encode_utf16()
        .map(|u| if u == u16::from(b'X') { 0xD800 } else { u })
        .collect();
    let lone = js_sys::JsString::from_char_code(&units);
    js_sys::Reflect::apply(
        &js_sys::Reflect::get(&local(), &"setItem".into())
            .unwrap()
            .into(),
        &local(),
        &js_sys::Array::of2(&annotations_key(REPORT).into(), &lone),
    )
    .unwrap();
    let Load::Read { value, .. } = storage::load_annotations(REPORT, 2).0 else {
        panic!()
    };
    assert_eq!(value.get("a").unwrap().note, "before \u{FFFD} after");
}

#[wasm_bindgen_test]
fn saving_merges_what_another_tab_stored_in_between() {
    fresh();
    let theirs = AnnotationSet::from_annotations([note("theirs", "p2", "from the other tab", 10)]);
    local()
        .set_item(&annotations_key(REPORT), &codec::encode(REPORT, &theirs))
        .unwrap();
    let mine = AnnotationSet::from_annotations([note("mine", "p3", "from this tab", 20)]);
    let Saved::Whole(stored) =
        storage::save_annotations(REPORT, &mine, &StoredVersions::default(), 30).unwrap()
    else {
        panic!()
    };
    let ids: Vec<&str> = stored.live().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["mine", "theirs"]);
    let decoded = codec::decode(&raw(&annotations_key(REPORT)).unwrap()).unwrap();
    assert_eq!(decoded.annotations, stored);
    assert_eq!(decoded.stored_version, CURRENT_VERSION);
}

#[wasm_bindgen_test]
fn saving_over_an_unreadable_value_keeps_it_aside_first() {
    fresh();
    local()
        .set_item(&annotations_key(REPORT), "not json at all")
        .unwrap();
    let mine = AnnotationSet::from_annotations([note("mine", "p3", "x", 20)]);
    storage::save_annotations(REPORT, &mine, &StoredVersions::default(), 7).unwrap();
    assert_kept_aside(7, "not json at all");
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_what_is_stored_is_untouched() {
    fresh();
    let first = AnnotationSet::from_annotations([note("a", "p1", "stored before", 1)]);
    storage::save_annotations(REPORT, &first, &StoredVersions::default(), 2).unwrap();
    let before = raw(&annotations_key(REPORT));
    let fillers = fill_quota();
    let mut bigger = first.clone();
    bigger.add(note("b", "p2", &"a long note ".repeat(2000), 3));
    let result = storage::save_annotations(REPORT, &bigger, &StoredVersions::of(&first), 4);
    for key in &fillers {
        local().remove_item(key).unwrap();
    }
    assert_eq!(result, Err(SaveError::Full));
    assert_eq!(raw(&annotations_key(REPORT)), before);
    assert!(
        storage::save_annotations(REPORT, &bigger, &StoredVersions::of(&first), 5).is_ok(),
        "saves once there is room"
    );
}

fn storage_event(key: &str, value: &str) -> web_sys::StorageEvent {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(Some(value));
    web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap()
}

#[wasm_bindgen_test]
fn storage_events_for_this_report_are_read_and_others_ignored() {
    let theirs = AnnotationSet::from_annotations([note("t", "p1", "x", 1)]);
    let text = codec::encode(REPORT, &theirs);
    assert_eq!(
        storage::annotations_changed_elsewhere(
            REPORT,
            &storage_event(&annotations_key(REPORT), &text)
        ),
        Some(OtherTabWrote::Whole(theirs.clone()))
    );
    assert_eq!(
        storage::annotations_changed_elsewhere(REPORT, &storage_event(&journal_key(REPORT), &text)),
        Some(OtherTabWrote::Recent(theirs))
    );
    assert_eq!(
        storage::annotations_changed_elsewhere(
            REPORT,
            &storage_event(&annotations_key("other"), &text)
        ),
        None
    );
    assert_eq!(
        storage::annotations_changed_elsewhere(
            REPORT,
            &storage_event(&annotations_key(REPORT), "{broken")
        ),
        None
    );
}

fn annotator() -> Annotator {
    // Effects need an executor; in the app, mounting sets it up.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    Annotator::new(
        REPORT,
        ParagraphIndex::new(&parse(DEFAULT_REPORT)),
        Notices::new(),
    )
}

#[wasm_bindgen_test]
async fn nothing_is_written_before_the_first_load() {
    fresh();
    let owner = Owner::new();
    let annotator = owner.with(annotator);
    annotator.toggle_paragraph_highlight("p8");
    sleep(700).await;
    assert_eq!(
        raw(&annotations_key(REPORT)),
        None,
        "an edit before loading is not saved"
    );
    annotator.load();
    annotator.toggle_paragraph_highlight("p9");
    sleep(700).await;
    let stored = codec::decode(&raw(&annotations_key(REPORT)).unwrap())
        .unwrap()
        .annotations;
    assert!(stored.on_paragraph("p9").is_some());
}

#[wasm_bindgen_test]
async fn another_tabs_write_is_merged_into_what_is_shown() {
    fresh();
    let owner = Owner::new();
    let annotator = owner.with(annotator);
    owner.with(|| annotator.load());
    annotator.toggle_paragraph_highlight("p1");
    let theirs =
        AnnotationSet::from_annotations([note("elsewhere", "p4", "written in another tab", 1)]);
    let event = storage_event(&annotations_key(REPORT), &codec::encode(REPORT, &theirs));
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    sleep(700).await;
    let shown = annotator.document.annotations.get_untracked();
    assert!(
        shown.on_paragraph("p1").is_some(),
        "this tab's edit is kept"
    );
    assert_eq!(
        shown.get("elsewhere").unwrap().note,
        "written in another tab"
    );
    let stored = codec::decode(&raw(&annotations_key(REPORT)).unwrap())
        .unwrap()
        .annotations;
    assert_eq!(stored, shown, "and the merged result is what is stored");
}

/// A set large enough to be saved through the journal.
fn many(count: usize) -> AnnotationSet {
    AnnotationSet::from_annotations((0..count).map(|i| {
        note(
            &format!("n{i:05}"),
            &format!("p{}", i % 11 + 1),
            "a note",
            1,
        )
    }))
}

#[wasm_bindgen_test]
fn a_large_set_saves_one_change_to_the_journal_and_reads_back_whole() {
    fresh();
    let mut mine = many(storage::JOURNAL_FROM + 10);
    let Saved::Whole(_) =
        storage::save_annotations(REPORT, &mine, &StoredVersions::default(), 2).unwrap()
    else {
        panic!("first save writes the document")
    };
    let document = raw(&annotations_key(REPORT)).unwrap();
    let stored = StoredVersions::of(&mine);

    mine.rewrite("n00007", "changed in this tab", Some(Colour::Blue), 5);
    let Saved::Recent(recent) = storage::save_annotations(REPORT, &mine, &stored, 6).unwrap()
    else {
        panic!("one change goes to the journal")
    };
    assert_eq!(
        recent.live().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["n00007"]
    );
    assert_eq!(
        raw(&annotations_key(REPORT)).unwrap(),
        document,
        "the document is not rewritten"
    );
    assert!(
        raw(&journal_key(REPORT)).unwrap().len() < 1000,
        "the journal holds one annotation"
    );
    assert_eq!(
        storage::save_annotations(
            REPORT,
            &mine,
            &{
                let mut s = stored.clone();
                s.record(&recent);
                s
            },
            7
        )
        .unwrap(),
        Saved::Nothing
    );

    let (Load::Read { value, .. }, None) = storage::load_annotations(REPORT, 8) else {
        panic!()
    };
    assert_eq!(value, mine, "the document and its journal read back as one");
    assert_eq!(
        storage::count_annotations(REPORT),
        storage::JOURNAL_FROM + 10
    );
    let downloaded = codec::decode(&storage::raw_annotations(REPORT).unwrap())
        .unwrap()
        .annotations;
    assert_eq!(
        downloaded, mine,
        "a download before removing holds the journal too"
    );
}

#[wasm_bindgen_test]
fn a_full_journal_is_folded_into_the_document_with_what_other_tabs_wrote() {
    fresh();
    let mut mine = many(storage::JOURNAL_FROM);
    storage::save_annotations(REPORT, &mine, &StoredVersions::default(), 2).unwrap();
    let mut stored = StoredVersions::of(&mine);
    // Another tab's recent change sits in the journal.
    let theirs = AnnotationSet::from_annotations([note("from-elsewhere", "p2", "other tab", 3)]);
    local()
        .set_item(&journal_key(REPORT), &codec::encode(REPORT, &theirs))
        .unwrap();
    for i in 0..storage::JOURNAL_LIMIT + 1 {
        mine.rewrite(&format!("n{i:05}"), "edited", None, 10 + i as i64);
        match storage::save_annotations(REPORT, &mine, &stored, 10 + i as i64).unwrap() {
            Saved::Recent(recent) => stored.record(&recent),
            Saved::Whole(whole) => {
                assert_eq!(
                    i + 1,
                    storage::JOURNAL_LIMIT,
                    "folded when the journal is full"
                );
                assert!(
                    whole.get("from-elsewhere").is_some(),
                    "the other tab's change is kept"
                );
                assert_eq!(raw(&journal_key(REPORT)), None, "the journal is emptied");
                let document = codec::decode(&raw(&annotations_key(REPORT)).unwrap())
                    .unwrap()
                    .annotations;
                assert_eq!(document, whole);
                return;
            }
            Saved::Nothing => panic!("a change was made"),
        }
    }
    panic!("the journal was never folded in");
}

#[wasm_bindgen_test]
fn an_unreadable_journal_is_kept_aside_and_told() {
    fresh();
    let mine = many(3);
    storage::save_annotations(REPORT, &mine, &StoredVersions::default(), 2).unwrap();
    local()
        .set_item(&journal_key(REPORT), "{\"truncated")
        .unwrap();
    let (Load::Read { value, .. }, Some(problem)) = storage::load_annotations(REPORT, 9) else {
        panic!()
    };
    assert_eq!(value, mine, "the document still reads");
    assert!(problem.contains("could not be read"), "{problem}");
    assert_kept_aside(9, "{\"truncated");
}

#[wasm_bindgen_test]
fn the_theme_choice_is_kept_and_an_unknown_value_means_the_system() {
    use report_reader::theme::Theme;
    fresh();
    assert_eq!(storage::load_theme(), Theme::System);
    storage::save_theme(Theme::Dark).unwrap();
    assert_eq!(storage::load_theme(), Theme::Dark);
    local().set_item(storage::THEME_KEY, "purple").unwrap();
    assert_eq!(storage::load_theme(), Theme::System);
    assert_eq!(
        raw(storage::THEME_KEY).as_deref(),
        Some("purple"),
        "left as it is until the reader chooses again"
    );
}

#[wasm_bindgen_test]
fn a_save_the_browser_refuses_is_told_in_the_browsers_words() {
    fresh();
    // The browser refuses for a reason other than a full quota (as a blocked storage does).
    let refuse = js_sys::Function::new_no_args(
        "const original = Storage.prototype.setItem; \
         Storage.prototype.setItem = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); }; \
         return original;",
    );
    let original = refuse.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let result = storage::save_annotations(
        REPORT,
        &AnnotationSet::from_annotations([note("a", "p1", "A note.", 1)]),
        &StoredVersions::default(),
        2,
    );
    let prototype = js_sys::Reflect::get(&js_sys::global(), &"Storage".into())
        .and_then(|s| js_sys::Reflect::get(&s, &"prototype".into()))
        .unwrap();
    js_sys::Reflect::set(&prototype, &"setItem".into(), &original).unwrap();
    let error = result.unwrap_err();
    assert_eq!(
        error,
        SaveError::Other("SecurityError: The operation is insecure.".into())
    );
    assert_eq!(
        error.to_string(),
        "the browser refused to store it: SecurityError: The operation is insecure."
    );
    assert_eq!(
        SaveError::Full.to_string(),
        "the browser’s storage for this page is full"
    );
    assert!(
        raw(&annotations_key(REPORT)).is_none(),
        "nothing was stored"
    );
}

#[wasm_bindgen_test]
async fn report_texts_are_kept_in_indexeddb_read_back_as_written_and_forgotten_with_their_report() {
    fresh();
    let text = "Résolution 58/9\n\n1. القرار «تجريبي» — 決議 𝒜.";
    text_store::save_text("00000000000000aa", text)
        .await
        .unwrap();
    text_store::save_file(
        "00000000000000aa",
        "report.pdf",
        "application/pdf",
        b"%PDF-1.7",
    )
    .await
    .unwrap();
    assert_eq!(
        text_store::load_text("00000000000000aa").await.as_deref(),
        Some(text)
    );
    assert!(
        keys_starting("report-reader:text:").is_empty(),
        "nothing in localStorage"
    );
    text_store::forget(&["00000000000000aa".to_string()]).await;
    assert_eq!(text_store::load_text("00000000000000aa").await, None);
}

#[wasm_bindgen_test]
async fn texts_kept_in_localstorage_move_to_indexeddb_and_their_keys_go_only_once_the_copy_reads_back(
) {
    fresh();
    local()
        .set_item("report-reader:text:00000000000000bb", "1. One.")
        .unwrap();
    local()
        .set_item(
            "report-reader:text:00000000000000cc",
            "1. Two, in a text of its own.",
        )
        .unwrap();
    local()
        .set_item(&annotations_key(REPORT), "kept as it is")
        .unwrap();
    // Before the move, a text is read from where it was.
    assert_eq!(
        text_store::load_text("00000000000000bb").await.as_deref(),
        Some("1. One.")
    );
    assert_eq!(text_store::move_old_texts().await, Ok(2));
    assert!(keys_starting("report-reader:text:").is_empty());
    assert_eq!(
        text_store::load_text("00000000000000cc").await.as_deref(),
        Some("1. Two, in a text of its own.")
    );
    assert_eq!(
        raw(&annotations_key(REPORT)).as_deref(),
        Some("kept as it is"),
        "notes untouched"
    );
    assert_eq!(
        text_store::move_old_texts().await,
        Ok(0),
        "nothing left to move"
    );
    text_store::forget(&[
        "00000000000000bb".to_string(),
        "00000000000000cc".to_string(),
    ])
    .await;
}
