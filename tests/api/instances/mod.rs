//! Several `pasar serve` processes over the same sandboxes, sharing one real `redis-server`:
//! coalescing, degradation, deep links, purges and quotas across instances.

mod burst;
mod bypass;
mod deep_links;
mod freshness;
mod full;
mod harness;
mod outage;
mod purge;
mod quota;
mod refused;
mod silent;
mod tls;
