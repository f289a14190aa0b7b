//! A per-user cooldown between requests (commands and mentions).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::UserError;

/// Above this many remembered users, entries whose cooldown is over are dropped.
const PRUNE_ABOVE: usize = 10_000;

pub struct Cooldowns {
    period: Duration,
    last: Mutex<HashMap<u64, Instant>>,
}

impl Cooldowns {
    pub fn new(period: Duration) -> Cooldowns {
        Cooldowns { period, last: Mutex::new(HashMap::new()) }
    }

    /// Records a request by `user` now, or says how long to wait.
    ///
    /// # Errors
    /// A friendly [`UserError`] while the user's cooldown runs.
    pub fn check(&self, user: u64) -> Result<(), UserError> {
        self.check_at(user, Instant::now())
    }

    fn check_at(&self, user: u64, now: Instant) -> Result<(), UserError> {
        if self.period.is_zero() {
            return Ok(());
        }
        // A poisoned lock only means another request panicked mid-update; the map is still usable.
        let mut last = self.last.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(&at) = last.get(&user) {
            let waited = now.saturating_duration_since(at);
            if waited < self.period {
                let left = (self.period - waited).as_secs_f32().ceil().max(1.0);
                return Err(UserError::new(format!("One moment, please: you can ask again in {left} s.")));
            }
        }
        if last.len() > PRUNE_ABOVE {
            last.retain(|_, at| now.saturating_duration_since(*at) < self.period);
        }
        last.insert(user, now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_request_within_the_period_is_refused_politely() {
        let c = Cooldowns::new(Duration::from_secs(3));
        let t0 = Instant::now();
        assert!(c.check_at(1, t0).is_ok());
        let err = c.check_at(1, t0 + Duration::from_millis(500)).unwrap_err();
        assert_eq!(err.to_string(), "One moment, please: you can ask again in 3 s.");
        assert!(c.check_at(2, t0 + Duration::from_millis(500)).is_ok(), "other users are not affected");
        assert!(c.check_at(1, t0 + Duration::from_secs(3)).is_ok());
    }

    #[test]
    fn a_zero_period_turns_the_cooldown_off() {
        let c = Cooldowns::new(Duration::ZERO);
        let t0 = Instant::now();
        assert!(c.check_at(1, t0).is_ok() && c.check_at(1, t0).is_ok());
    }

    #[test]
    fn old_entries_are_forgotten_so_memory_stays_bounded() -> anyhow::Result<()> {
        let c = Cooldowns::new(Duration::from_secs(1));
        let t0 = Instant::now();
        for user in 0..=PRUNE_ABOVE as u64 + 1 {
            c.check_at(user, t0)?;
        }
        c.check_at(u64::MAX, t0 + Duration::from_secs(2))?;
        assert_eq!(c.last.lock().unwrap_or_else(std::sync::PoisonError::into_inner).len(), 1);
        Ok(())
    }
}
