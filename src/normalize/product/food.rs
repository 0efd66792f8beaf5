//! Food and drink: a flavour tells two variants of one product apart as a colour does (`Susu
//! Ultra Milk Coklat` is not `… Stroberi`), and a title about them is where a glued `5G` is five
//! grams, not a network.

/// Flavours in Indonesian and English, to one Indonesian name. `Coklat` is a colour's name too:
/// a flavour's spec is read as a colour's (`category`), so chocolate is the same spec either way.
#[rustfmt::skip]
pub(super) const FLAVOURS: &[(&str, &str)] = &[
    ("coklat", "coklat"), ("cokelat", "coklat"), ("chocolate", "coklat"), ("choco", "coklat"),
    ("stroberi", "stroberi"), ("strawberry", "stroberi"), ("strawbery", "stroberi"),
    ("vanila", "vanila"), ("vanilla", "vanila"), ("vanili", "vanila"),
    ("melon", "melon"), ("moka", "moka"), ("mocha", "moka"), ("mocca", "moka"), ("taro", "taro"),
    ("pisang", "pisang"), ("banana", "pisang"), ("anggur", "anggur"), ("grape", "anggur"),
    ("mangga", "mangga"), ("mango", "mangga"), ("leci", "leci"), ("lychee", "leci"),
    ("matcha", "matcha"), ("fullcream", "fullcream"), ("plain", "plain"),
];

/// Words of a title about food or drink, or a good sold by its weight in grams.
#[rustfmt::skip]
const FOOD_WORDS: &[&str] = &[
    "susu", "milk", "yogurt", "yoghurt", "keju", "cheese", "kopi", "coffee", "teh", "tea", "gula", "sugar",
    "garam", "tepung", "beras", "minyak", "mie", "mi", "indomie", "snack", "biskuit", "biscuit", "wafer",
    "roti", "kue", "permen", "candy", "sirup", "syrup", "jus", "juice", "minuman", "drink", "makanan", "food",
    "bumbu", "saus", "sambal", "kecap", "penyedap", "kaldu", "bubuk", "powder", "madu", "selai", "sereal",
    "oat", "eskrim", "salep", "krim", "bedak",
];

/// Whether a title, by its words, is about food or drink or a good weighed in grams.
pub(super) fn edible<'a>(words: impl IntoIterator<Item = &'a str>) -> bool {
    words.into_iter().any(|w| FOOD_WORDS.contains(&w))
}

/// The flavour a word names, if any.
pub(super) fn flavour(word: &str) -> Option<&'static str> {
    FLAVOURS.iter().find(|(w, _)| *w == word).map(|(_, f)| *f)
}

/// The flavour a title names with `word`, `next` after it, and how many words it takes: `Full
/// Cream` is one, and `Plain` is a flavour only on `food` (`Kaos Plain` is a plain shirt).
pub(super) fn named(word: &str, next: Option<&str>, food: bool) -> Option<(&'static str, usize)> {
    if word == "full" && next == Some("cream") {
        return Some(("fullcream", 2));
    }
    flavour(word).filter(|f| *f != "plain" || food).map(|f| (f, 1))
}
