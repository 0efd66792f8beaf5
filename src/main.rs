//! The `pasar` binary: the command line (which sets up logging from the configuration).

use clap::Parser;
use std::process::ExitCode;

/// mimalloc keeps freed memory for reuse where glibc returned each response's compression
/// buffers to the system and zeroed new pages for the next: half the CPU of a cached request
/// (README "Measured").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    pasar::cli::catch_hangups();
    pasar::cli::run(pasar::cli::Cli::parse()).await
}
