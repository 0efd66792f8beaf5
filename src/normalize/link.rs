//! Whether a link may be passed on: an http(s) URL as the `url` crate parses it.
//!
//! Parsing every offer's link with `url` (WHATWG parsing, its host mapped through IDNA) was
//! 2.1 % of a miss's CPU over the sandboxes (perf, load benchmark, `first: 20`). Nearly every
//! link a marketplace sends is plain ASCII of one simple form; [`plainly_http`] recognises that
//! form with a scan that accepts only what `url` certainly accepts, and anything else is parsed
//! as before. A property test checks that the scan never accepts what `url` rejects.

/// Whether `url` parses as an absolute `http` or `https` URL.
pub(crate) fn is_http_url(url: &str) -> bool {
    plainly_http(url) || url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// `http://` or `https://` in any case; a host that is either ASCII letters, digits and `-` in
/// non-empty dot-separated labels, none starting `xn--` (punycode, which `url` decodes and may
/// reject) and the last starting with a letter (one ending in a number is an IPv4 address to
/// `url`), or an IPv4 address as four decimal numbers up to 255 without leading zeros (`url`
/// reads a leading zero as octal); an optional port of at most 65535; then the end, or `/`, `?`
/// or `#` followed by printable ASCII only (`url` escapes what it must there and rejects nothing).
fn plainly_http(url: &str) -> bool {
    let bytes = url.as_bytes();
    let rest = match bytes.get(..8) {
        Some(head) if head.eq_ignore_ascii_case(b"https://") => &bytes[8..],
        _ => match bytes.get(..7) {
            Some(head) if head.eq_ignore_ascii_case(b"http://") => &bytes[7..],
            _ => return false,
        },
    };
    let authority_ends = rest.iter().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_ends);
    let (host, port) = match authority.iter().position(|&b| b == b':') {
        Some(colon) => (&authority[..colon], Some(&authority[colon + 1..])),
        None => (authority, None),
    };
    (plain_name(host) || plain_ipv4(host))
        && port.is_none_or(plain_port)
        && tail.iter().all(|b| (0x21..=0x7e).contains(b))
}

fn plain_name(host: &[u8]) -> bool {
    let mut labels = host.split(|&b| b == b'.').peekable();
    while let Some(label) = labels.next() {
        let plain = !label.is_empty()
            && !label.get(..4).is_some_and(|head| head.eq_ignore_ascii_case(b"xn--"))
            && label.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-');
        if !plain || (labels.peek().is_none() && !label[0].is_ascii_alphabetic()) {
            return false;
        }
    }
    true
}

fn plain_ipv4(host: &[u8]) -> bool {
    let mut octets = 0;
    for part in host.split(|&b| b == b'.') {
        let octet = decimal(part, 3).is_some_and(|n| n <= 255) && (part[0] != b'0' || part.len() == 1);
        if !octet {
            return false;
        }
        octets += 1;
    }
    octets == 4
}

fn plain_port(port: &[u8]) -> bool {
    decimal(port, 5).is_some_and(|n| n <= 65535)
}

/// The value of 1 to `most` ASCII digits.
fn decimal(digits: &[u8], most: usize) -> Option<u32> {
    let digits = Some(digits).filter(|d| (1..=most).contains(&d.len()) && d.iter().all(u8::is_ascii_digit))?;
    Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parsed_as_http(url: &str) -> bool {
        url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
    }

    #[test]
    fn marketplace_links_of_the_plain_form_are_recognised_without_parsing() {
        for url in [
            "https://bela.example/p/BL-0000002",
            "http://e-katalog.lkpp.go.id/katalog/produk/detail/12345?type=general&x=%20",
            "HTTPS://Shop.Example.co.id:8443/a/b#frag",
            "https://padiumkm.id",
            "https://mbiz.co.id?q=kertas",
            "http://127.0.0.1:4101/p/bl-0000002",
            "http://10.0.0.255/",
        ] {
            assert!(plainly_http(url), "{url}");
            assert!(is_http_url(url), "{url}");
        }
    }

    #[test]
    fn links_outside_the_plain_form_are_still_judged_by_parsing() {
        let judged = [
            ("https://toko.例え.jp/p", true),
            ("http://192.168.01.1/p", true),
            ("http://1.2.3/p", true),
            ("http://0x7f.0.0.1/p", true),
            ("http://999.1.1.1/p", false),
            ("http://1.2.3.4.5/p", false),
            ("http://user@shop.example/p", true),
            ("http://shop.example:99999/", false),
            ("http://shop.example/a b", true),
            (" https://shop.example/", true),
            ("http://xn--zz/", false),
            ("javascript:alert(1)", false),
            ("ftp://shop.example/file", false),
            ("https://", false),
            ("/relative/path", false),
        ];
        for (url, expected) in judged {
            assert!(!plainly_http(url), "{url} is not of the plain form");
            assert_eq!(is_http_url(url), expected, "{url}");
            assert_eq!(parsed_as_http(url), expected, "{url}");
        }
    }

    /// Links near the plain form: most are of it, the rest differ from it in one way or another.
    fn near_plain() -> impl Strategy<Value = String> {
        let scheme =
            prop::sample::select(vec!["http://", "https://", "HTTP://", "hTtPs://", "http:/", "ftp://", "http:"]);
        let label = "(xn--)?[a-zA-Z0-9\\-]{0,6}|[0-9]{1,3}|[12][0-9]{2}|0x[0-9a-f]{1,2}|[a-z_%@\\[\\]]{1,3}";
        let labels = prop::collection::vec(label, 1..6);
        let port = prop::option::of("[0-9]{0,7}");
        let tail = prop::option::of("[/?#\\\\][ -~\u{80}-\u{ff}]{0,20}");
        (scheme, labels, port, tail).prop_map(|(scheme, labels, port, tail)| {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            format!("{scheme}{}{port}{}", labels.join("."), tail.unwrap_or_default())
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn the_scan_accepts_only_what_url_parses_as_http(url in near_plain()) {
            if plainly_http(&url) {
                prop_assert!(parsed_as_http(&url), "{url}");
            }
        }
    }
}
