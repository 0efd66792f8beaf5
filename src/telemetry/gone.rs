//! The gauges of marketplaces no longer served, left out of `/metrics` (review35o O35-6).
//!
//! The recorder keeps every series it was given for the life of the process, and the exporter
//! can remove none; a reload that removes a marketplace left its breaker state, calls in flight
//! and reachability at their last values for good, so a dashboard showed it up (or down) long
//! after it was gone. A gauge says what is true now, so a marketplace no longer served has none;
//! its counters and histograms stay, being cumulative (a rate over them falls to zero). The same
//! holds for a gauge whose value was set for something no longer serving: a switched-off
//! marketplace's, or the reachability `/readyz` found of a marketplace's previous adapter.

/// `text` (Prometheus exposition) without the gauge samples labelled with a marketplace for which
/// `shows(family, marketplace)` is false.
pub(super) fn without_gone_gauges(text: &str, shows: impl Fn(&str, &str) -> bool) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut gauge = None;
    for line in text.lines() {
        if let Some(family) = line.strip_prefix("# TYPE ") {
            gauge = family.strip_suffix(" gauge");
        } else if let Some(family) = gauge
            && marketplace(line).is_some_and(|id| !shows(family, id))
        {
            continue;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

/// The `marketplace` label of a sample line, if it has one. Marketplace ids are checked to be
/// lowercase letters, digits and dashes, so the value needs no unescaping.
fn marketplace(line: &str) -> Option<&str> {
    let (_, labels) = line.split_once('{')?;
    let (labels, _) = labels.rsplit_once('}')?;
    labels.split(',').find_map(|label| label.strip_prefix("marketplace=\"")?.strip_suffix('"'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# TYPE pasar_breaker_state gauge
pasar_breaker_state{marketplace=\"bela\"} 2
pasar_breaker_state{marketplace=\"mbiz\"} 0

# TYPE pasar_marketplace_up gauge
pasar_marketplace_up{marketplace=\"bela\"} 1

# TYPE pasar_shed_total counter
pasar_shed_total{marketplace=\"bela\"} 3

# TYPE pasar_redis_up gauge
pasar_redis_up 1

";

    #[test]
    fn a_gone_marketplace_loses_its_gauges_and_keeps_its_counters() {
        let kept = without_gone_gauges(TEXT, |_, id| id == "mbiz");
        assert!(!kept.contains("pasar_breaker_state{marketplace=\"bela\"}"), "{kept}");
        assert!(!kept.contains("pasar_marketplace_up{marketplace=\"bela\"}"), "{kept}");
        assert!(kept.contains("pasar_breaker_state{marketplace=\"mbiz\"} 0"), "{kept}");
        assert!(kept.contains("pasar_shed_total{marketplace=\"bela\"} 3"), "counters stay: {kept}");
        assert!(kept.contains("pasar_redis_up 1"), "gauges of no marketplace stay: {kept}");
    }

    #[test]
    fn with_every_marketplace_served_the_text_is_unchanged() {
        assert_eq!(without_gone_gauges(TEXT, |_, _| true), TEXT);
    }

    #[test]
    fn a_gauge_is_left_out_by_its_family_alone() {
        let kept = without_gone_gauges(TEXT, |family, _| family != "pasar_marketplace_up");
        assert!(!kept.contains("pasar_marketplace_up{"), "{kept}");
        assert!(kept.contains("pasar_breaker_state{marketplace=\"bela\"} 2"), "{kept}");
    }

    #[test]
    fn only_the_marketplace_label_names_the_marketplace() {
        assert_eq!(marketplace("x{other_marketplace=\"bela\",marketplace=\"mbiz\"} 1"), Some("mbiz"));
        assert_eq!(marketplace("x{result=\"hit\"} 1"), None);
        assert_eq!(marketplace("x 1"), None);
    }
}
