//! The page's language: Bahasa Indonesia unless `?lang=en`.

/// Which language a page is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia, the default: the buyers are Indonesian procurement officers.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// `"en"` selects English, `"id"` (or nothing) Indonesian; any other value is refused, so a
    /// `lang=xx` is answered with an error in Indonesian rather than silently.
    pub fn from_param(value: &str) -> Option<Self> {
        match value.to_ascii_lowercase().as_str() {
            "en" => Some(Self::En),
            "id" | "" => Some(Self::Id),
            _ => None,
        }
    }

    /// The `lang` attribute of the page.
    pub fn code(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::En => "en",
        }
    }

    /// The Indonesian or the English text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Id => id,
            Self::En => en,
        }
    }
}
