//! Whether this process can answer: every gateway shard it runs is connected, and an index is
//! loaded. `/healthz` reports it; serenity's shard stage updates keep it current.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, PoisonError};

use serde::Serialize;

use super::metrics;

/// The health of this process.
#[derive(Debug, Default)]
pub struct Health {
    /// How many shards this process runs (0 until the bot starts them).
    expected: AtomicU32,
    /// Each shard seen so far: connected now, and whether it ever was.
    shards: Mutex<BTreeMap<u32, Shard>>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Shard {
    connected: bool,
    ever: bool,
}

/// What `/healthz` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub healthy: bool,
    pub shards_expected: u32,
    pub shards_connected: u32,
    pub index_loaded: bool,
    pub sentences: usize,
}

impl Health {
    /// The bot is starting `n` shards.
    pub fn expect_shards(&self, n: u32) {
        self.expected.store(n, Ordering::SeqCst);
    }

    /// Shard `id` moved from a stage (connected or not) to another. A shard that becomes
    /// connected again after it was once connected counts as a reconnect. Both ends are
    /// given because serenity does not report every stage: a resume after a dropped socket
    /// shows only as "resuming → connected".
    pub fn shard_stage(&self, id: u32, was_connected: bool, connected: bool) {
        let mut shards = self.shards.lock().unwrap_or_else(PoisonError::into_inner);
        let shard = shards.entry(id).or_default();
        if connected && !was_connected && shard.ever {
            metrics::reconnected();
            tracing::info!(shard = id, "gateway reconnected");
        }
        shard.connected = connected;
        shard.ever |= connected;
        metrics::shards_connected(shards.values().filter(|s| s.connected).count());
    }

    /// Every shard is disconnected (the bot is stopping).
    pub fn disconnect_all(&self) {
        let mut shards = self.shards.lock().unwrap_or_else(PoisonError::into_inner);
        shards.values_mut().for_each(|s| s.connected = false);
        metrics::shards_connected(0);
    }

    /// The report, given how many sentences the index in service holds (`None`: none loaded).
    pub fn report(&self, sentences: Option<usize>) -> Report {
        let expected = self.expected.load(Ordering::SeqCst);
        let connected =
            self.shards.lock().unwrap_or_else(PoisonError::into_inner).values().filter(|s| s.connected).count() as u32;
        let index_loaded = sentences.is_some();
        Report {
            healthy: expected > 0 && connected >= expected && index_loaded,
            shards_expected: expected,
            shards_connected: connected,
            index_loaded,
            sentences: sentences.unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn healthy_only_when_every_expected_shard_is_connected_and_an_index_is_loaded() {
        let health = Health::default();
        assert!(!health.report(Some(10)).healthy, "no shard started yet");
        health.expect_shards(2);
        health.shard_stage(0, false, true);
        assert!(!health.report(Some(10)).healthy);
        health.shard_stage(1, false, true);
        assert!(health.report(Some(10)).healthy);
        assert!(!health.report(None).healthy);
        health.shard_stage(1, true, false);
        let report = health.report(Some(10));
        assert_eq!((report.healthy, report.shards_connected), (false, 1));
        health.shard_stage(1, false, true);
        assert!(health.report(Some(10)).healthy);
        health.disconnect_all();
        assert_eq!(health.report(Some(10)).shards_connected, 0);
    }
}
