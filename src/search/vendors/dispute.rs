//! One NPWP entity stated by records that cannot be one business (review39n R39n-4).
//!
//! An NPWP entity key is one legal entity, so records sharing it are merged (domain.md §5.4). But
//! a PT and a CV cannot be one legal entity, nor can two different names: one of the NPWPs was
//! mistyped, and which is not knowable from the records. The merged vendor then says so
//! (`NPWP_SHARED`, naming every name and form), and states no legal form where the forms
//! disagree and no scale at all, since either belongs to only one of the businesses. It is
//! decided from the set of accounts, so the answer does not depend on which record came first.

use super::{Account, Vendor};
use crate::codes::Code;
use crate::model::{BusinessScale, Issue, LegalForm};
use crate::normalize::region::by_code;
use std::collections::BTreeSet;

/// Whether two legal forms can be one business's: the same, one unstated, or one the name
/// reader takes as refining the other (a PT Perorangan is a PT; a UD or Toko is an individual's).
pub(super) fn forms_agree(a: LegalForm, b: LegalForm) -> bool {
    use LegalForm::{Perorangan, Pt, PtPerorangan, Toko, Ud, Unknown};
    a == b
        || a == Unknown
        || b == Unknown
        || matches!((a, b), (Pt, PtPerorangan) | (PtPerorangan, Pt))
        || matches!((a, b), (Perorangan, Ud | Toko) | (Ud | Toko, Perorangan))
}

/// The core of a name key (`"PT:MAJU JAYA"` → `"MAJU JAYA"`): what the name canonicaliser calls
/// the same name whatever its spelling.
fn core(name_key: &str) -> &str {
    name_key.split_once(':').map_or(name_key, |(_, core)| core)
}

/// Who the accounts say the vendor is: each distinct canonical name with its legal form, sorted.
/// `None` when they can all be one business. Only accounts stating the NPWP count: one joined by
/// name and region took a name already there. Accounts remembered before their names were kept
/// (no key) say nothing.
pub(super) fn conflicting(accounts: &BTreeSet<Account>) -> Option<Vec<(&str, LegalForm)>> {
    let named: Vec<&Account> = accounts.iter().filter(|a| !a.name_key.is_empty() && !a.by_name).collect();
    if !cannot_be_one(&named.iter().map(|a| (a.name_key.as_str(), a.legal_form)).collect::<Vec<_>>()) {
        return None;
    }
    let names: BTreeSet<(&str, LegalForm)> = named.iter().map(|a| (a.name.as_str(), a.legal_form)).collect();
    Some(names.into_iter().collect())
}

/// Whether records stating one NPWP entity under these name keys and legal forms cannot be one
/// business: two cores, or two forms that do not agree. The directory and an answer's policy
/// facts (`policy::facts`) decide by it alike.
pub(in crate::search) fn cannot_be_one(parties: &[(&str, LegalForm)]) -> bool {
    parties.iter().enumerate().any(|(i, (key, form))| {
        parties[i + 1..].iter().any(|(other, other_form)| core(key) != core(other) || !forms_agree(*form, *other_form))
    })
}

/// Whether a vendor's records were found not to be one business.
pub(super) fn is_disputed(vendor: &Vendor) -> bool {
    vendor.record.issues.iter().any(|issue| issue.code == Code::NpwpShared.as_str())
}

/// Brings a merged vendor's shown record in line with its accounts after they changed: a vendor
/// whose accounts conflict is named by every name they give, carries `NPWP_SHARED`, and states a
/// legal form only where every account agrees and no scale.
///
/// Its accounts that joined by name and region alone leave it, with the name-only vendors it
/// absorbed (returned: accounts, and the former ids no longer leading here): a name and a region
/// cannot say which of the businesses such an account is, and crediting the wrong one is worse
/// than showing it apart.
pub(super) fn settle(vendor: &mut Vendor) -> (Vec<Account>, Vec<String>) {
    vendor.record.issues.retain(|issue| issue.code != Code::NpwpShared.as_str());
    let Some(names) = conflicting(&vendor.accounts) else { return (Vec::new(), Vec::new()) };
    let forms: BTreeSet<LegalForm> = names.iter().map(|(_, form)| *form).filter(|f| *f != LegalForm::Unknown).collect();
    let agreed = forms.iter().all(|a| forms.iter().all(|b| forms_agree(*a, *b)));
    let name = names.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(" / ");
    let listed: Vec<String> = names.iter().map(|(name, form)| format!("{name} ({})", form_word(*form))).collect();
    let message = format!(
        "one NPWP entity is stated by {}, which cannot be one business: one NPWP is likely mistyped; \
         each offer's seller names its own account, and the vendor's legal form and scale are left unknown, \
         and its place and NPWP unless every account states the same",
        listed.join(" and ")
    );
    let record = &mut vendor.record;
    if !agreed {
        record.legal_form = LegalForm::Unknown;
    }
    record.scale = BusinessScale::Unknown;
    record.name = name;
    record.issues.push(Issue { field: "vendor.npwp", code: Code::NpwpShared.as_str(), message });
    let (joined, stated) = std::mem::take(&mut vendor.accounts).into_iter().partition(|a| a.by_name);
    vendor.accounts = stated;
    agree(vendor);
    let (named, former) = std::mem::take(&mut vendor.former_ids).into_iter().partition(|id| id.starts_with("name-"));
    vendor.former_ids = former;
    (joined.into_iter().collect(), named)
}

/// Places a disputed vendor, and gives its full NPWP, only where every account states the same:
/// each account's is only its business's, and the record shown (the head office met first) was
/// whichever business a search happened to meet first.
fn agree(vendor: &mut Vendor) {
    let accounts = &vendor.accounts;
    let region = same(accounts.iter().map(|a| a.region_code.as_deref())).and_then(by_code).map(|r| r.code);
    let located = region.and_then(|code| accounts.iter().find(|a| a.region_code.as_deref() == Some(code)));
    let record = &mut vendor.record;
    record.region_code = region;
    record.location = located.and_then(|a| a.location.clone());
    // What was unclear about the place was the first record's.
    record.issues.retain(|issue| issue.field != "vendor.region");
    record.npwp = same(accounts.iter().map(|a| a.npwp.as_deref())).map(str::to_string);
    record.npwp15 = same(accounts.iter().map(|a| a.npwp15.as_deref())).map(str::to_string);
}

/// The value every item states, when all state one.
fn same<'a>(mut values: impl Iterator<Item = Option<&'a str>>) -> Option<&'a str> {
    let first = values.next()??;
    values.all(|value| value == Some(first)).then_some(first)
}

/// The form as a buyer reads it (`PT`, `CV`, `no form stated`).
fn form_word(form: LegalForm) -> &'static str {
    match form {
        LegalForm::Unknown => "no form stated",
        form => crate::normalize::vendor::legal_form_code(form),
    }
}
