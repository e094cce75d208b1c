//! A token bucket rate limiter with a pluggable clock.
use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, Instant};

/// Where the limiter reads the time from, so tests can drive it.
pub trait Clock {
    fn now(&self) -> Instant;
}

/// The system clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    Empty { retry_after: Duration },
    UnknownKey(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Empty { retry_after } => write!(f, "bucket empty, retry after {:?}", retry_after),
            Refusal::UnknownKey(key) => write!(f, "unknown key {}", key),
        }
    }
}

struct Bucket {
    tokens: f64,
    last: Instant,
}

/// Buckets by key, each refilled at `rate` tokens per second up to `burst`.
pub struct Limiter<C: Clock> {
    clock: C,
    rate: f64,
    burst: f64,
    buckets: HashMap<String, Bucket>,
}

impl<C: Clock> Limiter<C> {
    pub fn new(clock: C, rate: f64, burst: f64) -> Self {
        Limiter { clock, rate, burst, buckets: HashMap::new() }
    }

    /// Registers a key with a full bucket.
    pub fn register(&mut self, key: &str) {
        let now = self.clock.now();
        self.buckets.insert(key.to_string(), Bucket { tokens: self.burst, last: now });
    }

    /// Takes `cost` tokens for `key`, or says why not.
    pub fn take(&mut self, key: &str, cost: f64) -> Result<f64, Refusal> {
        let now = self.clock.now();
        let rate = self.rate;
        let burst = self.burst;
        let bucket = match self.buckets.get_mut(key) {
            Some(bucket) => bucket,
            None => return Err(Refusal::UnknownKey(key.to_string())),
        };
        let elapsed = now.duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(burst);
        bucket.last = now;
        if bucket.tokens < cost {
            let missing = cost - bucket.tokens;
            let retry_after = Duration::from_secs_f64(missing / rate);
            return Err(Refusal::Empty { retry_after });
        }
        bucket.tokens -= cost;
        Ok(bucket.tokens)
    }

    /// Keys whose buckets are full, sorted.
    pub fn idle_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .buckets
            .iter()
            .filter(|(_, bucket)| bucket.tokens >= self.burst)
            .map(|(key, _)| key.clone())
            .collect();
        keys.sort();
        let total = keys.len();
        let report = |key: &String| {
            let position = keys.iter().position(|k| k == key).unwrap_or(0);
            println!("idle {} ({} of {})", key, position + 1, total);
            position
        };
        for key in keys.iter() {
            report(key);
        }
        keys
    }
}
