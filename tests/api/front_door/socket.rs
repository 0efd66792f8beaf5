//! A graphql-transport-ws client for the tests: raw messages in, raw messages and close codes out.

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{CloseCode, Data, OpCode};
use tokio_tungstenite::tungstenite::{Error, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub struct Socket(WebSocketStream<MaybeTlsStream<TcpStream>>);

/// What the server did next.
#[derive(Debug, PartialEq)]
pub enum Heard {
    Message(Value),
    Closed(u16, String),
    Nothing,
}

/// Opens `/graphql/ws` with extra handshake headers; `Err` holds the HTTP status of a refusal.
pub async fn open(address: &str, headers: &[(&str, &str)]) -> Result<Socket, (u16, String)> {
    let url = format!("{}/graphql/ws", address.replace("http://", "ws://"));
    let mut request = url.into_client_request().expect("request");
    request.headers_mut().insert("Sec-WebSocket-Protocol", HeaderValue::from_static("graphql-transport-ws"));
    for (name, value) in headers {
        let name = tokio_tungstenite::tungstenite::http::HeaderName::from_bytes(name.as_bytes()).expect("name");
        request.headers_mut().insert(name, HeaderValue::from_str(value).expect("value"));
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(Socket(socket)),
        Err(Error::Http(response)) => {
            let body = response.body().as_ref().map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
            Err((response.status().as_u16(), body))
        }
        Err(other) => Err((0, other.to_string())),
    }
}

/// Opens a socket and completes `connection_init` with `payload`.
pub async fn open_acked(address: &str, payload: Value) -> Socket {
    let mut socket = open(address, &[]).await.expect("socket opens");
    socket.send(json!({"type": "connection_init", "payload": payload})).await;
    assert_eq!(socket.next_type().await, "connection_ack");
    socket
}

impl Socket {
    pub async fn send(&mut self, message: Value) {
        self.send_text(message.to_string()).await;
    }

    pub async fn send_text(&mut self, text: String) {
        // A socket the server already closed refuses the write; what it said is read next.
        let _ = self.0.send(Message::text(text)).await;
    }

    /// Sends one raw frame (a piece of a message, a ping), as a client sending in pieces would.
    pub async fn send_frame(&mut self, frame: Frame) {
        let _ = self.0.send(Message::Frame(frame)).await;
    }

    /// Sends the first piece of a `subscribe`, then `keep` every 200 ms (a ping, another piece)
    /// until the server closes the socket: its close code and reason, and how long after the
    /// first piece. Panics if it is still open after 10 s.
    pub async fn hold_a_piece(&mut self, keep: impl Fn() -> Frame) -> (u16, String, Duration) {
        let piece = br#"{"type":"subscribe","id":"1","payload":{"query":"{ marketplaces { id } } #"#.to_vec();
        self.send_frame(Frame::message(piece, OpCode::Data(Data::Text), false)).await;
        let sent = std::time::Instant::now();
        loop {
            assert!(sent.elapsed() < Duration::from_secs(10), "the message in pieces is still held after 10 s");
            self.send_frame(keep()).await;
            match self.hear(Duration::from_millis(200)).await {
                Heard::Closed(code, reason) => return (code, reason, sent.elapsed()),
                Heard::Nothing => {}
                Heard::Message(message) => panic!("nothing was sent whole, heard {message}"),
            }
        }
    }

    pub async fn subscribe(&mut self, id: &str, payload: Value) {
        self.send(json!({"id": id, "type": "subscribe", "payload": payload})).await;
    }

    /// The next message or close within `wait`.
    pub async fn hear(&mut self, wait: Duration) -> Heard {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let Ok(next) = tokio::time::timeout_at(deadline, self.0.next()).await else { return Heard::Nothing };
            match next {
                Some(Ok(Message::Text(text))) => return Heard::Message(serde_json::from_str(&text).expect("JSON")),
                Some(Ok(Message::Close(frame))) => {
                    let (code, reason) = frame
                        .map(|f| (u16::from(f.code), f.reason.to_string()))
                        .unwrap_or((CloseCode::Status.into(), String::new()));
                    return Heard::Closed(code, reason);
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => return Heard::Closed(0, e.to_string()),
                None => return Heard::Closed(0, "ended without a close frame".into()),
            }
        }
    }

    /// The `type` of the next message (panics on a close).
    pub async fn next_type(&mut self) -> String {
        match self.hear(Duration::from_secs(10)).await {
            Heard::Message(message) => message["type"].as_str().unwrap_or_default().to_string(),
            other => panic!("expected a message, heard {other:?}"),
        }
    }

    /// The close code the server sends next (skipping messages).
    pub async fn close_code(&mut self, wait: Duration) -> u16 {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            match self.hear(deadline.saturating_duration_since(tokio::time::Instant::now())).await {
                Heard::Closed(code, _) => return code,
                Heard::Nothing => return 0,
                Heard::Message(_) => {}
            }
        }
    }

    /// The text of the next message, as the server wrote it (keys in its order).
    pub async fn next_text(&mut self) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            match tokio::time::timeout_at(deadline, self.0.next()).await {
                Ok(Some(Ok(Message::Text(text)))) => return text.to_string(),
                Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => {}
                other => panic!("expected a message, heard {other:?}"),
            }
        }
    }

    /// The first `error` or `next` message for operation `id`.
    pub async fn answer(&mut self, id: &str) -> Value {
        loop {
            match self.hear(Duration::from_secs(20)).await {
                Heard::Message(message) if message["id"] == id => return message,
                Heard::Message(_) => {}
                other => panic!("expected an answer to {id}, heard {other:?}"),
            }
        }
    }
}
