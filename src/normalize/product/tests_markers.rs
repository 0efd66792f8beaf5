//! Markers of one maker and colour (review25b F4, review26b, review26e): permanent, whiteboard and
//! OHP markers never group, and wordings of one type still meet. Listings from the reviews.

use super::*;

fn conflict(a: &str, b: &str) -> Vec<String> {
    explain(&product_key(a), &product_key(b)).conflicts
}

/// The groups of `titles` as lists of titles.
fn grouped<'a>(titles: &[&'a str]) -> Vec<Vec<&'a str>> {
    let keys: Vec<ProductKey> = titles.iter().map(|t| product_key(t)).collect();
    group(&keys).into_iter().map(|g| g.into_iter().map(|i| titles[i]).collect()).collect()
}

/// Whether two titles end up in one group among `titles`.
fn together(groups: &[Vec<&str>], a: &str, b: &str) -> bool {
    groups.iter().any(|g| g.contains(&a) && g.contains(&b))
}

#[test]
fn a_permanent_marker_never_groups_with_a_whiteboard_marker_of_its_maker_and_colour() {
    let permanent =
        ["Spidol Snowman Permanent Marker Hitam", "Snowman Permanent Hitam", "Spidol Permanen Snowman Hitam"];
    let whiteboard = [
        "Spidol Snowman Whiteboard Marker Hitam",
        "Spidol Snowman White Board Marker Hitam",
        "Snowman Board Marker Hitam",
        "Spidol Papan Tulis Snowman Hitam",
    ];
    for p in permanent {
        for w in whiteboard {
            assert!(conflict(p, w).iter().any(|c| c.starts_with("marker permanent ≠ whiteboard")), "{p} / {w}");
        }
    }
}

#[test]
fn a_whiteboard_marker_saying_it_is_not_permanent_stays_with_whiteboard_markers() {
    let plain = "Spidol Whiteboard Snowman Hitam";
    for negated in [
        "Spidol Whiteboard Snowman Hitam Tidak Permanen",
        "Spidol Whiteboard Snowman Hitam Bukan Permanen",
        "Spidol Whiteboard Snowman Hitam (Bukan Spidol Permanent)",
        "Spidol Whiteboard Snowman Non Permanent Hitam",
        "Snowman Board Marker Non-Permanent Hitam",
    ] {
        let why = explain(&product_key(plain), &product_key(negated));
        assert!(why.same, "{negated}: {why:?}");
        assert!(!conflict("Spidol Snowman Permanent Hitam", negated).is_empty(), "{negated}");
    }
}

#[test]
fn ohp_pens_whiteboard_and_permanent_markers_each_stay_apart() {
    let titles = [
        "Spidol Titi Hitam",
        "Spidol Whiteboard Titi Hitam",
        "Spidol Whiteboard Titi Hitam Bisa untuk OHP",
        "Spidol Titi OHP Non Permanent Hitam",
        "Spidol Titi OHP-F Hitam",
        "Spidol Titi Permanent Hitam",
        "Titi Permanent Hitam",
        "Spidol Titi OHP Permanent Hitam",
    ];
    let groups = grouped(&titles);
    let kind = |t: &str| match t {
        _ if t.contains("Bisa untuk OHP") => "whiteboard+ohp",
        _ if t.contains("OHP Permanent") || t.contains("Permanent") => "permanent",
        _ if t.contains("OHP") => "ohp",
        _ => "whiteboard",
    };
    for g in &groups {
        assert!(g.iter().all(|t| kind(t) == kind(g[0])), "{g:?}");
    }
    assert!(together(&groups, "Spidol Titi Hitam", "Spidol Whiteboard Titi Hitam"), "{groups:?}");
    assert!(together(&groups, "Spidol Titi Permanent Hitam", "Titi Permanent Hitam"), "{groups:?}");
}
