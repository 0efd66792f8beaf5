//! Entry points for the criterion benchmarks (`benches/gateway.rs`): reading one saved page
//! through an adapter file, whole or only its scan, with the item memo absent, empty or knowing
//! the page. Not part of the API.

use super::definition::AdapterDefinition;
use super::direct::PagePlan;
use super::http::{parse_page, plan_of, vat_policy};
use super::memo::ItemMemo;
use super::validate::parse_definition;
use crate::normalize::vat::VatPolicy;
use std::path::Path;
use std::sync::Arc;

/// What reads an adapter's pages, as its [`HttpAdapter`](super::http::HttpAdapter) does.
pub struct PageReader {
    definition: AdapterDefinition,
    plan: PagePlan,
    vat: Arc<VatPolicy>,
}

/// An adapter's memo of items read, by their bytes.
#[derive(Default)]
pub struct Memo(ItemMemo);

impl PageReader {
    /// The reader of an adapter file; panics on a file that does not validate or cannot be read
    /// directly (a benchmark's input is fixed).
    pub fn new(adapter_file: &str) -> Self {
        let definition = parse_definition(Path::new("bench.toml"), adapter_file).expect("a valid adapter file");
        let plan = plan_of(&definition).expect("pointers read in one pass");
        let vat = Arc::new(vat_policy(&definition));
        Self { definition, plan, vat }
    }

    /// Reads `body` into items, through `memo` when given; how many were read.
    pub fn read(&self, body: &[u8], memo: Option<&Memo>) -> usize {
        let memo = memo.map(|m| &m.0);
        parse_page(&self.definition, Some(&self.plan), memo, &self.vat, body).map_or(0, |page| page.items.len())
    }

    /// Only the page's own walk, its items kept as text: how many there are.
    pub fn scan(&self, body: &[u8]) -> usize {
        self.plan.read(body).map_or(0, |page| page.items.len())
    }
}
