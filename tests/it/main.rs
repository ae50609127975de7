//! The one integration test binary: the real `masst` binary run as a user runs it.

mod actions;
mod audit;
mod bedrock;
mod cli;
mod completions;
mod dlq;
mod drill;
mod emulator;
mod errors;
mod faults;
mod fuzz;
mod lab;
mod layers;
mod live;
mod mcp;
mod offline;
mod readme;
mod report;
mod runbooks;
mod sarif;
mod shape;
mod trust;
mod verify;
mod widths;
