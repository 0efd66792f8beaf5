//! The command line: `pasar [serve|schema|check|sandbox]`.

use crate::config::Config;
use crate::marketplace::{Env, registry};
use crate::sandbox::{self, MarketplaceKind, SandboxOptions};
use crate::startup::{Application, shutdown_signal};
use crate::{demo, graphql};
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Pasar: one GraphQL API over Indonesia's public-procurement marketplaces.
#[derive(Debug, Parser)]
#[command(name = "pasar", version, about)]
pub struct Cli {
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the gateway. Without --config: the embedded demo over in-process sandboxes.
    Serve(ServeArgs),
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Validate adapter files; prints every problem and exits 1 if there is any.
    Check {
        /// Directory of adapter files.
        #[arg(default_value = "adapters")]
        dir: PathBuf,
    },
    /// Run sandbox marketplaces standalone.
    Sandbox(SandboxArgs),
}

/// Arguments of `pasar serve`.
#[derive(Debug, Default, clap::Args)]
pub struct ServeArgs {
    /// Configuration file (pasar.toml); without it the embedded demo runs.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long)]
    pub listen: Option<SocketAddr>,
    /// Demo only: products per sandbox marketplace.
    #[arg(long, default_value_t = 10_000)]
    pub products: usize,
}

/// Arguments of `pasar sandbox`.
#[derive(Debug, clap::Args)]
pub struct SandboxArgs {
    /// Marketplaces to run (repeatable); all when omitted.
    #[arg(long = "marketplace")]
    pub marketplaces: Vec<MarketplaceKind>,
    /// Address of the first marketplace; the next ones take the following ports (port 0: any).
    #[arg(long, default_value = "127.0.0.1:9100")]
    pub listen: SocketAddr,
    /// Products per marketplace.
    #[arg(long, default_value_t = 10_000)]
    pub products: usize,
    /// Catalogue seed.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Latency added to every search, in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Fault mode for every search: none, status, hang, garbage, html, wrong_types, oversized,
    /// headers_then_stall, slow_drip, reset, truncated, gzip_bomb, flapping.
    #[arg(long, default_value = "none")]
    pub fault: String,
    /// HTTP status for `--fault status`.
    #[arg(long)]
    pub status: Option<u16>,
    /// Share of searches the fault applies to, 0 to 1.
    #[arg(long)]
    pub error_rate: Option<f64>,
}

/// Runs the command line; the exit code says whether it succeeded.
pub async fn run(cli: Cli) -> ExitCode {
    let outcome = match cli.command.unwrap_or(Command::Serve(ServeArgs { products: 10_000, ..ServeArgs::default() })) {
        Command::Serve(args) => serve(args).await,
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
        Command::Check { dir } => return check(&dir),
        Command::Sandbox(args) => run_sandboxes(args).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check(dir: &std::path::Path) -> ExitCode {
    match registry::check_dir(dir) {
        Ok(definitions) => {
            println!("{} adapter file(s) in {} are valid.", definitions.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("{} problem(s) found.", problems.len());
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let (mut config, env, sandboxes) = if let Some(file) = &args.config {
        (Config::load(Some(file))?, Env::process(), Vec::new())
    } else {
        let options = SandboxOptions { products: args.products, ..SandboxOptions::default() };
        let demo = demo::start(Config::load(None)?.listen, &options).await?;
        (demo.config, demo.env, demo.sandboxes)
    };
    if let Some(listen) = args.listen {
        config.listen = listen;
    }
    let app = Application::build(&config, env).await?;
    let url = format!("http://{}/graphql", app.local_addr());
    tracing::info!(%url, marketplaces = sandboxes.len(), "Pasar is serving.");
    println!("Pasar is serving GraphQL at {url} (GraphiQL: open it in a browser).");
    if !sandboxes.is_empty() {
        for s in &sandboxes {
            println!("  sandbox {:<11} {}", s.kind().id(), s.base_url());
        }
        println!("Paste this query into GraphiQL:\n{}", demo::SAMPLE_QUERY);
    }
    app.run_until(shutdown_signal()).await?;
    drop(sandboxes);
    Ok(())
}

async fn run_sandboxes(args: SandboxArgs) -> anyhow::Result<()> {
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
    shutdown_signal().await;
    for sandbox in running {
        sandbox.stop().await;
    }
    Ok(())
}
