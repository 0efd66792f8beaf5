//! A gzip bomb: a small, valid gzip body that inflates to far more than any sane response cap.
//!
//! Compressing 100 MiB on every start would be slow, so one 1 MiB block of padding is deflated
//! once with a full flush (which resets the compressor's history, making the block
//! self-contained and byte-aligned) and repeated; the CRC of the whole is combined from the
//! block's. The result is built on first use and kept for the life of the process.

use std::sync::OnceLock;

use axum::body::Bytes;
use flate2::{Compress, Compression, Crc, FlushCompress};

/// Inflated size of [`gzip_bomb`].
pub(crate) const BOMB_INFLATED_BYTES: usize = 100 << 20;

const BLOCK: usize = 1 << 20;
const OPEN: &[u8] = br#"{"data":[],"padding":""#;
const CLOSE: &[u8] = br#""}"#;

/// gzip of a JSON object with a 100 MiB string (about 100 KiB compressed), built once.
pub(crate) fn gzip_bomb() -> Bytes {
    static BOMB: OnceLock<Bytes> = OnceLock::new();
    BOMB.get_or_init(|| Bytes::from(build(BOMB_INFLATED_BYTES / BLOCK))).clone()
}

/// `{"data":[],"padding":"xxx…"}` with `blocks` MiB of `x`, gzipped.
fn build(blocks: usize) -> Vec<u8> {
    let mut compress = Compress::new(Compression::best(), false);
    let padding = vec![b'x'; BLOCK];
    let open = deflate(&mut compress, OPEN, FlushCompress::Full);
    let block = deflate(&mut compress, &padding, FlushCompress::Full);
    let close = deflate(&mut compress, CLOSE, FlushCompress::Finish);

    let (mut crc, mut block_crc) = (Crc::new(), Crc::new());
    crc.update(OPEN);
    block_crc.update(&padding);
    for _ in 0..blocks {
        crc.combine(&block_crc);
    }
    crc.update(CLOSE);

    // RFC 1952 header: magic, deflate, no flags, no mtime, no extra flags, unknown OS.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    out.extend_from_slice(&open);
    for _ in 0..blocks {
        out.extend_from_slice(&block);
    }
    out.extend_from_slice(&close);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    // ISIZE is the inflated length modulo 2^32.
    out.extend_from_slice(&crc.amount().to_le_bytes());
    out
}

/// Deflates all of `input`, ending with `flush` (zlib's rule: a flush is complete once a call
/// consumed everything and left output room unused).
fn deflate(compress: &mut Compress, input: &[u8], flush: FlushCompress) -> Vec<u8> {
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        out.reserve(64 * 1024);
        let before = compress.total_in();
        let status = compress.compress_vec(&input[pos..], &mut out, flush);
        pos += usize::try_from(compress.total_in() - before).unwrap_or(usize::MAX).min(input.len() - pos);
        let flushed = pos == input.len() && out.len() < out.capacity() && flush != FlushCompress::Finish;
        // Errors cannot happen with an in-memory compressor that always has output room.
        if flushed || matches!(status, Ok(flate2::Status::StreamEnd) | Err(_)) {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_small_bomb_inflates_to_exactly_its_json_and_passes_the_crc_check() {
        let bomb = build(3);
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(&bomb[..]).read_to_end(&mut text).expect("valid gzip with a correct trailer");
        assert_eq!(text.len(), OPEN.len() + 3 * BLOCK + CLOSE.len());
        let json: serde_json::Value = serde_json::from_slice(&text).expect("valid JSON");
        assert_eq!(json["padding"].as_str().map(str::len), Some(3 * BLOCK));
    }

    #[test]
    fn the_bomb_is_about_a_thousandth_of_what_it_inflates_to() {
        let bomb = gzip_bomb();
        assert!(bomb.len() < BOMB_INFLATED_BYTES / 500, "{} bytes", bomb.len());
        let inflated = std::io::copy(&mut flate2::read::GzDecoder::new(&bomb[..]), &mut std::io::sink());
        assert_eq!(inflated.expect("valid gzip") as usize, OPEN.len() + BOMB_INFLATED_BYTES + CLOSE.len());
    }
}
