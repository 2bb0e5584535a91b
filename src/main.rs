//! The `cluster-planner` command: the desktop app, and the command-line tools around the
//! same scenario files (one file per command in `cli/`).

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    cluster_planner::ui::mark_start();
    cli::run(cli::Cli::parse())
}
