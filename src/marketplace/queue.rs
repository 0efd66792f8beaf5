//! The line in front of a marketplace's concurrency cap: a call over the cap waits for a permit,
//! first come first served (tokio's semaphore is fair), for as long as its deadline still leaves
//! time for the call itself. It is shed at once only when the line is full or when the wait it
//! can expect already runs past the deadline, so a burst is absorbed instead of answered with
//! `OVERLOADED`, and a call that cannot make it does not wait in vain.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Calls allowed to wait, per permit: deep enough for a burst of a few times the cap.
const WAITING_PER_PERMIT: usize = 8;
/// The call time assumed before any call was measured.
const FIRST_GUESS: Duration = Duration::from_millis(50);

/// A concurrency cap with a bounded, deadline-aware line in front of it.
#[derive(Debug)]
pub(super) struct Queue {
    permits: Arc<Semaphore>,
    capacity: usize,
    waiting: AtomicUsize,
    /// Moving average of how long a call holds its permit, in microseconds.
    typical_call_us: AtomicU64,
}

/// Why no permit was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refusal {
    /// The line is full.
    Full,
    /// Waiting would leave no time for the call before the deadline.
    TooLate,
}

/// A permit to call; dropping it lets the next in line go and measures the call.
pub(super) struct Permit<'a> {
    _permit: OwnedSemaphorePermit,
    queue: &'a Queue,
    since: Instant,
    /// How long the call waited in line; `None` when a permit was free at once.
    waited: Option<Duration>,
}

impl Permit<'_> {
    /// How long the call waited in line for this permit, if it had to.
    pub(super) fn waited(&self) -> Option<Duration> {
        self.waited
    }
}

impl Queue {
    /// At most `capacity` calls at once.
    pub(super) fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Self {
            permits: Arc::new(Semaphore::new(capacity)),
            capacity,
            waiting: AtomicUsize::new(0),
            typical_call_us: AtomicU64::new(FIRST_GUESS.as_micros() as u64),
        }
    }

    /// A permit now, or after waiting in line while `deadline` allows.
    pub(super) async fn enter(&self, deadline: Instant) -> Result<Permit<'_>, Refusal> {
        if let Ok(permit) = Arc::clone(&self.permits).try_acquire_owned() {
            return Ok(self.permit(permit, None));
        }
        let joined = Instant::now();
        let ahead = self.waiting.fetch_add(1, Ordering::AcqRel);
        let _leave = Leave(&self.waiting);
        if ahead >= self.capacity * WAITING_PER_PERMIT {
            return Err(Refusal::Full);
        }
        let call = self.typical_call();
        // Everyone ahead, plus the calls holding permits, drain `capacity` at a time.
        let expected_wait = call.mul_f64((ahead + 1) as f64 / self.capacity as f64);
        let latest_start = deadline.checked_sub(call).ok_or(Refusal::TooLate)?;
        if Instant::now() + expected_wait > latest_start {
            return Err(Refusal::TooLate);
        }
        match tokio::time::timeout_at(latest_start, Arc::clone(&self.permits).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(self.permit(permit, Some(joined))),
            // The semaphore is never closed; a timeout means the deadline came first.
            Ok(Err(_)) | Err(_) => Err(Refusal::TooLate),
        }
    }

    fn permit(&self, permit: OwnedSemaphorePermit, joined: Option<Instant>) -> Permit<'_> {
        let since = Instant::now();
        Permit { _permit: permit, queue: self, since, waited: joined.map(|joined| since - joined) }
    }

    fn typical_call(&self) -> Duration {
        Duration::from_micros(self.typical_call_us.load(Ordering::Relaxed))
    }

    /// Folds one call's duration into the average (weight 1/8: recent calls count most).
    fn record(&self, took: Duration) {
        let took = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        let _ = self
            .typical_call_us
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |avg| Some(avg - avg / 8 + took / 8));
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.queue.record(self.since.elapsed());
    }
}

/// Leaves the line when the wait ends, however it ends.
struct Leave<'a>(&'a AtomicUsize);

impl Drop for Leave<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_call_over_the_cap_waits_for_a_permit_instead_of_being_shed() {
        let queue = Arc::new(Queue::new(1));
        let deadline = Instant::now() + Duration::from_secs(1);
        let first = queue.enter(deadline).await.expect("free permit");
        let waiter = {
            let queue = Arc::clone(&queue);
            tokio::spawn(async move { queue.enter(deadline).await.map(|permit| (Instant::now(), permit.waited())) })
        };
        tokio::time::sleep(Duration::from_millis(30)).await;
        drop(first);
        let (started, waited) = waiter.await.expect("no panic").expect("permit after waiting");
        assert!(started >= deadline - Duration::from_millis(970), "it waited for the first call");
        assert_eq!(waited, Some(Duration::from_millis(30)), "the wait it reports");
        assert_eq!(queue.enter(deadline).await.expect("free permit").waited(), None, "no wait for a free permit");
    }

    #[tokio::test(start_paused = true)]
    async fn callers_are_served_in_the_order_they_arrived() {
        let queue = Arc::new(Queue::new(1));
        let deadline = Instant::now() + Duration::from_secs(10);
        let held = queue.enter(deadline).await.expect("free permit");
        let order = Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut waiters = Vec::new();
        for i in 0..5 {
            let (queue, order) = (Arc::clone(&queue), Arc::clone(&order));
            waiters.push(tokio::spawn(async move {
                let _permit = queue.enter(deadline).await.expect("permit");
                order.lock().expect("lock").push(i);
                tokio::time::sleep(Duration::from_millis(5)).await;
            }));
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        drop(held);
        for waiter in waiters {
            waiter.await.expect("no panic");
        }
        assert_eq!(*order.lock().expect("lock"), vec![0, 1, 2, 3, 4]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_wait_that_would_miss_the_deadline_is_refused_at_once() {
        let queue = Queue::new(1);
        queue.record(Duration::from_millis(400));
        for _ in 0..8 {
            queue.record(Duration::from_millis(400));
        }
        let _held = queue.enter(Instant::now() + Duration::from_secs(5)).await.expect("free permit");
        let asked = Instant::now();
        let refused = queue.enter(Instant::now() + Duration::from_millis(300)).await.err();
        assert_eq!(refused, Some(Refusal::TooLate));
        assert_eq!(Instant::now(), asked, "refused without waiting");
    }

    #[tokio::test(start_paused = true)]
    async fn a_full_line_sheds_the_next_caller() {
        let queue = Arc::new(Queue::new(1));
        let deadline = Instant::now() + Duration::from_secs(60);
        let _held = queue.enter(deadline).await.expect("free permit");
        let mut waiters = Vec::new();
        for _ in 0..WAITING_PER_PERMIT {
            let queue = Arc::clone(&queue);
            waiters.push(tokio::spawn(async move { queue.enter(deadline).await.is_ok() }));
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
        assert_eq!(queue.enter(deadline).await.err(), Some(Refusal::Full));
        for waiter in waiters {
            waiter.abort();
        }
    }
}
