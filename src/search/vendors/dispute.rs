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
/// `None` when they can all be one business. Accounts remembered before their names were kept
/// (no key) say nothing.
pub(super) fn conflicting(accounts: &BTreeSet<Account>) -> Option<Vec<(&str, LegalForm)>> {
    let named: Vec<&Account> = accounts.iter().filter(|a| !a.name_key.is_empty()).collect();
    let apart = named.iter().enumerate().any(|(i, a)| {
        named[i + 1..]
            .iter()
            .any(|b| core(&a.name_key) != core(&b.name_key) || !forms_agree(a.legal_form, b.legal_form))
    });
    if !apart {
        return None;
    }
    let names: BTreeSet<(&str, LegalForm)> = named.iter().map(|a| (a.name.as_str(), a.legal_form)).collect();
    Some(names.into_iter().collect())
}

/// Whether a vendor's records were found not to be one business.
pub(super) fn is_disputed(vendor: &Vendor) -> bool {
    vendor.record.issues.iter().any(|issue| issue.code == Code::NpwpShared.as_str())
}

/// Brings a merged vendor's shown record in line with its accounts after they changed: a vendor
/// whose accounts conflict is named by every name they give, carries `NPWP_SHARED`, and states a
/// legal form only where every account agrees and no scale.
pub(super) fn settle(vendor: &mut Vendor) {
    vendor.record.issues.retain(|issue| issue.code != Code::NpwpShared.as_str());
    let Some(names) = conflicting(&vendor.accounts) else { return };
    let forms: BTreeSet<LegalForm> = names.iter().map(|(_, form)| *form).filter(|f| *f != LegalForm::Unknown).collect();
    let agreed = forms.iter().all(|a| forms.iter().all(|b| forms_agree(*a, *b)));
    let record = &mut vendor.record;
    if !agreed {
        record.legal_form = LegalForm::Unknown;
    }
    record.scale = BusinessScale::Unknown;
    record.name = names.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(" / ");
    let listed: Vec<String> = names.iter().map(|(name, form)| format!("{name} ({})", form_word(*form))).collect();
    let message = format!(
        "one NPWP entity is stated by {}, which cannot be one business: one NPWP is likely mistyped; \
         each offer's seller names its own account, and the vendor's legal form and scale are left unknown",
        listed.join(" and ")
    );
    record.issues.push(Issue { field: "vendor.npwp", code: Code::NpwpShared.as_str(), message });
}

/// The form as a buyer reads it (`PT`, `CV`, `no form stated`).
fn form_word(form: LegalForm) -> &'static str {
    match form {
        LegalForm::Unknown => "no form stated",
        form => crate::normalize::vendor::legal_form_code(form),
    }
}
