//! Values that read but would quietly mean something other than what was written (review35o
//! O35-9): refused with their key, as the bounds are; and the zeros that switch something off,
//! which `pasar check` and `serve` say in words.

use super::{Config, RateLimit};
use crate::telemetry::masked::masked_url;
use std::collections::BTreeMap;

/// What a `[clients]` entry's `scopes` may hold. The gateway asks for a scope by this type, never
/// by its text (`graphql/http.rs`), so a scope it checks for is one a client can be given, and a
/// name refused here is one nothing asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Runs operator mutations, as the admin token does.
    Admin,
    /// Lists a buyer's spending transactions.
    Transactions,
}

impl Scope {
    /// Every scope, in the order `pasar check` lists them.
    pub const ALL: [Self; 2] = [Self::Admin, Self::Transactions];

    /// Its name in `scopes = [..]`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Transactions => "transactions",
        }
    }

    /// The scope written `name`, exactly (as a client's scopes are matched).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.name() == name)
    }
}

impl Config {
    /// Clients, log filter and trace collector that cannot mean what they say, as
    /// "`[table] key`: reason".
    pub(super) fn misread(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut owners: BTreeMap<String, &str> = BTreeMap::new();
        for (name, client) in &self.clients {
            for scope in client.scopes.iter().filter(|s| Scope::named(s).is_none()) {
                let known = Scope::ALL.map(Scope::name).join(", ");
                problems.push(format!("`[clients.{name}] scopes`: `{scope}` is no scope (known: {known})"));
            }
            // Keys are looked up by hash: of two clients with one key, only one would ever be seen.
            if let Some(first) = owners.insert(client.key_sha256.trim().to_ascii_lowercase(), name) {
                problems.push(format!(
                    "`[clients.{name}] key_sha256`: the same key as [clients.{first}]; one key names one client"
                ));
            }
        }
        if let Some(problem) = self.log.level.as_deref().and_then(crate::telemetry::logging::level_problem) {
            problems.push(format!("`[log] level`: {problem}"));
        }
        if let Some(problem) = self.telemetry.otlp_endpoint.as_deref().and_then(collector_problem) {
            problems.push(format!("`[telemetry] otlp_endpoint`: {problem}"));
        }
        // They win over the file's key, so they are held to it: a bad one only warned, and
        // Pasar served without traces (review40o R40o-20).
        for var in ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"] {
            let value = std::env::var(var).ok().filter(|value| !value.trim().is_empty());
            if let Some(problem) = value.as_deref().and_then(collector_problem) {
                problems.push(format!("{var}: {problem}"));
            }
        }
        problems
    }

    /// What each zero that switches something off means here, one sentence each.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        let mut rate = |key: &str, rate: &RateLimit| {
            if rate.per_second == 0 {
                notes.push(format!("`{key}` per_second = 0: no request limit for these clients"));
            } else if rate.burst == 0 {
                notes.push(format!("`{key}` burst = 0: a burst of per_second ({})", rate.per_second));
            }
        };
        rate("[limits] rate", &self.limits.rate);
        for (name, client) in &self.clients {
            if let Some(own) = &client.rate {
                rate(&format!("[clients.{name}] rate"), own);
            }
        }
        if self.defaults.breaker_threshold == 0 {
            notes.push("`[defaults] breaker_threshold` = 0: no circuit breaker; a failing marketplace is called on every request".into());
        }
        if self.telemetry.ready_min == 0 {
            notes.push(
                "`[telemetry] ready_min` = 0: /readyz answers 200 whether any marketplace is reachable or not".into(),
            );
        }
        notes
    }
}

/// Why `endpoint` cannot be an OTLP/HTTP collector's base URL, if it cannot.
fn collector_problem(endpoint: &str) -> Option<String> {
    match url::Url::parse(endpoint.trim()) {
        Err(e) => {
            Some(format!("`{}` is not a URL ({e}); write it as http://otel-collector:4318", masked_url(endpoint)))
        }
        Ok(url) if !matches!(url.scheme(), "http" | "https") || url.host().is_none() => Some(format!(
            "`{}` must be an http(s) URL with a host, as http://otel-collector:4318",
            masked_url(endpoint)
        )),
        Ok(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Scope;

    /// Where each scope stands in [`Scope::ALL`]: a scope added to the type does not compile here
    /// until it is given a place, and the test below then finds it missing from `ALL`.
    fn place(scope: Scope) -> usize {
        match scope {
            Scope::Admin => 0,
            Scope::Transactions => 1,
        }
    }

    #[test]
    fn every_scope_the_gateway_asks_for_can_be_given_to_a_client_by_its_name_alone() {
        for (at, scope) in Scope::ALL.into_iter().enumerate() {
            assert_eq!(place(scope), at, "Scope::ALL holds {scope:?} in another's place");
            assert_eq!(Scope::named(scope.name()), Some(scope), "`{}` is refused in a client's scopes", scope.name());
        }
        for other in ["Admin", "transaction", " admin", ""] {
            assert_eq!(Scope::named(other), None, "`{other}` is no scope");
        }
    }
}
