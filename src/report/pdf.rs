//! Why a PDF could not be read, as the PDF engine (pdf.js) says it, in the reader's words. The
//! text of a PDF that can be read is laid out by the document reader's worker
//! (`document-reader`, its `layout`), which also tells a scanned PDF.

/// What went wrong reading a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfProblem {
    /// Encrypted: it opens only with its password.
    Password,
    /// Not a PDF after all, or a damaged one.
    Damaged,
    /// The reader stopped it.
    Cancelled,
    /// Anything else the PDF engine said.
    Engine(String),
}

impl PdfProblem {
    /// The problem a PDF engine's error names (pdf.js's `PasswordException`,
    /// `InvalidPDFException`, …).
    pub fn named(name: &str, message: &str) -> PdfProblem {
        match name {
            "PasswordException" => PdfProblem::Password,
            "InvalidPDFException"
            | "MissingPDFException"
            | "UnexpectedResponseException"
            | "FormatError" => PdfProblem::Damaged,
            "Cancelled" => PdfProblem::Cancelled,
            _ => PdfProblem::Engine(message.chars().take(200).collect()),
        }
    }
}

impl std::fmt::Display for PdfProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfProblem::Password => write!(f, "This PDF is protected by a password, so its text cannot be read. Open it with its password elsewhere and save a copy without one."),
            PdfProblem::Damaged => write!(f, "This file is damaged or is not a PDF after all: no text could be read from it."),
            PdfProblem::Cancelled => write!(f, "Reading the PDF was stopped; nothing was opened."),
            PdfProblem::Engine(message) => write!(f, "The PDF could not be read ({message})."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engines_errors_are_told_in_words() {
        assert_eq!(
            PdfProblem::named("PasswordException", "No password given"),
            PdfProblem::Password
        );
        assert_eq!(
            PdfProblem::named("InvalidPDFException", "Invalid PDF structure."),
            PdfProblem::Damaged
        );
        assert_eq!(PdfProblem::named("Cancelled", ""), PdfProblem::Cancelled);
        assert_eq!(
            PdfProblem::named("UnknownErrorException", "Something odd"),
            PdfProblem::Engine("Something odd".into())
        );
        assert!(PdfProblem::Password
            .to_string()
            .starts_with("This PDF is protected by a password"));
    }
}
