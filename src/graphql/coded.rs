//! Stored answers compressed once per coding, not once per replay.
//!
//! The compression layer compresses every response as it leaves; for a stored answer that was
//! the same work on the same bytes at every hit, half of a cached request's CPU (perf over the
//! load benchmark's cached phase: zlib-rs deflate 49 % of the gateway's samples). A replay now
//! carries its answer compressed the way the client asks, made on the first replay in that
//! coding and kept with the stored answer; the layer leaves a response that already has a
//! `Content-Encoding` alone. Codings and levels are the layer's own (tower-http's defaults:
//! gzip and zstd at their default levels, brotli at 4), so a client sees the same bytes either way.
//!
//! A fresh answer is compressed for one client (if it is stored, its replays get the levels
//! above): the time spent on it is all there is to save, so it gets a fast level of its coding
//! in one pass over the finished body instead of the layer's stream. On the load benchmark's misses
//! the layer's gzip was 7.6 % of the gateway's CPU, a fifth of it zeroing a fresh stream state.

use async_compression::Level;
use async_compression::tokio::bufread::{BrotliEncoder, GzipEncoder, ZstdEncoder};
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, header};
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

    /// The level for an answer kept and replayed (the layer's), or sent once (a fast one).
    fn level(self, kept: bool) -> Level {
        match (self, kept) {
            (Self::Brotli, true) => Level::Precise(4),
            (_, true) => Level::Default,
            // zlib-rs's level 1 uses fixed Huffman codes only: a `search(first: 20)` answer
            // 1,513 bytes against 1,075 at the default level; level 2 gives 1,201.
            (Self::Gzip, false) => Level::Precise(2),
            // Brotli's quality 0 gives up most of its ratio.
            (Self::Brotli, false) => Level::Precise(1),
            (Self::Zstd, false) => Level::Fastest,
        }
    }

    async fn compress(self, body: &[u8], kept: bool) -> Option<Bytes> {
        let mut out = Vec::with_capacity(body.len() / 4);
        let level = self.level(kept);
        let read = match self {
            Self::Brotli => BrotliEncoder::with_quality(body, level).read_to_end(&mut out).await,
            Self::Zstd => ZstdEncoder::with_quality(body, level).read_to_end(&mut out).await,
            Self::Gzip => GzipEncoder::with_quality(body, level).read_to_end(&mut out).await,
        };
        read.ok().map(|_| Bytes::from(out))
    }

    fn headers(self) -> HeaderMap {
        let mut headers = HeaderMap::with_capacity(2);
        headers.insert(header::CONTENT_ENCODING, self.header());
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        headers
    }
}

/// An answer sent once (not stored) in the coding the request asks for, at a fast
/// level; `None` when none is asked, the body is too small, or the encoder failed (the layer
/// then compresses it as it would any response).
pub async fn compress_once(asked: &HeaderMap, body: &[u8]) -> Option<(Bytes, HeaderMap)> {
    let coding = Coding::asked(asked)?;
    if body.len() < COMPRESS_FROM_BYTES {
        return None;
    }
    Some((coding.compress(body, false).await?, coding.headers()))
}

/// One answer's compressed forms, each made when first asked for.
#[derive(Default)]
pub struct Compressed([OnceLock<Bytes>; 3]);

impl Compressed {
    /// `body` in `coding`, with the headers that say so; `None` when it is too small to compress
    /// or the encoder failed (the layer then compresses it as it would any response).
    pub async fn get(&self, coding: Coding, body: &[u8]) -> Option<(Bytes, HeaderMap)> {
        if body.len() < COMPRESS_FROM_BYTES {
            return None;
        }
        let slot = &self.0[coding as usize];
        let bytes = match slot.get() {
            Some(bytes) => bytes.clone(),
            // Two first replays at once may both compress; the first result is kept.
            None => {
                let made = coding.compress(body, true).await?;
                slot.get_or_init(|| made).clone()
            }
        };
        Some((bytes, coding.headers()))
    }
}
