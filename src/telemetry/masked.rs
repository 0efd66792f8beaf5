//! Credentials kept out of what Pasar prints. A message that refuses a URL quoted it whole, so a
//! password in it reached the terminal, CI logs, the log and the public `/readyz` (review40o
//! R40o-12, R40o-20); every message that quotes a URL quotes it through [`masked_url`].

/// `text` with the user name and password of every `scheme://user:password@host` in it replaced
/// by `***`. Done on the text, not by parsing: the URLs refused are the ones that do not parse
/// (`http://u:pw@` has no host), and they are the ones quoted.
pub fn masked_url(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (before, after) = rest.split_at(at + 3);
        shown.push_str(before);
        let authority = after.find(['/', '?', '#', ' ', '`', '\'', '"']).unwrap_or(after.len());
        match after[..authority].rfind('@') {
            Some(userinfo) => {
                shown.push_str("***");
                rest = &after[userinfo..];
            }
            None => rest = after,
        }
    }
    shown.push_str(rest);
    shown
}

#[cfg(test)]
mod tests {
    use super::masked_url;

    #[test]
    fn a_user_name_and_password_are_hidden_in_urls_that_parse_and_in_those_that_do_not() {
        assert_eq!(masked_url("ftp://partner:FtpPw1@127.0.0.1/zeta"), "ftp://***@127.0.0.1/zeta");
        assert_eq!(masked_url("`http://u:EnvOtelPw@` is not a URL"), "`http://***@` is not a URL");
        assert_eq!(masked_url("https://tok3n@collector:4318/?a=b@c"), "https://***@collector:4318/?a=b@c");
        assert_eq!(masked_url("a http://x/ and ftp://u:p@y"), "a http://x/ and ftp://***@y");
        assert_eq!(masked_url("no URL at all"), "no URL at all");
    }
}
