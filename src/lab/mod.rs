//! The lab's worlds: `lab up` builds a scenario's static world ([`world`], its SDK writes in
//! `aws::lab`), and `masst lab drill` runs one minute by minute ([`drill`]). Nothing outside
//! `lab` and `commands::{lab, drill}` knows a lab is there: masst reads and changes the emulator
//! as it would AWS.

pub mod drill;
pub mod world;
