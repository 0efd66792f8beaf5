//! Connection caps: one in total, derived from the file-descriptor limit, and one per client
//! address (IPv6 by /64, as rate limits count it), so a single client cannot take every slot.
//! WebSockets keep their connection's slot for as long as they are open.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

/// Which cap turned a connection away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// Every slot of the server is taken.
    Total,
    /// The client's address holds its share already.
    PerClient,
}

/// Open connections counted in total and by client address.
#[derive(Clone)]
pub(crate) struct Caps {
    counts: Arc<Mutex<Counts>>,
    total: usize,
    per_client: usize,
}

#[derive(Default)]
struct Counts {
    open: usize,
    by_client: HashMap<IpAddr, usize>,
}

impl Caps {
    pub(crate) fn new(total: usize, per_client: usize) -> Self {
        Self { counts: Arc::default(), total, per_client }
    }

    /// A slot for one connection from `client`, given back when the slot is dropped.
    pub(crate) fn admit(&self, client: IpAddr) -> Result<Slot, Refused> {
        // An IPv4 client reached over an IPv6 socket is the same client, and so is a /64.
        let client = crate::graphql::clients::address_key(client);
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        if counts.open >= self.total {
            return Err(Refused::Total);
        }
        let held = counts.by_client.entry(client).or_default();
        if *held >= self.per_client {
            return Err(Refused::PerClient);
        }
        *held += 1;
        counts.open += 1;
        metrics::gauge!("pasar_open_connections").set(counts.open as f64);
        Ok(Slot { counts: self.counts.clone(), client })
    }
}

/// One admitted connection's place under the caps.
pub(crate) struct Slot {
    counts: Arc<Mutex<Counts>>,
    client: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        counts.open = counts.open.saturating_sub(1);
        metrics::gauge!("pasar_open_connections").set(counts.open as f64);
        if let Some(held) = counts.by_client.get_mut(&self.client) {
            *held = held.saturating_sub(1);
            if *held == 0 {
                counts.by_client.remove(&self.client);
            }
        }
    }
}

/// The file-descriptor limits after raising the soft one as far as the hard one allows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FdLimits {
    /// The soft limit before raising it.
    pub(crate) before: u64,
    /// The soft limit in force.
    pub(crate) soft: u64,
    /// The hard limit.
    pub(crate) hard: u64,
}

impl FdLimits {
    /// Raises the soft limit to the hard one; `None` where the limits cannot be read.
    pub(crate) fn raise() -> Option<Self> {
        let (before, _) = rlimit::getrlimit(rlimit::Resource::NOFILE).ok()?;
        if let Err(e) = rlimit::increase_nofile_limit(u64::MAX) {
            tracing::warn!(error = %e, "Could not raise the file-descriptor limit.");
        }
        let (soft, hard) = rlimit::getrlimit(rlimit::Resource::NOFILE).ok()?;
        Some(Self { before, soft, hard })
    }

    /// Connections the server may hold: the soft limit less a reserve for marketplace calls,
    /// adapter files and the runtime, so a full house never starves the gateway's own work.
    pub(crate) fn max_connections(&self) -> usize {
        let reserve = (self.soft / 8).max(64);
        let usable = self.soft.saturating_sub(reserve).max(1);
        usize::try_from(usable).unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([127, 0, 0, last])
    }

    #[test]
    fn a_client_at_its_share_is_refused_while_others_are_admitted() {
        let caps = Caps::new(10, 2);
        let held = [caps.admit(ip(2)), caps.admit(ip(2))];
        assert!(held.iter().all(Result::is_ok));
        assert_eq!(caps.admit(ip(2)).err(), Some(Refused::PerClient));
        assert!(caps.admit(ip(1)).is_ok());
    }

    #[test]
    fn the_total_cap_refuses_everyone_until_a_slot_is_given_back() {
        let caps = Caps::new(2, 5);
        let first = caps.admit(ip(1)).expect("first");
        let _second = caps.admit(ip(2)).expect("second");
        assert_eq!(caps.admit(ip(3)).err(), Some(Refused::Total));
        drop(first);
        assert!(caps.admit(ip(3)).is_ok());
    }

    #[test]
    fn an_ipv4_client_over_ipv6_shares_its_count() {
        let caps = Caps::new(10, 1);
        let _v4 = caps.admit(ip(2)).expect("v4");
        let mapped = IpAddr::from(std::net::Ipv4Addr::new(127, 0, 0, 2).to_ipv6_mapped());
        assert_eq!(caps.admit(mapped).err(), Some(Refused::PerClient));
    }

    #[test]
    fn ipv6_addresses_of_one_slash_64_share_a_count() {
        let caps = Caps::new(10, 1);
        let _first = caps.admit("2001:db8::1".parse().expect("v6")).expect("first");
        assert_eq!(caps.admit("2001:db8::2".parse().expect("v6")).err(), Some(Refused::PerClient));
        assert!(caps.admit("2001:db8:0:1::1".parse().expect("v6")).is_ok());
    }

    #[test]
    fn the_derived_cap_leaves_a_reserve_below_the_descriptor_limit() {
        let limits = |soft| FdLimits { before: soft, soft, hard: soft };
        assert_eq!(limits(1024).max_connections(), 896);
        assert_eq!(limits(256).max_connections(), 192);
        assert_eq!(limits(8).max_connections(), 1);
    }
}
