//! The one integration test binary: the real `masst` binary run as a user runs it.

mod actions;
mod audit;
mod cli;
mod completions;
mod dlq;
mod drill;
mod emulator;
mod errors;
mod faults;
mod fuzz;
mod golden;
mod lab;
mod layers;
mod live;
mod logs;
mod mcp;
mod offline;
mod readme;
mod report;
mod runbooks;
mod sarif;
mod shape;
mod targets;
mod trust;
mod verify;
mod widths;
