//! `pasar serve`: the gateway over configured marketplaces (the demo is in `demo.rs`).

use crate::config::Config;
use crate::marketplace::Env;
use crate::startup::{Application, shutdown_signal};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Arguments of `pasar serve`.
#[derive(Debug, Default, clap::Args)]
pub(super) struct ServeArgs {
    /// Configuration file (pasar.toml); without it the embedded demo runs.
    #[arg(long)]
    pub(super) config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080]; a host name resolves (`localhost:8080`).
    #[arg(long, value_parser = crate::config::parse_listen)]
    pub(super) listen: Option<SocketAddr>,
    /// Demo only: products per sandbox marketplace.
    #[arg(long, default_value_t = 10_000)]
    pub(super) products: usize,
}

/// Serves the marketplaces of a configuration file.
pub(super) async fn with_config(args: ServeArgs) -> anyhow::Result<()> {
    let Some(file) = &args.config else {
        anyhow::bail!("`--config FILE` is needed to serve configured marketplaces");
    };
    let mut config = Config::load(Some(file))?;
    for note in config.notes() {
        tracing::info!("{note}");
    }
    if let Some(listen) = args.listen {
        config.listen = listen;
    }
    let app = start(&config, Env::process(), &file.display().to_string()).await?;
    app.run_until(shutdown_signal()).await?;
    Ok(())
}

/// Builds the gateway and says where it serves; `source` names where its configuration came from.
pub(super) async fn start(config: &Config, env: Env, source: &str) -> anyhow::Result<Application> {
    let app = Application::build(config, env).await?;
    let url = format!("http://{}/graphql", app.local_addr());
    tracing::info!(%url, marketplaces = app.marketplace_count(), config = source, "Pasar is serving.");
    println!("Pasar is serving GraphQL at {url} (GraphiQL: open it in a browser).");
    Ok(app)
}
