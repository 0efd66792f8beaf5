//! The command line: `pasar [serve|schema|check|sandbox]`; `sandbox` and the embedded demo (a
//! bare `pasar`) need the default `sandbox` feature.

mod check;
#[cfg(feature = "sandbox")]
mod demo;
mod sample;
mod serve;

use crate::graphql;
use crate::telemetry::trace::{TraceSettings, Traces};
use check::CheckArgs;
use clap::{Parser, Subcommand};
use serve::ServeArgs;
use std::process::ExitCode;

/// Pasar: one GraphQL API over Indonesia's public-procurement marketplaces.
#[derive(Debug, Parser)]
#[command(name = "pasar", version, about)]
pub struct Cli {
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the gateway. Without --config: the embedded demo over in-process sandboxes.
    Serve(ServeArgs),
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Validate adapter files; prints every problem and exits 1 if there is any. With --config,
    /// also everything `serve --config` would refuse to start on (unset secrets, internal base
    /// URLs); without it, those are warnings.
    Check(CheckArgs),
    /// Run sandbox marketplaces standalone.
    #[cfg(feature = "sandbox")]
    #[command(after_help = demo::SANDBOX_SECRETS)]
    Sandbox(demo::SandboxArgs),
}

/// Catches SIGHUP from the first moment: its default action ends the process, and one sent while
/// Pasar starts (a deploy script's reload racing a restart) killed it, exit 129 (review40o
/// R40o-22). Tokio keeps a handler for the life of the process; a SIGHUP before the reloader
/// listens changes nothing, the adapter files being read at start-up anyway.
pub fn catch_hangups() {
    #[cfg(unix)]
    if let Err(error) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
        eprintln!("warning: SIGHUP cannot be caught: {error}");
    }
}

/// Runs the command line; the exit code says whether it succeeded.
pub async fn run(cli: Cli) -> ExitCode {
    let command = cli.command.unwrap_or(Command::Serve(ServeArgs { products: 10_000, ..ServeArgs::default() }));
    let traces = start_logging(&command);
    let outcome = match command {
        Command::Serve(args) if args.config.is_some() => serve::with_config(args).await,
        #[cfg(feature = "sandbox")]
        Command::Serve(args) => demo::serve(args).await,
        #[cfg(not(feature = "sandbox"))]
        Command::Serve(_) => Err(anyhow::anyhow!(
            "this build has no embedded demo (no `sandbox` feature): run `pasar serve --config pasar.toml`"
        )),
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
        Command::Check(args) => return check::run(args).await,
        #[cfg(feature = "sandbox")]
        Command::Sandbox(args) => demo::run_sandboxes(args).await,
    };
    if let Some(traces) = traces {
        // Posting the last spans blocks (the exporter's blocking client).
        let _ = tokio::task::spawn_blocking(move || traces.shutdown()).await;
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Logging as `[log]` in the configuration the command will read says (defaults when it cannot
/// be read: the command itself then reports why), and for `serve`, traces when `[telemetry]` or
/// the OTEL_* variables name a collector.
fn start_logging(command: &Command) -> Option<Traces> {
    let file = match command {
        Command::Serve(args) => args.config.as_deref(),
        _ => None,
    };
    let config = crate::config::Config::load(file).unwrap_or_default();
    let json = config.log.format == crate::config::LogFormat::Json;
    let telemetry = &config.telemetry;
    // A configuration serve refuses starts no exporter: it said "Exporting traces" first.
    let settings = (matches!(command, Command::Serve(_)) && config.problems().is_empty())
        .then(|| {
            let var = |name: &str| std::env::var(name).ok();
            TraceSettings::resolve(telemetry.otlp_endpoint.as_deref(), telemetry.service_name.as_deref(), &var)
        })
        .flatten();
    let started = settings.as_ref().map(Traces::start);
    let (traces, tracer) = match started {
        Some(Ok((traces, tracer))) => (Some(traces), Some(tracer)),
        Some(Err(error)) => {
            let error = crate::telemetry::masked::masked_url(&error.to_string());
            eprintln!("warning: serving without traces: {error}");
            (None, None)
        }
        None => (None, None),
    };
    crate::telemetry::logging::init(json, config.log.level.as_deref(), tracer);
    if let Some(settings) = settings.filter(|_| traces.is_some()) {
        let var = |name: &str| std::env::var(name).ok();
        let endpoint = settings.traces_url.or_else(|| var("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        let endpoint = endpoint.or_else(|| var("OTEL_EXPORTER_OTLP_ENDPOINT")).unwrap_or_default();
        let endpoint = crate::telemetry::trace::shown_endpoint(&endpoint);
        tracing::info!(%endpoint, "Exporting traces over OTLP/HTTP.");
    }
    traces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_takes_a_host_name_for_listen() {
        let cli = Cli::try_parse_from(["pasar", "serve", "--listen", "localhost:8080"]).expect("parses");
        let Some(Command::Serve(args)) = cli.command else { panic!("not serve") };
        assert!(args.listen.is_some_and(|a| a.ip().is_loopback() && a.port() == 8080));
        assert!(Cli::try_parse_from(["pasar", "serve", "--listen", "localhost"]).is_err());
    }
}
