//! Components in a real browser (headless Chromium through wasm-bindgen-test): the report view's
//! DOM, its ids and accessible names, reactive marking, hostile text kept as text, and the
//! static copy the page is served with matching what the app renders.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use report_reader::annotations::placement::ParagraphIndex;
use report_reader::annotations::{Annotation, AnnotationSet, Colour, Quote, Target};
use report_reader::report::{parse, DEFAULT_REPORT};
use report_reader::ui::{Annotator, Notices, ReportView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a report view for `text` into a fresh container; returns it with the targets signal,
/// the ids asked to be copied, and the annotator (never loaded, so it never touches storage).
fn mount_annotated(
    text: &str,
) -> (
    Element,
    RwSignal<Vec<String>>,
    RwSignal<Vec<String>>,
    Annotator,
) {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let report = Arc::new(parse(text));
    // Effects need an executor; mounting starts it, but the annotator is made before the mount.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let annotator = Annotator::new(
        "component-test",
        ParagraphIndex::new(&report),
        Notices::new(),
    );
    let targets = RwSignal::new(Vec::<String>::new());
    let copied = RwSignal::new(Vec::<String>::new());
    let on_copy = Callback::new(move |id: String| copied.update(|c| c.push(id)));
    let handle = leptos::mount::mount_to(
        container.clone().unchecked_into::<HtmlElement>(),
        move || {
            view! { <ReportView report=report.clone() targets=targets on_copy_link=on_copy annotator=annotator /> }
        },
    );
    handle.forget();
    (container, targets, copied, annotator)
}

fn mount(text: &str) -> (Element, RwSignal<Vec<String>>, RwSignal<Vec<String>>) {
    let (container, targets, copied, _) = mount_annotated(text);
    (container, targets, copied)
}

/// Lets the reactive system run its pending effects.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn ids(container: &Element, selector: &str) -> Vec<String> {
    let nodes = container.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().unchecked_into::<Element>().id())
        .collect()
}

fn text(container: &Element, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
fn the_default_report_renders_every_paragraph_with_its_id_and_controls() {
    let (container, _, _) = mount(DEFAULT_REPORT);
    let expected: Vec<String> = (1..=11).map(|n| format!("p{n}")).collect();
    assert_eq!(ids(&container, ".chunk > .para"), expected);
    assert_eq!(text(&container, "#p8 .para-label"), "8.");
    assert!(text(&container, "#p8 .para-text").ends_with("stability in the South Asian region."));
    assert_eq!(container.query_selector_all("h1").unwrap().length(), 1);
    let copy = container.query_selector("#p8 .copy-link").unwrap().unwrap();
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copy link to paragraph 8")
    );
    let link = container.query_selector("#p8 .self-link").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#p8"));
    assert_eq!(
        link.get_attribute("aria-label").as_deref(),
        Some("Link to paragraph 8")
    );
}

#[wasm_bindgen_test]
async fn marking_follows_the_targets_without_rebuilding_paragraphs() {
    let (container, targets, _) = mount(DEFAULT_REPORT);
    let before = container.query_selector("#p9").unwrap().unwrap();
    targets.set(vec!["p8".into(), "p9".into(), "p10".into()]);
    settle().await;
    assert_eq!(ids(&container, ".is-target"), ["p8", "p9", "p10"]);
    targets.set(vec!["p2".into()]);
    settle().await;
    assert_eq!(ids(&container, ".is-target"), ["p2"]);
    let after = container.query_selector("#p9").unwrap().unwrap();
    assert!(
        before.is_same_node(Some(&after)),
        "paragraph 9 is the same element, only its class changed"
    );
}

#[wasm_bindgen_test]
fn the_copy_button_asks_for_its_own_paragraph() {
    let (container, _, copied) = mount(DEFAULT_REPORT);
    container
        .query_selector("#p5 .copy-link")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    container
        .query_selector("#p11 .copy-link")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    assert_eq!(copied.get_untracked(), ["p5", "p11"]);
}

#[wasm_bindgen_test]
fn sub_paragraphs_nest_inside_their_paragraph() {
    let (container, _, _) = mount("3. The Council decides:\n(a) To act;\n(b) To request:\n(i) a report;\n(c) To stay seized.\n");
    assert_eq!(
        ids(&container, "#p3 > .para-children > .para"),
        ["p3-a", "p3-b", "p3-c"]
    );
    assert_eq!(ids(&container, "#p3-b .para"), ["p3-b-i"]);
    assert_eq!(text(&container, "#p3-b-i .para-label"), "(i)");
    let copy = container
        .query_selector("#p3-b-i .copy-link")
        .unwrap()
        .unwrap();
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copy link to paragraph 3 (b) (i)")
    );
}

#[wasm_bindgen_test]
fn html_in_a_report_is_shown_as_text_and_never_becomes_elements() {
    let hostile = "<script>window.pwned = 1</script>\n\n1. See <img src=x onerror=\"window.pwned = 2\"> here.\n2. A [link](javascript:window.pwned=3) and </div></article> too.\n";
    let (container, _, _) = mount(hostile);
    for tag in ["script", "img"] {
        assert_eq!(
            container.query_selector_all(tag).unwrap().length(),
            0,
            "no <{tag}> element"
        );
    }
    assert_eq!(
        container
            .query_selector_all("a[href^='javascript']")
            .unwrap()
            .length(),
        0
    );
    assert_eq!(text(&container, "h1"), "<script>window.pwned = 1</script>");
    assert_eq!(
        text(&container, "#p1 .para-text"),
        "See <img src=x onerror=\"window.pwned = 2\"> here."
    );
    assert_eq!(
        text(&container, "#p2 .para-text"),
        "A link and </div></article> too."
    );
}

#[wasm_bindgen_test]
fn an_empty_report_says_so() {
    let (container, _, _) = mount("  \n\n ");
    assert_eq!(text(&container, ".empty-state h1"), "This report is empty");
    assert_eq!(container.query_selector_all(".para").unwrap().length(), 0);
}

fn attr(container: &Element, selector: &str, name: &str) -> Option<String> {
    container
        .query_selector(selector)
        .unwrap()
        .and_then(|e| e.get_attribute(name))
}

#[wasm_bindgen_test]
async fn highlighting_a_paragraph_tints_it_and_presses_its_button() {
    let (container, _, _, _) = mount_annotated(DEFAULT_REPORT);
    let button = container
        .query_selector("#p8 .highlight-toggle")
        .unwrap()
        .unwrap();
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Highlight paragraph 8")
    );
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    button.clone().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(
        attr(&container, "#p8", "data-highlight").as_deref(),
        Some("yellow")
    );
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(attr(&container, "#p7", "data-highlight"), None);
    button.unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(attr(&container, "#p8", "data-highlight"), None);
}

#[wasm_bindgen_test]
async fn passages_are_marked_without_changing_the_text_or_the_ids() {
    let (container, _, _, annotator) = mount_annotated(DEFAULT_REPORT);
    let before = text(&container, "#p5 > .para-text");
    let words = "Ishaq Dar";
    let start = before.find(words).unwrap();
    let quote = Quote::from_text(&before, start, start + words.len()).unwrap();
    annotator
        .document
        .annotations
        .set(AnnotationSet::from_annotations([Annotation::new(
            "x".into(),
            Target::Passage {
                paragraph: "p5".into(),
                quote,
            },
            Some(Colour::Green),
            "",
            1,
        )]));
    settle().await;
    assert_eq!(text(&container, "#p5 mark.hl"), words);
    assert_eq!(
        attr(&container, "#p5 mark.hl", "data-colour").as_deref(),
        Some("green")
    );
    assert_eq!(text(&container, "#p5 > .para-text"), before);
    assert_eq!(ids(&container, ".chunk > .para").len(), 11);
}

#[wasm_bindgen_test]
async fn notes_render_markdown_but_never_html() {
    let (container, _, _, annotator) = mount_annotated(DEFAULT_REPORT);
    let hostile = "See *this* <img src=x onerror=\"window.pwned=1\"> and </mark><script>window.pwned=2</script> [x](javascript:alert(1))";
    annotator
        .document
        .annotations
        .set(AnnotationSet::from_annotations([Annotation::new(
            "n".into(),
            Target::whole("p2", None),
            None,
            hostile,
            1,
        )]));
    settle().await;
    assert_eq!(text(&container, "#p2 .note-card em"), "this");
    for tag in ["img", "script", "a[href^='javascript']"] {
        assert_eq!(
            container
                .query_selector_all(&format!("#p2 .note-card {tag}"))
                .unwrap()
                .length(),
            0,
            "{tag}"
        );
    }
    assert!(text(&container, "#p2 .note-card .note-body").contains("<img src=x onerror="));
    assert_eq!(
        attr(&container, "#p2", "data-has-note").as_deref(),
        Some("true")
    );
    let delete = container
        .query_selector("#p2 .note-card button[aria-label='Delete note on paragraph 2']")
        .unwrap();
    assert!(delete.is_some(), "the delete button names its paragraph");
}

#[wasm_bindgen_test]
fn footnotes_are_linked_both_ways() {
    let (container, _, _) = mount(include_str!("fixtures/eu-communication.txt"));
    let reference = container
        .query_selector("#p1 sup.fn-ref a")
        .unwrap()
        .unwrap();
    assert_eq!(reference.get_attribute("href").as_deref(), Some("#fn-1"));
    assert_eq!(reference.id(), "fnref-1");
    assert_eq!(ids(&container, ".footnotes li"), ["fn-1", "fn-2"]);
    assert_eq!(
        attr(&container, "#fn-1 .footnote-back", "href").as_deref(),
        Some("#fnref-1")
    );
    let again = container
        .query_selector("#p3-b sup.fn-ref a")
        .unwrap()
        .unwrap();
    assert_eq!(again.get_attribute("href").as_deref(), Some("#fn-1"));
    assert_eq!(
        again.id(),
        "",
        "only the first reference carries the id the footnote links back to"
    );
    assert_eq!(
        container
            .query_selector_all("[id='fnref-1']")
            .unwrap()
            .length(),
        1
    );
}

/// What a paragraph shows as the page's static copy and as the app: id, kind, direction, number
/// and text.
fn paragraph_outline(root: &Element) -> Vec<(String, String, String, String, String)> {
    let nodes = root.query_selector_all(".para").unwrap();
    (0..nodes.length())
        .map(|i| {
            let para = nodes.item(i).unwrap().unchecked_into::<Element>();
            let inner = |selector: &str| {
                para.query_selector(selector)
                    .unwrap()
                    .and_then(|e| e.text_content())
                    .unwrap_or_default()
            };
            (
                para.id(),
                para.get_attribute("data-kind").unwrap_or_default(),
                para.get_attribute("dir").unwrap_or_default(),
                inner(":scope > .para-margin .para-label"),
                inner(":scope > .para-text"),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_static_copy_of_a_report_is_what_the_app_renders_without_its_buttons() {
    use report_reader::report::html::report_html;
    for source in [
        DEFAULT_REPORT,
        include_str!("fixtures/council-resolution.txt"),
        include_str!("fixtures/arabic-report.txt"),
    ] {
        let (container, _, _) = mount(source);
        settle().await;
        let parsed = web_sys::DomParser::new()
            .unwrap()
            .parse_from_string(
                &report_html(&parse(source)),
                web_sys::SupportedType::TextHtml,
            )
            .unwrap();
        let copy = parsed.body().unwrap().unchecked_into::<Element>();
        assert_eq!(paragraph_outline(&copy), paragraph_outline(&container));
        let (app, stat) = (
            container.query_selector("article").unwrap().unwrap(),
            copy.query_selector("article").unwrap().unwrap(),
        );
        assert_eq!(stat.get_attribute("lang"), app.get_attribute("lang"));
        assert_eq!(stat.get_attribute("dir"), app.get_attribute("dir"));
        assert_eq!(text(&copy, ".cover"), text(&container, ".cover"));
        assert_eq!(
            copy.query_selector_all("button").unwrap().length(),
            0,
            "no buttons in the copy"
        );
        container.remove();
    }
}

/// A long report's hash is worked out by the browser's SHA-256 when the page may use it: it must
/// be the hash the library works out in wasm, or opening a report would make a new version of it.
#[wasm_bindgen_test]
async fn the_browser_hashes_a_text_as_the_library_does() {
    assert!(
        web_sys::window().unwrap().is_secure_context(),
        "the test page is a secure context, so the browser's SHA-256 is what runs"
    );
    let long: String = (1..=20_000)
        .map(|n| format!("{n}. Paragraph {n} of the meeting in Türkiye — ☪ 𝄞\n"))
        .collect();
    for text in ["", "abc", DEFAULT_REPORT, "Türkiye — ☪ 𝄞", long.as_str()] {
        assert_eq!(
            report_reader::ui::content_hash(text).await,
            report_reader::library::content_hash(text),
            "{}",
            &text[..text.len().min(20)]
        );
    }
}
