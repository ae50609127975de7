//! The lab's living worlds: `masst lab drill` runs a scenario minute by minute (the static
//! world of `lab up` lives in `aws::lab`). Nothing outside `lab` and `commands::drill` knows a
//! drill is running: masst reads and changes the emulator as it would AWS.

pub mod drill;
