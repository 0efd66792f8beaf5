//! Request budgets shared by every instance: GCRA (the generic cell rate algorithm governor
//! uses in process) kept in Redis, one key per client, on Redis's own clock so instances' clocks
//! never disagree.

use std::time::Duration;

/// Takes `ARGV[3]` requests from the budget in `KEYS[1]`: `ARGV[1]` is the interval between
/// requests and `ARGV[2]` the burst tolerance, in microseconds. Returns 0 when allowed, else the
/// microseconds until they would be. The key expires once the budget is full again.
pub(super) const TAKE: &str = r"
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local late = tat + interval * (cost - 1) - now - tolerance
if late > 0 then return late end
local next = tat + interval * cost
redis.call('SET', KEYS[1], string.format('%.0f', next), 'PX', math.ceil((next - now) / 1000) + 1)
return 0
";

/// The script's arguments for `per_second` requests a second with bursts of `burst`.
pub(super) fn arguments(per_second: u32, burst: u32) -> (u64, u64) {
    let interval = 1_000_000 / u64::from(per_second.max(1));
    (interval, interval * u64::from(burst.max(1) - 1))
}

/// The script's answer: allowed, or how long to wait.
pub(super) fn verdict(wait_micros: u64) -> Result<(), Duration> {
    match wait_micros {
        0 => Ok(()),
        micros => Err(Duration::from_micros(micros)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_one_tolerates_nothing_beyond_the_interval() {
        assert_eq!(arguments(10, 1), (100_000, 0));
        assert_eq!(arguments(10, 5), (100_000, 400_000));
        assert_eq!(arguments(0, 0), (1_000_000, 0), "zero rates are refused by the caller, never divided by");
    }

    #[test]
    fn zero_means_allowed_and_anything_else_a_wait() {
        assert_eq!(verdict(0), Ok(()));
        assert_eq!(verdict(1_500), Err(Duration::from_micros(1_500)));
    }
}
