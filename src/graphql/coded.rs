//! Stored answers compressed once per coding, not once per replay.
//!
//! The compression layer compresses every response as it leaves; for a stored answer that was
//! the same work on the same bytes at every hit, half of a cached request's CPU (perf over the
//! load benchmark's cached phase: zlib-rs deflate 49 % of the gateway's samples). A replay now
//! carries its answer compressed the way the client asks, made on the first replay in that
//! coding and kept with the stored answer; the layer leaves a response that already has a
//! `Content-Encoding` alone. Codings and levels are the layer's own (tower-http's defaults:
//! gzip and zstd at their default levels, brotli at 4), so a client sees the same bytes either way.

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

    async fn compress(self, body: &[u8]) -> Option<Bytes> {
        let mut out = Vec::with_capacity(body.len() / 4);
        let read = match self {
            Self::Brotli => BrotliEncoder::with_quality(body, Level::Precise(4)).read_to_end(&mut out).await,
            Self::Zstd => ZstdEncoder::with_quality(body, Level::Default).read_to_end(&mut out).await,
            Self::Gzip => GzipEncoder::with_quality(body, Level::Default).read_to_end(&mut out).await,
        };
        read.ok().map(|_| Bytes::from(out))
    }
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
                let made = coding.compress(body).await?;
                slot.get_or_init(|| made).clone()
            }
        };
        let mut headers = HeaderMap::with_capacity(2);
        headers.insert(header::CONTENT_ENCODING, coding.header());
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        Some((bytes, headers))
    }
}
