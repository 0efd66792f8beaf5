//! How a connection ends on the server's initiative: at shutdown, and past `max_connection_age`.
//! Either way it is asked to close gracefully (hyper's `graceful_shutdown`: HTTP/1 answers the
//! request in progress and closes, HTTP/2 sends GOAWAY and answers its open streams), never cut.
//!
//! Why not hyper-util's `GracefulShutdown`: it watches a connection for one signal, shutdown, and
//! takes the connection out of reach; age is a second signal of the same kind.

use hyper_util::server::graceful::GracefulConnection;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// How much an age limit varies between connections, either way: a batch of connections opened
/// together (a proxy starting up) reconnects over a spread, not in one burst.
const JITTER: f64 = 0.1;

/// Serves `connection` until it ends; once `shutdown` is cancelled or the connection is older
/// than `max_age` (`None`: no limit), asks it to finish and close, and waits for that.
pub(super) async fn drive<C: GracefulConnection>(
    connection: C,
    shutdown: &CancellationToken,
    max_age: Option<Duration>,
) -> Result<(), C::Error> {
    let mut connection = std::pin::pin!(connection);
    let aged = async {
        match max_age {
            Some(age) => tokio::time::sleep(age).await,
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        ended = connection.as_mut() => return ended,
        () = shutdown.cancelled() => {}
        () = aged => {}
    }
    connection.as_mut().graceful_shutdown();
    connection.await
}

/// This connection's age limit: `max_age` give or take [`JITTER`]; `None` for 0 (no limit).
pub(super) fn age_limit(max_age: Duration) -> Option<Duration> {
    (!max_age.is_zero()).then(|| max_age.mul_f64(rand::random_range(1.0 - JITTER..=1.0 + JITTER)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_age_limit_is_set_for_zero_and_a_set_one_stays_within_a_tenth_of_it() {
        assert_eq!(age_limit(Duration::ZERO), None);
        let limits: Vec<Duration> = (0..200).filter_map(|_| age_limit(Duration::from_secs(100))).collect();
        assert_eq!(limits.len(), 200);
        assert!(limits.iter().all(|l| (Duration::from_secs(90)..=Duration::from_secs(110)).contains(l)), "{limits:?}");
        // Spread, not one value: 200 draws from 20 s of range are not all within one second.
        let (min, max) = (limits.iter().min().expect("some"), limits.iter().max().expect("some"));
        assert!(*max - *min > Duration::from_secs(1), "{min:?}..{max:?}");
    }
}
