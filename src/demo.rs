//! The embedded demo: sandbox marketplaces in-process on loopback, the bundled adapters pointed
//! at them, so `cargo run --release` shows real federated results with no setup.

use crate::config::Config;
use crate::marketplace::Env;
use crate::marketplace::Override;
use crate::sandbox::{self, RunningSandbox, SandboxOptions};
use std::net::{Ipv4Addr, SocketAddr};

/// Environment variable the bundled mbiz adapter reads its bearer token from.
pub const MBIZ_TOKEN_ENV: &str = "MBIZ_TOKEN";
/// Environment variable the bundled ekatalog adapter reads its API key from.
pub const EKATALOG_KEY_ENV: &str = "EKATALOG_API_KEY";

/// A running set of sandboxes and the configuration that points the gateway at them.
pub struct Demo {
    /// Gateway configuration with every bundled marketplace's base URL replaced.
    pub config: Config,
    /// Secrets the sandboxes accept, layered over the process environment.
    pub env: Env,
    /// The sandboxes; dropping them stops them.
    pub sandboxes: Vec<RunningSandbox>,
}

/// Starts every sandbox on a free loopback port and configures the gateway to use them.
pub async fn start(listen: SocketAddr, options: &SandboxOptions) -> std::io::Result<Demo> {
    let sandboxes = sandbox::spawn_all(options, Ipv4Addr::LOCALHOST.into()).await?;
    // The bundled adapters are compiled in, so the demo starts from any folder.
    let mut config = Config { listen, bundled_adapters: true, ..Config::default() };
    // A demo is for trying things, from any page on any port.
    config.http.cors_origins = vec!["*".into()];
    // The sandboxes listen on loopback, which production egress rules forbid.
    config.egress.allow_private = true;
    for sandbox in &sandboxes {
        let base_url = Some(sandbox.base_url());
        config.marketplaces.insert(sandbox.kind().id().to_string(), Override { base_url, ..Override::default() });
    }
    let env = Env::process()
        .with(MBIZ_TOKEN_ENV, options.mbiz_token.clone())
        .with(EKATALOG_KEY_ENV, options.ekatalog_key.clone());
    Ok(Demo { config, env, sandboxes })
}

/// A query to paste into GraphiQL, printed at start-up and shown in the README.
pub const SAMPLE_QUERY: &str = r#"{
  search(query: "kertas hvs a4", first: 5) {
    complete
    sources { marketplace { id } status cache latencyMs offerCount message }
    offers {
      totalCount
      edges { node {
        id title
        price { amount includesVat amountExcludingVat amountIncludingVat formatted }
        vendor { name legalForm npwp }
      } }
    }
  }
}"#;
