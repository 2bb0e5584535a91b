//! The `cluster-planner` command: the desktop app, and the command-line tools around the
//! same scenario files (one file per command in `cli/`).

mod cli;

use clap::Parser;

/// mimalloc instead of the system's allocator: the engine and the checks make and drop
/// per-person tables and findings after every change, and at national scale the system
/// allocator's returning of large blocks to the operating system (and faulting them back
/// in) cost more than the work (README, "Speed").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cluster_planner::ui::mark_start();
    cli::run(cli::Cli::parse())
}
