//! Values that read but would quietly mean something other than what was written (review35o
//! O35-9): refused with their key, as the bounds are; and the zeros that switch something off,
//! which `pasar check` and `serve` say in words.

use super::{Config, RateLimit};
use std::collections::BTreeMap;

/// What a `[clients]` entry's `scopes` may hold: `admin` runs operator mutations,
/// `transactions` lists a buyer's transactions (`graphql/http.rs` asks for both).
pub const SCOPES: &[&str] = &["admin", "transactions"];

impl Config {
    /// Clients, log filter and trace collector that cannot mean what they say, as
    /// "`[table] key`: reason".
    pub(super) fn misread(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut owners: BTreeMap<String, &str> = BTreeMap::new();
        for (name, client) in &self.clients {
            for scope in client.scopes.iter().filter(|s| !SCOPES.contains(&s.as_str())) {
                problems
                    .push(format!("`[clients.{name}] scopes`: `{scope}` is no scope (known: {})", SCOPES.join(", ")));
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
        Err(e) => Some(format!("`{endpoint}` is not a URL ({e}); write it as http://otel-collector:4318")),
        Ok(url) if !matches!(url.scheme(), "http" | "https") || url.host().is_none() => {
            Some(format!("`{endpoint}` must be an http(s) URL with a host, as http://otel-collector:4318"))
        }
        Ok(_) => None,
    }
}
