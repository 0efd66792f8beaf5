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
    /// `"en"` selects English; anything else is Indonesian.
    pub fn from_param(value: &str) -> Self {
        if value.eq_ignore_ascii_case("en") { Self::En } else { Self::Id }
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
