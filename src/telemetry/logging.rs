//! Where log lines go and how they look: `[log] format`, `level`, and `RUST_LOG` over both.

use tracing_subscriber::EnvFilter;

/// Installs the process's logger; a second call (tests, or a logger set by an embedder) does
/// nothing. `json` writes one object per line; `level` is used when `RUST_LOG` is unset.
pub fn init(json: bool, level: Option<&str>) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(level.unwrap_or("info")))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if json {
        builder.json().flatten_event(true).with_current_span(false).try_init()
    } else {
        builder.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())).try_init()
    };
}
