//! The names of a model's series written in words around its number (review37m R37m-7): a
//! number after a word (`IdeaPad Slim 3 14` / `Slim 5 14`) and a line of two words before a code
//! (`Ink Tank 315` / `Smart Tank 315`). A shared number beside them (`14`, `315`) related the two
//! titles' models, and the words were one-sided detail or the kind's.

use super::ProductKey;
use super::category::category;
use super::lex::{Class, Tok};
use super::place::Series;
use super::tables;

/// The series `toks` (a whole title's tokens) write, of the words and model codes the key keeps:
/// `words` says whether a word is the key's own (a kept word or its kind's, no brand, no noise).
/// A line's words come after the maker's name, which ends at `maker_end`: in `Stapler Max HD-10`
/// the words before the code are the kind and a maker's name.
pub(super) fn read(toks: &[Tok], words: impl Fn(&str) -> bool, specs: &[String], maker_end: Option<usize>) -> Series {
    let model = |text: &str| specs.iter().any(|s| s == text && category(s) == "model");
    let word = |t: &Tok| t.class == Class::Word && words(tables::synonym(&t.text));
    let mut series = Series::default();
    for (at, tok) in toks.iter().enumerate() {
        let next = toks.get(at + 1);
        // `Slim 3 14`, not `Kabel 2 x 1.5` nor `Lem 150 gr`: the number a model spec of its own.
        let measured =
            next.is_some_and(|n| n.is("x") || tables::unit(&n.text).is_some() || tables::is_pack_word(&n.text));
        if tok.class == Class::Num && model(&tok.text) && !measured && at > 0 && word(&toks[at - 1]) {
            series.numbered.push((tables::synonym(&toks[at - 1].text).to_string(), tok.text.clone()));
        }
        let after_maker = maker_end.is_some_and(|end| at >= end + 2);
        if tok.class != Class::Word && model(&tok.text) && after_maker && word(&toks[at - 1]) && word(&toks[at - 2]) {
            let named = |t: &Tok| tables::synonym(&t.text).to_string();
            series.lined.push([tok.text.clone(), named(&toks[at - 1]), named(&toks[at - 2])]);
        }
    }
    series
}

/// Two titles naming other series of one model: a number after one word (`Slim 3` / `Slim 5`),
/// which neither title states of the other; or the word before one word before one code (`Ink
/// Tank 315` / `Smart Tank 315`), which the other title does not write.
pub(super) fn apart<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(Vec<&'a str>, Vec<&'a str>)> {
    let states = |k: &ProductKey, number: &str| k.specs.iter().any(|s| s == number);
    let numbered = a.place.series.numbered.iter().find_map(|(word, x)| {
        let (_, y) = b.place.series.numbered.iter().find(|(other, y)| other == word && y != x)?;
        (!states(a, y) && !states(b, x)).then(|| (vec![word.as_str(), x.as_str()], vec![word.as_str(), y.as_str()]))
    });
    numbered.or_else(|| {
        a.place.series.lined.iter().find_map(|[code, word, x]| {
            let [_, _, y] = b.place.series.lined.iter().find(|[c, w, y]| c == code && w == word && y != x)?;
            (!writes(a, y) && !writes(b, x)).then(|| (vec![x.as_str(), word.as_str()], vec![y.as_str(), word.as_str()]))
        })
    })
}

/// Whether a key writes `word`: among its words, its kind's or its brand's.
fn writes(key: &ProductKey, word: &str) -> bool {
    key.tokens.iter().any(|t| t == word)
        || key.kind.split(' ').any(|k| k == word)
        || key.brand.as_deref().is_some_and(|b| b.split(' ').any(|w| w.eq_ignore_ascii_case(word)))
}
