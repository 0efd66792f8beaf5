//! GraphQL answers compressed whole: a stored one once per coding, not once per replay; a fresh
//! one before it is sent.
//!
//! The compression layer compresses every response as it leaves; for a stored answer that was
//! the same work on the same bytes at every hit, half of a cached request's CPU (perf over the
//! load benchmark's cached phase: zlib-rs deflate 49 % of the gateway's samples). A replay now
//! carries its answer compressed the way the client asks, made on the first replay in that
//! coding and kept with the stored answer; the layer leaves a response that already has a
//! `Content-Encoding` alone. Codings and levels are the layer's own (tower-http's defaults:
//! gzip and zstd at their default levels, brotli at 4).
//!
//! A fresh answer is compressed the same way, whole, before it is sent (with its
//! `Content-Length`), not streamed through the layer; when it is stored, that form is kept as
//! its first compressed form, not made again on the first replay. zstd keeps one context per
//! thread: through async-compression's encoder (a new context, about 1 MiB, for every answer) a
//! miss over the peer mocks cost 0.07–0.12 ms more CPU than an uncompressed one, through a kept
//! one 0.005–0.02 ms.
//!
//! gzip goes through libdeflate, one compressor per worker thread and level, not through zlib
//! (zlib-rs) at the layer's level 6: an answer is always compressed whole, from one buffer, which
//! is what libdeflate is built for. Answers up to 16 KiB (a search's page) at its level 1, larger
//! ones (a comparison) at its 6, since level 1 loses little on a small answer and much on a large
//! one (2026-12-06, one thread):
//!
//! | answer | zlib-rs 6 | libdeflate 1 | libdeflate 6 |
//! |---|---|---|---|
//! | `first: 20` search, 4.8 KiB | 978 B, 37 µs | 1,034 B, 15 µs | 974 B, 38 µs |
//! | README's `compare`, 207 KB | 8,256 B, 961 µs | 11,736 B, 371 µs | 8,436 B, 732 µs |
//!
//! gzip was 7 % of an uncached search's CPU on the load benchmark (perf, session 25).

use async_compression::Level;
use async_compression::tokio::bufread::BrotliEncoder;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, header};
use libdeflater::{CompressionLvl, Compressor};
use std::cell::RefCell;
use std::sync::OnceLock;
use tokio::io::AsyncReadExt;

/// Bodies this size or larger are compressed; the compression layer's threshold too
/// (`startup::worth_compressing`).
pub const COMPRESS_FROM_BYTES: usize = 1024;

/// A coding Pasar compresses with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Zstd,
    Gzip,
}

impl Coding {
    /// The coding a request asks for, once the server has narrowed its `Accept-Encoding` to the
    /// one coding its answer should use (`server::encoding`); `None` for identity or a header not
    /// narrowed (then the compression layer decides, as for any response).
    pub fn asked(headers: &HeaderMap) -> Option<Self> {
        match headers.get(header::ACCEPT_ENCODING)?.as_bytes() {
            b"br" => Some(Self::Brotli),
            b"zstd" => Some(Self::Zstd),
            b"gzip" => Some(Self::Gzip),
            _ => None,
        }
    }

    fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Self::Brotli => "br",
            Self::Zstd => "zstd",
            Self::Gzip => "gzip",
        })
    }

    async fn compress(self, body: &[u8]) -> Option<Bytes> {
        let mut out = Vec::with_capacity(body.len() / 4);
        let read = match self {
            Self::Brotli => BrotliEncoder::with_quality(body, Level::Precise(4)).read_to_end(&mut out).await,
            Self::Zstd => return zstd(body),
            Self::Gzip => return gzip(body),
        };
        read.ok().map(|_| Bytes::from(out))
    }
}

/// `body`, or its compressed form when there is one, with `headers` saying which.
pub fn sent(headers: &mut HeaderMap, body: Bytes, coded: Option<(Coding, Bytes)>) -> Bytes {
    let Some((coding, compressed)) = coded else { return body };
    headers.insert(header::CONTENT_ENCODING, coding.header());
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    compressed
}

/// Answers up to this size are gzipped at [`SMALL`], larger ones at [`LARGE`].
const SMALL_UP_TO: usize = 16 * 1024;
/// libdeflate's level 1, its fastest that compresses (0 stores).
const SMALL: CompressionLvl = level(1);
/// libdeflate's level 6, its default.
const LARGE: CompressionLvl = level(6);

const fn level(n: i32) -> CompressionLvl {
    match CompressionLvl::new(n) {
        Ok(level) => level,
        Err(_) => panic!("libdeflate has levels 0 to 12"),
    }
}

thread_local! {
    /// This thread's gzip compressors for small and large answers, kept between answers
    /// (libdeflate keeps no stream state).
    static GZIP: RefCell<[Option<Compressor>; 2]> = const { RefCell::new([None, None]) };
    /// This thread's zstd context (at tower-http's level, zstd's default), made on first use.
    static ZSTD: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
}

/// `body` as one zstd frame (its size in the header), through this thread's context.
fn zstd(body: &[u8]) -> Option<Bytes> {
    ZSTD.with_borrow_mut(|context| {
        if context.is_none() {
            *context = zstd::bulk::Compressor::new(zstd::DEFAULT_COMPRESSION_LEVEL).ok();
        }
        context.as_mut()?.compress(body).ok().map(Bytes::from)
    })
}

/// `body` as one gzip member, through this thread's compressor.
fn gzip(body: &[u8]) -> Option<Bytes> {
    GZIP.with_borrow_mut(|compressors| {
        let (at, level) = if body.len() <= SMALL_UP_TO { (0, SMALL) } else { (1, LARGE) };
        let compressor = compressors[at].get_or_insert_with(|| Compressor::new(level));
        let mut out = vec![0; compressor.gzip_compress_bound(body.len())];
        let written = compressor.gzip_compress(body, &mut out).ok()?;
        out.truncate(written);
        Some(Bytes::from(out))
    })
}

/// A fresh answer in the coding the request asks for; `None` when none is asked, the body is
/// too small, or the encoder failed (the layer then compresses it as it would any response).
pub async fn compress_once(asked: &HeaderMap, body: &[u8]) -> Option<(Coding, Bytes)> {
    let coding = Coding::asked(asked)?;
    if body.len() < COMPRESS_FROM_BYTES {
        return None;
    }
    Some((coding, coding.compress(body).await?))
}

/// One answer's compressed forms, each made when first asked for.
#[derive(Default)]
pub struct Compressed([OnceLock<Bytes>; 3]);

impl Compressed {
    /// Forms with the one already made when the answer was sent, if it was compressed.
    pub fn starting_with(made: Option<(Coding, Bytes)>) -> Self {
        let compressed = Self::default();
        if let Some((coding, bytes)) = made {
            let _ = compressed.0[coding as usize].set(bytes);
        }
        compressed
    }

    /// `body` in `coding`; `None` when it is too small to compress or the encoder failed (the
    /// layer then compresses it as it would any response).
    pub async fn get(&self, coding: Coding, body: &[u8]) -> Option<(Coding, Bytes)> {
        if body.len() < COMPRESS_FROM_BYTES {
            return None;
        }
        let slot = &self.0[coding as usize];
        let bytes = match slot.get() {
            Some(bytes) => bytes.clone(),
            // Two first replays at once may both compress; the first result is kept.
            None => {
                let made = coding.compress(body).await?;
                slot.get_or_init(|| made).clone()
            }
        };
        Some((coding, bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::{Coding, Compressed, gzip, zstd};
    use axum::body::Bytes;
    use std::io::Read;

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("a whole gzip member");
        out
    }

    fn unzstd(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        ::zstd::Decoder::new(bytes).and_then(|mut d| d.read_to_end(&mut out)).expect("a whole zstd frame");
        out
    }

    /// Bodies larger than the first output buffer guess and barely compressible (so buffers
    /// grow), then small and empty ones through the same state.
    fn bodies() -> Vec<Vec<u8>> {
        let noisy: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let bodies = [br#"{"data":{"search":null}}"#.repeat(200), noisy, b"x".to_vec(), Vec::new()];
        bodies.iter().chain(bodies.iter()).cloned().collect()
    }

    #[test]
    fn the_reused_gzip_compressor_makes_a_whole_member_of_each_body_in_turn() {
        for body in bodies() {
            let compressed = gzip(&body).expect("compressed");
            assert_eq!(gunzip(&compressed), body, "{} bytes", body.len());
        }
    }

    #[test]
    fn a_large_gzip_answer_is_about_as_small_as_zlibs_default_makes_it() {
        let titles = ["Kertas HVS A4 70gsm Sinar Dunia", "Toner HP 85A Original", "Kursi Kantor Hidrolik Hitam"];
        let body: String = (0..1500u32)
            .map(|i| {
                let (title, price, vendor) = (titles[(i % 3) as usize], 40_000 + i * 137 % 9_000, i * 7919 % 401);
                format!(r#"{{"node":{{"id":"mbiz:MB-{i:05}","title":"{title}","price":{{"amount":"{price}"}},"vendor":{{"name":"CV Vendor {vendor}"}}}}}},"#)
            })
            .collect();
        let mut zlib = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut zlib, body.as_bytes()).expect("gzip");
        let zlib = zlib.finish().expect("gzip").len();
        let ours = gzip(body.as_bytes()).expect("compressed").len();
        assert!(ours * 100 <= zlib * 105, "{ours} bytes against zlib's {zlib}, of {}", body.len());
    }

    #[test]
    fn a_gzip_answer_is_compressed_not_stored() {
        // An answer's JSON repeats its field names on every offer; stored blocks (libdeflate's
        // level 0) would come out larger than the answer.
        let offer = r#"{"node":{"id":"mbiz:MB-0001","title":"Kertas HVS A4 70gsm","price":{"amount":"52000"}}},"#;
        let body = offer.repeat(40).into_bytes();
        let compressed = gzip(&body).expect("compressed");
        assert!(compressed.len() * 5 < body.len(), "{} of {} bytes", compressed.len(), body.len());
    }

    #[test]
    fn the_reused_zstd_context_makes_a_whole_frame_of_each_body_in_turn() {
        for body in bodies() {
            let compressed = zstd(&body).expect("compressed");
            assert_eq!(unzstd(&compressed), body, "{} bytes", body.len());
        }
    }

    #[tokio::test]
    async fn a_form_made_when_the_answer_was_sent_is_replayed_not_made_again() {
        let body = br#"{"data":{"search":null}}"#.repeat(100);
        let sent = Bytes::from_static(b"made when sent");
        let compressed = Compressed::starting_with(Some((Coding::Zstd, sent.clone())));
        assert_eq!(compressed.get(Coding::Zstd, &body).await, Some((Coding::Zstd, sent.clone())));
        let gzipped = compressed.get(Coding::Gzip, &body).await.expect("made on its first replay");
        assert_eq!(gunzip(&gzipped.1), body);
    }
}
