//! Commands in flight, so that a shutdown finishes what it started and says what it dropped.
//!
//! Every command, mention and click holds a [`Guard`] while it runs. On shutdown the bot
//! stops taking new work, waits a bounded time for the guards to go, and only then closes
//! the gateway: a SIGTERM in the middle of a burst answers every request already begun.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

#[derive(Default)]
pub struct InFlight {
    closing: AtomicBool,
    running: AtomicUsize,
    idle: Notify,
}

/// Held while one request runs.
pub struct Guard(Arc<InFlight>);

impl Drop for Guard {
    fn drop(&mut self) {
        if self.0.running.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl InFlight {
    /// Starts a request, or `None` when the bot is shutting down.
    pub fn enter(self: &Arc<Self>) -> Option<Guard> {
        self.running.fetch_add(1, Ordering::SeqCst);
        let guard = Guard(self.clone());
        (!self.closing.load(Ordering::SeqCst)).then_some(guard)
    }

    pub fn is_closing(&self) -> bool {
        self.closing.load(Ordering::SeqCst)
    }

    /// Stops taking requests and waits up to `timeout` for the running ones. Returns how
    /// many were still running when the wait ended.
    pub async fn close(&self, timeout: Duration) -> usize {
        self.closing.store(true, Ordering::SeqCst);
        let wait = async {
            loop {
                let idle = self.idle.notified();
                if self.running.load(Ordering::SeqCst) == 0 {
                    return;
                }
                idle.await;
            }
        };
        let _ = tokio::time::timeout(timeout, wait).await;
        self.running.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn closing_waits_for_running_requests_and_refuses_new_ones() {
        let flight = Arc::new(InFlight::default());
        let guard = flight.enter();
        assert!(guard.is_some());
        let closer = tokio::spawn({
            let flight = flight.clone();
            async move { flight.close(Duration::from_secs(5)).await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(flight.is_closing() && flight.enter().is_none(), "no new request once closing");
        drop(guard);
        assert_eq!(closer.await.ok(), Some(0), "the running request finished");
    }

    #[tokio::test]
    async fn closing_gives_up_after_the_timeout_and_counts_what_is_left() {
        let flight = Arc::new(InFlight::default());
        let _stuck = flight.enter();
        assert_eq!(flight.close(Duration::from_millis(20)).await, 1);
    }
}
