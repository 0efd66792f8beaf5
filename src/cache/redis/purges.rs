//! What one instance tells every other: purges, and pages a `noCache` load replaced. The instance
//! publishes on a channel of each kind; every instance listens on both and drops its own
//! in-process copies.
//!
//! The listener holds its own connection (a subscribed connection can issue nothing else),
//! pings it when it has been quiet, and reconnects by itself: a message published while it was away is missed, which is why Redis's
//! pages are deleted (or overwritten) by the announcing instance itself and in-process pages are
//! not served past their TTL's windows.

use crate::cache::page::CacheKey;
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use std::time::Duration;
use tokio::sync::broadcast;

/// What another instance announced.
#[derive(Debug, Clone)]
pub enum Heard {
    /// It purged one marketplace's pages, or all (`None`).
    Purge(Option<String>),
    /// It stored a page for this key fetched then (on this instance's clock, from the wall
    /// clock as ages travel): any copy fetched before is older than what Redis now holds.
    Replaced(CacheKey, tokio::time::Instant),
}

/// The channels announcements travel on.
pub(super) struct Channels {
    pub(super) purge: String,
    pub(super) replaced: String,
}

/// What a purge message says: which marketplace, or every one.
pub(super) fn message(instance: &str, marketplace: Option<&str>) -> String {
    format!("{instance}\n{}", marketplace.unwrap_or(""))
}

/// The purge another instance announced, or `None` for this instance's own message.
fn read(own: &str, payload: &str) -> Option<Option<String>> {
    let (instance, marketplace) = payload.split_once('\n')?;
    (instance != own).then(|| (!marketplace.is_empty()).then(|| marketplace.to_string()))
}

/// A replacement as it travels (postcard).
#[derive(Serialize, Deserialize)]
struct Replacement {
    instance: String,
    key: CacheKey,
    fetched_unix_ms: u64,
}

/// What a replacement message says: `key`'s page now in Redis was fetched at `fetched_unix_ms`.
pub(super) fn replaced(instance: &str, key: &CacheKey, fetched_unix_ms: u64) -> Option<Vec<u8>> {
    let replacement = Replacement { instance: instance.to_string(), key: key.clone(), fetched_unix_ms };
    postcard::to_stdvec(&replacement).ok()
}

/// The replacement another instance announced: the key and when its page was fetched (ms since
/// the Unix epoch); `None` for this instance's own or unreadable bytes.
fn read_replaced(own: &str, payload: &[u8]) -> Option<(CacheKey, u64)> {
    let replacement: Replacement = postcard::from_bytes(payload).ok()?;
    (replacement.instance != own).then_some((replacement.key, replacement.fetched_unix_ms))
}

fn heard_replaced((key, fetched_unix_ms): (CacheKey, u64)) -> Heard {
    let now = tokio::time::Instant::now();
    Heard::Replaced(key, now.checked_sub(super::codec::age_of(fetched_unix_ms)).unwrap_or(now))
}

/// How long a subscription may stay quiet before it is asked whether it still answers: a
/// connection the network went silent on (a lost NAT entry, a hung proxy) never ends by itself,
/// and every purge sent meanwhile would be missed until TCP gives up, some 15 minutes later.
const HEARTBEAT: Duration = Duration::from_secs(5);

/// Listens on both channels until every receiver of `heard` is gone, resubscribing after
/// failures and when a ping finds no answer within `deadline`.
pub(super) async fn listen(
    client: redis::Client,
    channels: Channels,
    own: String,
    heard: broadcast::Sender<Heard>,
    deadline: Duration,
) {
    let mut away = false;
    while heard.receiver_count() > 0 {
        let lost = match tokio::time::timeout(deadline, subscribed(&client, &channels)).await {
            Ok(Ok(pubsub)) => {
                if away {
                    tracing::info!("Listening for purges from other instances again");
                    away = false;
                }
                hear(pubsub, &channels, &own, &heard, deadline).await
            }
            Ok(Err(error)) => Some(error.to_string()),
            Err(_) => Some("Redis did not answer the subscription".into()),
        };
        if let Some(error) = lost
            && !away
        {
            tracing::warn!(%error, "Not listening for purges from other instances; retrying every second");
            away = true;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Passes on what arrives until the connection ends (`None`) or stops answering (why).
async fn hear(
    pubsub: redis::aio::PubSub,
    channels: &Channels,
    own: &str,
    heard: &broadcast::Sender<Heard>,
    deadline: Duration,
) -> Option<String> {
    let (mut sink, mut messages) = pubsub.split();
    let mut quiet = tokio::time::interval_at(tokio::time::Instant::now() + HEARTBEAT, HEARTBEAT);
    loop {
        tokio::select! {
            message = messages.next() => {
                let message = message?;
                quiet.reset();
                let said = if message.get_channel_name() == channels.replaced {
                    read_replaced(own, message.get_payload_bytes()).map(heard_replaced)
                } else {
                    let Ok(payload) = message.get_payload::<String>() else { continue };
                    read(own, &payload).map(Heard::Purge)
                };
                if let Some(said) = said {
                    let _ = heard.send(said);
                }
            }
            _ = quiet.tick() => {
                // A subscribed connection answers PING with an array, hence `Value`.
                match tokio::time::timeout(deadline, sink.ping::<redis::Value>()).await {
                    Ok(Ok(_)) => {}
                    Ok(Err(error)) => return Some(error.to_string()),
                    Err(_) => return Some(format!("no answer to a ping within {} ms", deadline.as_millis())),
                }
            }
        }
    }
}

async fn subscribed(client: &redis::Client, channels: &Channels) -> redis::RedisResult<redis::aio::PubSub> {
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe(&[channels.purge.as_str(), channels.replaced.as_str()]).await?;
    Ok(pubsub)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MarketplaceId;

    #[test]
    fn an_instance_ignores_its_own_purge_and_reads_another_ones() {
        assert_eq!(read("a", &message("a", Some("mbiz"))), None);
        assert_eq!(read("a", &message("b", Some("mbiz"))), Some(Some("mbiz".into())));
        assert_eq!(read("a", &message("b", None)), Some(None));
        assert_eq!(read("a", "garbage"), None, "a message of another shape is ignored");
    }

    #[test]
    fn an_instance_reads_another_ones_replacement_with_its_key_whole_and_ignores_its_own() {
        let key = CacheKey {
            marketplace: MarketplaceId::new("mbiz"),
            partition: 7,
            query: "kertas hvs".into(),
            offset: 20,
            limit: 10,
            cursor: Some("c2".into()),
            filters: vec![("kategori".into(), "atk".into())],
        };
        let message = replaced("b", &key, 1_800_000_000_000).expect("encodes");
        assert_eq!(read_replaced("a", &message), Some((key, 1_800_000_000_000)));
        assert_eq!(read_replaced("b", &message), None);
        assert_eq!(read_replaced("a", b"garbage"), None, "a message of another shape is ignored");
    }
}
