//! A frame the socket cannot read closes it with a Close frame saying why (RFC 6455 §7.4.1, §8.1),
//! not a dropped connection: a client that hears 1006 takes it for the network and sends the
//! same message again.

use super::socket::{self, Heard};
use crate::helpers::spawn_app;
use serde_json::json;
use std::time::Duration;
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};

fn text_frame(payload: &[u8]) -> Frame {
    Frame::message(payload.to_vec(), OpCode::Data(Data::Text), true)
}

#[tokio::test]
async fn a_frame_the_socket_cannot_read_closes_it_with_a_close_code_and_the_reason() {
    let app = spawn_app().await;
    let not_utf8 = text_frame(b"{\"type\":\"ping\",\"x\":\"\xff\"}");
    let mut reserved_bit = text_frame(b"{\"type\":\"ping\"}");
    reserved_bit.header_mut().rsv1 = true;
    let unknown_opcode = Frame::message(b"{}".to_vec(), OpCode::Data(Data::Reserved(3)), true);
    let cases = [
        ("text that is not UTF-8", not_utf8, 1007),
        ("RSV1 set", reserved_bit, 1002),
        ("opcode 3", unknown_opcode, 1002),
    ];
    for (name, frame, code) in cases {
        let mut socket = socket::open_acked(&app.address, json!({})).await;
        socket.send_frame(frame).await;
        match socket.hear(Duration::from_secs(5)).await {
            Heard::Closed(heard, reason) => {
                assert_eq!(heard, code, "{name}: {reason}");
                assert!(!reason.is_empty(), "{name}: the reason is given");
            }
            other => panic!("{name}: expected close {code}, heard {other:?}"),
        }
    }
    app.assert_serving().await;
}
