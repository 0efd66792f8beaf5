//! One front door: every way into Pasar passes the same admission (issue 22).

mod caps;
mod counting;
mod doors;
mod fuzz;
mod protocol;
mod socket;
mod socket_budget;
mod registration;
