//! Purges told to every instance: the instance that purges publishes on one channel, every
//! instance listens on it and drops its own in-process copies.
//!
//! The listener holds its own connection (a subscribed connection can issue nothing else) and
//! reconnects by itself: a purge published while it was away is missed, which is why Redis's
//! pages are deleted by the purging instance itself and in-process pages are not served past
//! their TTL's windows.

use futures::StreamExt;
use std::time::Duration;
use tokio::sync::broadcast;

/// What a purge message says: which marketplace, or every one.
pub(super) fn message(instance: &str, marketplace: Option<&str>) -> String {
    format!("{instance}\n{}", marketplace.unwrap_or(""))
}

/// The purge another instance announced, or `None` for this instance's own message.
fn read(own: &str, payload: &str) -> Option<Option<String>> {
    let (instance, marketplace) = payload.split_once('\n')?;
    (instance != own).then(|| (!marketplace.is_empty()).then(|| marketplace.to_string()))
}

/// Listens on `channel` until every receiver of `purged` is gone, resubscribing after failures.
pub(super) async fn listen(
    client: redis::Client,
    channel: String,
    own: String,
    purged: broadcast::Sender<Option<String>>,
) {
    let mut away = false;
    while purged.receiver_count() > 0 {
        match subscribed(&client, &channel).await {
            Ok(pubsub) => {
                if away {
                    tracing::info!("Listening for purges from other instances again");
                    away = false;
                }
                let mut messages = pubsub.into_on_message();
                while let Some(message) = messages.next().await {
                    let Ok(payload) = message.get_payload::<String>() else { continue };
                    if let Some(marketplace) = read(&own, &payload) {
                        let _ = purged.send(marketplace);
                    }
                }
            }
            Err(error) if !away => {
                tracing::warn!(%error, "Not listening for purges from other instances; retrying every second");
                away = true;
            }
            Err(_) => {}
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

async fn subscribed(client: &redis::Client, channel: &str) -> redis::RedisResult<redis::aio::PubSub> {
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe(channel).await?;
    Ok(pubsub)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instance_ignores_its_own_purge_and_reads_another_ones() {
        assert_eq!(read("a", &message("a", Some("mbiz"))), None);
        assert_eq!(read("a", &message("b", Some("mbiz"))), Some(Some("mbiz".into())));
        assert_eq!(read("a", &message("b", None)), Some(None));
        assert_eq!(read("a", "garbage"), None, "a message of another shape is ignored");
    }
}
