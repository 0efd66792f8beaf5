//! The commands that need the sandbox marketplaces: the embedded demo and `pasar sandbox`.

use super::serve::{ServeArgs, start};
use crate::config::Config;
use crate::demo;
use crate::sandbox::{self, MarketplaceKind, SandboxOptions};
use crate::startup::shutdown_signal;
use std::net::SocketAddr;

/// What `pasar sandbox --help` says about serving the sandboxes with a configuration file; a test
/// checks it against the sandboxes' real secrets and ports.
pub(super) const SANDBOX_SECRETS: &str = "\
Secrets for `pasar serve --config pasar.toml` over these sandboxes (the bundled adapters read them
from the environment; the sandboxes accept these values by default):
  MBIZ_TOKEN=sandbox-mbiz-token
  EKATALOG_API_KEY=sandbox-ekatalog-key
With the default --listen the marketplaces take ports 9100 (mbiz), 9101 (jatim-bejo),
9102 (ekatalog), 9103 (padi-umkm) and 9104 (bela); in pasar.toml:
  [egress]
  allow_private = true             # the sandboxes listen on loopback
  [marketplaces.mbiz]
  base_url = \"http://127.0.0.1:9100\"   # and likewise jatim-bejo, ekatalog, padi-umkm, bela";

/// Arguments of `pasar sandbox`.
#[derive(Debug, clap::Args)]
pub(super) struct SandboxArgs {
    /// Marketplaces to run (repeatable); all when omitted.
    #[arg(long = "marketplace")]
    pub(super) marketplaces: Vec<MarketplaceKind>,
    /// Address of the first marketplace; the next ones take the following ports (port 0: any).
    #[arg(long, default_value = "127.0.0.1:9100", value_parser = crate::config::parse_listen)]
    pub(super) listen: SocketAddr,
    /// Products per marketplace.
    #[arg(long, default_value_t = 10_000)]
    pub(super) products: usize,
    /// Catalogue seed.
    #[arg(long, default_value_t = 42)]
    pub(super) seed: u64,
    /// Latency added to every search, in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub(super) latency_ms: u64,
    /// Fault mode for every search: none, status, hang, garbage, html, wrong_types, oversized,
    /// headers_then_stall, slow_drip, reset, truncated, gzip_bomb, flapping.
    #[arg(long, default_value = "none")]
    pub(super) fault: String,
    /// HTTP status for `--fault status`.
    #[arg(long)]
    pub(super) status: Option<u16>,
    /// Share of searches the fault applies to, 0 to 1.
    #[arg(long)]
    pub(super) error_rate: Option<f64>,
}

/// The embedded demo: sandboxes on loopback, the bundled adapters pointed at them.
pub(super) async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let deployment = deployment_vars(std::env::vars());
    if !deployment.is_empty() {
        anyhow::bail!(
            "{} set but no --config given: the embedded demo would serve made-up offers under real \
             marketplace names; run `pasar serve --config pasar.toml` (or unset them for the demo)",
            deployment.join(", ")
        );
    }
    let options = SandboxOptions { products: args.products, ..SandboxOptions::default() };
    let demo::Demo { mut config, env, sandboxes } = demo::start(Config::load(None)?.listen, &options).await?;
    if let Some(listen) = args.listen {
        config.listen = listen;
    }
    let app = start(&config, env, "embedded demo").await?;
    for s in &sandboxes {
        println!("  sandbox {:<11} {}", s.kind().id(), s.base_url());
    }
    println!("Paste this query into GraphiQL:\n{}", demo::SAMPLE_QUERY);
    app.run_until(shutdown_signal()).await?;
    drop(sandboxes);
    Ok(())
}

/// The `PASAR_*` variables of `vars` that only a deployment sets: a container that lost its
/// `--config` served the demo's sandboxes as the real marketplaces, to any origin, and ignored
/// its adapters folder (review40o R40o-14). Tuning (`[limits]`, `[log]`, …) and a loopback
/// `PASAR_LISTEN` are the demo's too. Names only: a value may hold a password.
fn deployment_vars(vars: impl Iterator<Item = (String, String)>) -> Vec<String> {
    const DEPLOYMENT: &[&str] = &[
        "PASAR_ADAPTERS_DIR",
        "PASAR_BUNDLED_ADAPTERS",
        "PASAR_MARKETPLACES__",
        "PASAR_CACHE__REDIS",
        "PASAR_REDIS_PASSWORD",
        "PASAR_CLIENTS__",
        "PASAR_EGRESS__",
        "PASAR_HTTP__CORS_ORIGINS",
    ];
    let mut named: Vec<String> = vars
        .filter(|(name, value)| {
            let listen_outside =
                name == "PASAR_LISTEN" && crate::config::parse_listen(value).is_ok_and(|addr| !addr.ip().is_loopback());
            listen_outside || DEPLOYMENT.iter().any(|prefix| name.starts_with(prefix))
        })
        .map(|(name, _)| name)
        .collect();
    named.sort();
    named
}

pub(super) async fn run_sandboxes(args: SandboxArgs) -> anyhow::Result<()> {
    let kinds = if args.marketplaces.is_empty() { MarketplaceKind::all().to_vec() } else { args.marketplaces };
    let options = SandboxOptions { products: args.products, seed: args.seed, ..SandboxOptions::default() };
    let (products, seed) = (options.products, options.seed);
    // Generating 100 000 listings takes a moment: off the async threads.
    let catalogue =
        std::sync::Arc::new(tokio::task::spawn_blocking(move || sandbox::Catalogue::generate(products, seed)).await?);
    let mut running = Vec::new();
    for (i, kind) in kinds.into_iter().enumerate() {
        let mut addr = args.listen;
        if addr.port() != 0 {
            addr.set_port(addr.port() + u16::try_from(i)?);
        }
        let sandbox = sandbox::spawn(kind, catalogue.clone(), &options, addr).await?;
        let faults = sandbox::FaultConfig {
            latency_ms: args.latency_ms,
            mode: args.fault.clone(),
            status: args.status,
            rate: args.error_rate,
            ..sandbox::FaultConfig::default()
        };
        sandbox.faults().apply(&faults).map_err(|e| anyhow::anyhow!("--fault: {e}"))?;
        println!("sandbox {:<11} {}", kind.id(), sandbox.base_url());
        running.push(sandbox);
    }
    println!("{SANDBOX_SECRETS}");
    shutdown_signal().await;
    for sandbox in running {
        sandbox.stop().await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_help_names_the_secrets_and_ports_the_sandboxes_really_use() {
        let options = SandboxOptions::default();
        assert!(SANDBOX_SECRETS.contains(&format!("{}={}", demo::MBIZ_TOKEN_ENV, options.mbiz_token)));
        assert!(SANDBOX_SECRETS.contains(&format!("{}={}", demo::EKATALOG_KEY_ENV, options.ekatalog_key)));
        for (i, kind) in MarketplaceKind::all().iter().enumerate() {
            assert!(SANDBOX_SECRETS.contains(&format!("{} ({})", 9100 + i, kind.id())), "{}", kind.id());
        }
    }

    fn named(vars: &[(&str, &str)]) -> Vec<String> {
        deployment_vars(vars.iter().map(|(name, value)| (name.to_string(), value.to_string())))
    }

    #[test]
    fn a_deployments_variables_are_named_and_the_demos_own_tuning_is_not() {
        let deployment = [
            ("PASAR_ADAPTERS_DIR", "/etc/pasar/adapters"),
            ("PASAR_CACHE__REDIS__URL", "redis://redis:6379"),
            ("PASAR_LISTEN", "0.0.0.0:8080"),
            ("PASAR_MARKETPLACES__MBIZ__BASE_URL", "https://api.example"),
        ];
        assert_eq!(named(&deployment), deployment.map(|(name, _)| name.to_string()));
        let demo = [("PASAR_LISTEN", "127.0.0.1:8080"), ("PASAR_LOG__FORMAT", "json"), ("HOME", "/root")];
        assert_eq!(named(&demo), Vec::<String>::new());
    }
}
