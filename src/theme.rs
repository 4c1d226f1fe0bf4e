//! The colour theme the reader chose: like the system (the default), light or dark. Stored as
//! its key, on its own, so that nothing else the app stores has to change with it.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored form, and the value of the choice in the page.
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key.trim())
    }

    /// What the choice is called where the reader picks it.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Like the system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    /// The page's `data-theme`, which the style sheet reads; none follows the system.
    pub fn page_attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_theme_reads_back_from_its_key_and_nothing_else_does() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_key(theme.key()), Some(theme));
        }
        assert_eq!(Theme::from_key(" dark\n"), Some(Theme::Dark));
        assert_eq!(Theme::from_key("Dark mode"), None);
        assert_eq!(Theme::from_key(""), None);
        assert_eq!(Theme::default(), Theme::System);
        assert_eq!(
            Theme::System.page_attribute(),
            None,
            "following the system sets nothing"
        );
    }
}
