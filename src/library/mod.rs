//! The reader's library: every report they can open, bundled with the app or brought by them,
//! with the versions (revisions) of each. Pure data and rules, no browser:
//! - a bundled report is known by its manifest id; a report the reader opens by the hash of its
//!   text, so opening the same file twice is the same report;
//! - a text with the document symbol of a report already in the library is a new version of
//!   that report, and shares its annotations; so is its revision or correction (`…/Rev.1`,
//!   `…/Corr.1`, in any case, with or without a space); an addendum (`…/Add.1`) is a report of
//!   its own, listed as an addendum of its parent;
//! - two tabs' copies merge entry by entry, the later edit winning and versions never lost.

mod entry;
mod index;
mod listing;
mod manifest;
mod stored;
mod symbols;

pub use entry::{notes_phrase, Entry, JoinError, Joined, Opened, Source, Version};
pub use index::{content_hash, hash_of_digest, Library};
pub use listing::{choices, date_key, documents_by_symbol, organ_of, Known, Listing, Row, SortBy};
pub use manifest::{Manifest, ManifestReport};
pub use stored::{decode, decode_value, encode_value, CURRENT_VERSION, FORMAT};
pub use symbols::{addendum_parent, report_symbol};

#[cfg(test)]
mod tests {
    use super::symbols::*;
    use super::*;
    use crate::annotations::codec::DecodeError;

    #[test]
    fn what_opening_did_is_told_in_words_with_any_warning_after_it() {
        let new = Opened::New { id: "r-1".into() };
        assert_eq!(new.message(None), None);
        assert_eq!(
            new.message(Some("Not kept.".into())).as_deref(),
            Some("Not kept.")
        );
        let known = Opened::Known { id: "r-1".into() };
        assert_eq!(
            known.message(Some("Not kept.".into())).as_deref(),
            Some("This report was already in your library; it is the same text. Not kept.")
        );
        assert!(Opened::Revision {
            id: "r-1".into(),
            version: 2
        }
        .message(None)
        .unwrap()
        .starts_with("Opened as version 2 of a report"));
        assert_eq!(
            [0, 1, 3].map(notes_phrase),
            ["no notes", "1 highlight or note", "3 highlights and notes"]
        );
    }
    use crate::report::{parse, DEFAULT_REPORT};

    fn revised() -> String {
        DEFAULT_REPORT.replace("sincere efforts", "genuine efforts")
    }

    #[test]
    fn hashes_are_stable_and_short() {
        assert_eq!(content_hash("abc"), "ba7816bf8f01cfea");
        assert_ne!(content_hash(DEFAULT_REPORT), content_hash(&revised()));
    }

    #[test]
    fn the_same_text_twice_is_the_same_report() {
        let mut library = Library::default();
        let report = parse("Some notes\n\n1. First point.\n");
        let hash = content_hash("Some notes\n\n1. First point.\n");
        let first = library.open_text(&report, &hash, Some("notes.txt"), 10);
        assert!(matches!(first, Opened::New { .. }));
        assert_eq!(
            library.open_text(&report, &hash, Some("copy of notes.txt"), 20),
            Opened::Known {
                id: first.id().into()
            }
        );
        assert_eq!(library.entries().len(), 1);
        assert_eq!(library.get(first.id()).unwrap().last_opened, 20);
    }

    #[test]
    fn the_same_symbol_with_other_text_is_a_new_version_of_the_bundled_report() {
        let mut library = Library::default();
        let original = parse(DEFAULT_REPORT);
        library.ensure_bundled(
            "oic",
            "oic.txt",
            &original,
            &content_hash(DEFAULT_REPORT),
            1,
        );
        let text = revised();
        let opened = library.open_text(&parse(&text), &content_hash(&text), Some("rev.txt"), 50);
        assert_eq!(
            opened,
            Opened::Revision {
                id: "oic".into(),
                version: 2
            }
        );
        let entry = library.get("oic").unwrap();
        assert_eq!(entry.versions.len(), 2);
        assert_eq!(entry.current().unwrap().hash, content_hash(&text));
        assert_eq!(entry.version_number(&content_hash(DEFAULT_REPORT)), Some(1));
    }

    #[test]
    fn revisions_and_corrections_are_versions_and_an_addendum_is_a_report_of_its_own() {
        for (symbol, report) in [
            ("A/HRC/59/23/Rev.1", "A/HRC/59/23"),
            ("a/hrc/59/23/rev.2", "A/HRC/59/23"),
            ("A/HRC/59/23/Rev. 1", "A/HRC/59/23"),
            ("A/HRC/59/23 /Corr.1", "A/HRC/59/23"),
            ("A/HRC/59/23/Rev.1/Corr.1", "A/HRC/59/23"),
            ("A/HRC/59/23/Add.1", "A/HRC/59/23/ADD.1"),
            ("A/HRC/59/23/Add.1/Corr.1", "A/HRC/59/23/ADD.1"),
            (
                "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP/Rev.1",
                "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP",
            ),
            ("S/RES/2780 (2025)", "S/RES/2780 (2025)"),
        ] {
            assert_eq!(report_symbol(symbol), report, "{symbol}");
        }
        assert_eq!(
            addendum_parent("A/HRC/59/23/Add.1").as_deref(),
            Some("A/HRC/59/23")
        );
        assert_eq!(addendum_parent("A/HRC/59/23/Rev.1"), None);
        assert_eq!(
            addendum_parent("A/RES/79/1"),
            None,
            "a number is not an addendum"
        );

        let mut library = Library::default();
        let report = |symbol: &str| {
            parse(&format!(
                "{symbol}\n\nReport of the Working Group\n\n1. Text of {symbol}.\n"
            ))
        };
        let original = library.open_text(&report("A/HRC/59/23"), "h1", None, 10);
        let revision = library.open_text(&report("A/HRC/59/23/Rev.1"), "h2", None, 20);
        assert_eq!(
            revision,
            Opened::Revision {
                id: original.id().into(),
                version: 2
            }
        );
        assert_eq!(
            library.get(original.id()).unwrap().symbol.as_deref(),
            Some("A/HRC/59/23/Rev.1"),
            "the entry shows its current symbol"
        );
        let correction = library.open_text(&report("A/HRC/59/23/REV.1/Corr.1"), "h3", None, 30);
        assert_eq!(
            correction,
            Opened::Revision {
                id: original.id().into(),
                version: 3
            }
        );
        let addendum = library.open_text(&report("A/HRC/59/23/Add.1"), "h4", None, 40);
        assert!(matches!(addendum, Opened::New { .. }));
        let added = library.get(addendum.id()).unwrap();
        assert_eq!(
            library.addendum_of(added).map(|e| e.id.as_str()),
            Some(original.id())
        );
        assert_eq!(
            library.addendum_of(library.get(original.id()).unwrap()),
            None
        );
    }

    #[test]
    fn a_report_the_reader_says_is_a_version_of_another_joins_it_and_can_be_separated_again() {
        let mut library = Library::default();
        library.ensure_bundled("oic", "oic.txt", &parse(DEFAULT_REPORT), "h0", 1);
        let a = library
            .open_text(&parse("Draft of the report\n\n1. First.\n"), "ha", None, 10)
            .id()
            .to_string();
        let b = library
            .open_text(
                &parse("Final report\n\n1. First, revised.\n"),
                "hb",
                None,
                20,
            )
            .id()
            .to_string();
        let before = library.clone();
        assert_eq!(library.join_as_version(&a, &a, 30), Err(JoinError::Same));
        assert_eq!(
            library.join_as_version("oic", &a, 30),
            Err(JoinError::Published(
                "Report of the Meeting of the OIC Contact Group on Jammu and Kashmir".into()
            ))
        );
        assert_eq!(
            library.join_as_version("nope", &a, 30),
            Err(JoinError::Unknown("nope".into()))
        );
        assert_eq!(library, before, "a refused join changes nothing");

        library.join_as_version(&b, &a, 30).unwrap();
        let hashes = |l: &Library, id: &str| {
            l.get(id).map(|e| {
                e.versions
                    .iter()
                    .map(|v| v.hash.clone())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            hashes(&library, &a),
            Some(vec!["ha".to_string(), "hb".to_string()]),
            "the newer text is the current version"
        );
        assert!(library.get(&b).is_none(), "no longer listed on its own");
        assert_eq!(
            library.resolve(&b).map(|e| e.id.as_str()),
            Some(a.as_str()),
            "its address opens the report it joined"
        );
        let stale_tab = library.clone();

        assert!(library.separate(&a, &b, 40));
        assert_eq!(hashes(&library, &a), Some(vec!["ha".to_string()]));
        assert_eq!(hashes(&library, &b), Some(vec!["hb".to_string()]));
        assert_eq!(library.resolve(&b).map(|e| e.id.as_str()), Some(b.as_str()));
        assert!(!library.separate(&a, &b, 50), "nothing left to separate");

        // Another tab that still has them joined does not join them again.
        let mut other = stale_tab;
        other.merge(&library);
        assert_eq!(hashes(&other, &a), Some(vec!["ha".to_string()]));
        assert!(other.get(&b).is_some());
        library.merge(&other);
        assert_eq!(hashes(&library, &a), Some(vec!["ha".to_string()]));
    }

    #[test]
    fn rename_remove_and_merge_across_tabs() {
        let mut a = Library::default();
        let r = parse("Title line\n\n1. Text.\n");
        let id = a.open_text(&r, "h1", None, 10).id().to_string();
        let mut b = a.clone();
        a.rename(&id, "My copy", 20);
        assert_eq!(a.get(&id).unwrap().display_name(), "My copy");
        let other = b
            .open_text(&parse("Other\n\n1. X.\n"), "h2", None, 30)
            .id()
            .to_string();
        assert!(a.merge(&b));
        assert_eq!(a.entries().len(), 2);
        assert_eq!(
            a.get(&id).unwrap().display_name(),
            "My copy",
            "the newer rename wins"
        );
        assert_eq!(a.remove(&other, 40), ["h2"]);
        assert!(b.merge(&a));
        assert!(b.get(&other).is_none(), "the removal reaches the other tab");
        a.rename(&id, "", 50);
        assert_eq!(
            a.get(&id).unwrap().display_name(),
            "Title line",
            "an empty name goes back to the title"
        );
    }

    #[test]
    fn versions_from_both_tabs_survive_a_merge() {
        let mut a = Library::default();
        let base = parse(DEFAULT_REPORT);
        a.ensure_bundled("oic", "oic.txt", &base, "h0", 1);
        let mut b = a.clone();
        a.open_text(&base, "h1", None, 10);
        b.open_text(&base, "h2", None, 20);
        a.merge(&b);
        let hashes: Vec<&str> = a
            .get("oic")
            .unwrap()
            .versions
            .iter()
            .map(|v| v.hash.as_str())
            .collect();
        assert_eq!(hashes, ["h0", "h1", "h2"]);
    }

    #[test]
    fn the_library_round_trips_and_refuses_the_future() {
        let mut library = Library::default();
        library.open_text(&parse("T\n\n1. X.\n"), "h", Some("t.txt"), 5);
        let (back, _) = decode_value(encode_value(&library)).unwrap();
        assert_eq!(back, library);
        assert_eq!(
            decode("{\"version\": 9}"),
            Err(DecodeError::FutureVersion(9))
        );
        assert!(decode("nope").is_err());
    }

    #[test]
    fn a_source_is_read_with_its_fields_in_any_order() {
        let read = |json: &str| serde_json::from_str::<Source>(json).map_err(|e| e.to_string());
        for source in [
            Source::Bundled {
                file: "oic.txt".into(),
            },
            Source::Opened,
        ] {
            assert_eq!(read(&serde_json::to_string(&source).unwrap()), Ok(source));
        }
        assert_eq!(
            read(r#"{"file":"oic.txt","kind":"bundled"}"#),
            Ok(Source::Bundled {
                file: "oic.txt".into()
            })
        );
        assert!(read(r#"{"kind":"bundled"}"#)
            .unwrap_err()
            .contains("missing field `file`"));
        assert!(read(r#"{"kind":"borrowed"}"#)
            .unwrap_err()
            .contains("unknown variant `borrowed`"));
    }

    #[test]
    fn manifests_are_checked() {
        let ok = Manifest::parse(
            r#"{"reports":[{"id":"oic-cfm-51","file":"oic.txt","title":"Report"}]}"#,
        )
        .unwrap();
        assert_eq!(ok.find("oic-cfm-51").unwrap().file, "oic.txt");
        assert!(Manifest::parse(r#"{"reports":[{"id":"x","file":"../secret"}]}"#).is_err());
        assert!(Manifest::parse(r#"{"reports":[{"id":"a b","file":"x.txt"}]}"#).is_err());
        assert!(Manifest::parse("{").is_err());
        // A reader's own reports are named `r-<hash>`: a published one may not take such a name.
        assert!(
            Manifest::parse(r#"{"reports":[{"id":"r-0123456789abcdef","file":"x.txt"}]}"#).is_err()
        );
        assert!(Manifest::parse(r#"{"reports":[{"id":"r-annual-2025","file":"x.txt"}]}"#).is_ok());
    }
}
