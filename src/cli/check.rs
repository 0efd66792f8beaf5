//! `pasar check [--config FILE] [DIR]`: the adapter files' own problems, and what `serve` would
//! refuse. With `--config` the gateway is built exactly as `serve --config FILE` builds it (same
//! overrides, egress rule, secrets from the environment; only the listen port is left to the
//! system), so `check` fails where `serve` would refuse to start. Without it, an unset secret
//! or an internal base URL is a warning: the operator's configuration may still provide them.

use crate::config::Config;
use crate::marketplace::Env;
use crate::marketplace::registry::{self, LoadOptions};
use crate::marketplace::validate::Problem;
use crate::startup::{Application, StartupError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `pasar check`.
#[derive(Debug, clap::Args)]
pub(super) struct CheckArgs {
    /// Check as `pasar serve --config FILE` would start: its overrides, egress rule and secrets.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Directory of adapter files [default: the configuration's `adapters_dir`, else `adapters`];
    /// with --sample, one adapter file.
    dir: Option<PathBuf>,
    /// A saved marketplace response to read through the adapter file: prints each offer as Pasar
    /// would normalise it, with every field's source pointer and every issue; exit 1 on an error.
    #[arg(long, value_name = "RESPONSE.json", conflicts_with = "config")]
    sample: Option<PathBuf>,
    /// With --sample: print the normalised offers as JSON, for scripts and CI.
    #[arg(long, requires = "sample")]
    json: bool,
}

/// Runs the check; exit 1 on any problem, warnings alone exit 0.
pub(super) async fn run(args: CheckArgs) -> ExitCode {
    if let Some(response) = &args.sample {
        let Some(adapter) = &args.dir else {
            return failed("--sample needs the adapter file: pasar check --sample RESPONSE.json adapters/x.toml");
        };
        return super::sample::check_sample(response, adapter, args.json);
    }
    match &args.config {
        Some(file) => with_config(file, args.dir).await,
        None => without_config(&args.dir.unwrap_or_else(|| PathBuf::from("adapters"))),
    }
}

async fn with_config(file: &Path, dir: Option<PathBuf>) -> ExitCode {
    let mut config = match Config::load(Some(file)) {
        Ok(config) => config,
        Err(e) => return failed(&e.to_string()),
    };
    if let Some(dir) = dir {
        config.adapters_dir = dir;
        config.bundled_adapters = false;
    }
    config.listen = ([127, 0, 0, 1], 0).into();
    let adapters =
        if config.bundled_adapters { "the bundled adapters".into() } else { config.adapters_dir.display().to_string() };
    warn_unknown_overrides(&config);
    for note in config.notes() {
        eprintln!("note: {note}");
    }
    match Application::build(&config, Env::process()).await {
        Ok(app) => {
            println!(
                "{} marketplace(s) in {adapters} would be served with {}.",
                app.marketplace_count(),
                file.display()
            );
            ExitCode::SUCCESS
        }
        Err(StartupError::Adapters(problems)) => {
            print_problems(&problems);
            failed(&format!(
                "{} problem(s) found: `pasar serve --config {}` would refuse to start",
                problems.len(),
                file.display()
            ))
        }
        Err(e) => failed(&format!("`pasar serve --config {}` would refuse to start: {e}", file.display())),
    }
}

fn without_config(dir: &Path) -> ExitCode {
    let checked = registry::read_dir(dir);
    print_problems(&checked.problems);
    // The valid files' own warnings too, so one run names every problem.
    let options = LoadOptions { env: Env::process(), ..LoadOptions::default() };
    let warnings = registry::unservable(&checked.definitions, &options);
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }
    if !warnings.is_empty() {
        eprintln!(
            "{} warning(s): `pasar serve` refuses to start on these unless its configuration or environment settles them; `pasar check --config FILE` checks with yours.",
            warnings.len()
        );
    }
    for warning in registry::rates_not_in_force(&checked.definitions) {
        eprintln!("warning: {warning}");
    }
    if !checked.problems.is_empty() {
        return failed(&format!("{} problem(s) found.", checked.problems.len()));
    }
    println!("{} adapter file(s) in {} are valid.", checked.definitions.len(), dir.display());
    ExitCode::SUCCESS
}

/// `[marketplaces.<id>]` sections naming no adapter: a warning, as the gateway logs it (a
/// marketplace removed while its override stays must not stop a reload).
fn warn_unknown_overrides(config: &Config) {
    let definitions =
        if config.bundled_adapters { registry::check_bundled() } else { registry::check_dir(&config.adapters_dir) };
    let Ok(definitions) = definitions else { return };
    let options = LoadOptions { overrides: config.overrides(), ..LoadOptions::default() };
    for id in registry::unknown_overrides(definitions.iter().map(|(_, def)| def.id.as_str()), &options) {
        eprintln!("warning: [marketplaces.{id}] overrides a marketplace no adapter file defines; it changes nothing");
    }
}

fn print_problems(problems: &[Problem]) {
    for problem in problems {
        eprintln!("{problem}");
    }
}

fn failed(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}
