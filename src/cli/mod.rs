//! The command line: `pasar [serve|schema|check|sandbox]`; `sandbox` and the embedded demo (a
//! bare `pasar`) need the default `sandbox` feature.

#[cfg(feature = "sandbox")]
mod demo;
mod serve;

use crate::graphql;
use crate::marketplace::registry;
use clap::{Parser, Subcommand};
use serve::ServeArgs;
use std::path::PathBuf;
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
    /// Validate adapter files; prints every problem and exits 1 if there is any.
    Check {
        /// Directory of adapter files.
        #[arg(default_value = "adapters")]
        dir: PathBuf,
    },
    /// Run sandbox marketplaces standalone.
    #[cfg(feature = "sandbox")]
    #[command(after_help = demo::SANDBOX_SECRETS)]
    Sandbox(demo::SandboxArgs),
}

/// Runs the command line; the exit code says whether it succeeded.
pub async fn run(cli: Cli) -> ExitCode {
    let outcome = match cli.command.unwrap_or(Command::Serve(ServeArgs { products: 10_000, ..ServeArgs::default() })) {
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
        Command::Check { dir } => return check(&dir),
        #[cfg(feature = "sandbox")]
        Command::Sandbox(args) => demo::run_sandboxes(args).await,
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
