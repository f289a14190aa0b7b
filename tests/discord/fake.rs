//! A fake Discord on 127.0.0.1: the REST API and the gateway WebSocket that serenity 0.12 and
//! poise 0.7 use, recording every request so tests can assert on what the bot sent.
//!
//! Every event the fake dispatches is first deserialized with serenity's own gateway types,
//! so a payload serenity would silently drop fails the test instead of looking like silence.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, Notify};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message as Ws;

pub const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkE1.fake-token_for-tests";
pub const BOT: &str = "1000000000000000001";
pub const APP: &str = "1000000000000000001";
pub const GUILD: &str = "1300000000000000001";
pub const CHANNEL: &str = "1400000000000000001";
pub const ALICE: &str = "1500000000000000001";
/// A member of the guild who does not own the bot.
pub const BOB: &str = "1500000000000000002";
pub const OTHER_BOT: &str = "1500000000000000099";
/// A text channel of the guild, a thread in it, a forum channel, and a post in the forum.
pub const NEWS: &str = "1400000000000000011";
pub const NEWS_THREAD: &str = "1400000000000000012";
pub const FORUM: &str = "1400000000000000013";
pub const FORUM_POST: &str = "1400000000000000014";
/// A server that did not install the bot, and one of its channels.
pub const FOREIGN_GUILD: &str = "1300000000000000002";
pub const FOREIGN_CHANNEL: &str = "1400000000000000091";
/// A user's direct messages with the bot, and a group DM.
pub const DM_CHANNEL: &str = "1400000000000000092";
pub const GROUP_DM: &str = "1400000000000000093";
/// The role Discord made for the bot in the guild (its managed role).
pub const BOT_ROLE: &str = "1600000000000000010";
/// Another role of the guild, not the bot's.
pub const OTHER_ROLE: &str = "1600000000000000011";
const T0: &str = "2024-01-01T00:00:00.000000+00:00";

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub body: Value,
    pub authorization: Option<String>,
    /// When the request arrived.
    pub at: std::time::Instant,
}

/// A payload the bot sent on the gateway.
#[derive(Debug, Clone)]
pub struct GatewayPayload {
    pub connection: usize,
    pub body: Value,
}

/// A REST failure to serve instead of the normal response.
#[derive(Debug, Clone)]
struct Fault {
    path_contains: String,
    status: u16,
}

/// What the fake sends down one gateway connection.
type Outbox = mpsc::UnboundedSender<ToConnection>;

enum ToConnection {
    Text(String),
    Close(u16),
    Drop,
}

#[derive(Default)]
struct Shared {
    gateway_url: String,
    requests: Mutex<Vec<Request>>,
    payloads: Mutex<Vec<GatewayPayload>>,
    changed: Notify,
    /// Each gateway connection, with the shard it identified as (`[id, total]`).
    connections: Mutex<Vec<(Outbox, Option<[u64; 2]>)>>,
    /// The shard count `GET /gateway/bot` recommends.
    recommended_shards: AtomicU64,
    seq: AtomicU64,
    sessions: AtomicU64,
    ids: AtomicU64,
    faults: Mutex<VecDeque<Fault>>,
    reject_identify_with: Mutex<Option<u16>>,
    refuse_resume: AtomicBool,
    /// Every REST reply waits this long (milliseconds) before it is sent.
    delay_ms: AtomicU64,
    /// Messages the bot posted in channels, as the fake returned them, in order.
    posted: Mutex<Vec<Value>>,
    /// The message each interaction's first response became, by interaction token.
    originals: Mutex<HashMap<String, Value>>,
    /// Per interaction token: its channel, user and interaction type, for its answer.
    interactions: Mutex<HashMap<String, (String, String, u64)>>,
    /// Threads the bot opened, as the fake returned them.
    threads: Mutex<Vec<Value>>,
}

#[derive(Clone)]
pub struct FakeDiscord {
    pub rest_base: String,
    shared: Arc<Shared>,
}

pub const WAIT: Duration = Duration::from_secs(10);

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        let rest = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let gateway = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let shared = Arc::new(Shared {
            gateway_url: format!("ws://{}", gateway.local_addr().unwrap()),
            ids: AtomicU64::new(1_800_000_000_000_000_001),
            recommended_shards: AtomicU64::new(1),
            ..Shared::default()
        });
        let rest_base = format!("http://{}", rest.local_addr().unwrap());
        let app = axum::Router::new().fallback(rest_handler).with_state(shared.clone());
        tokio::spawn(async move { axum::serve(rest, app).await.unwrap() });
        tokio::spawn(accept_gateway(gateway, shared.clone()));
        FakeDiscord { rest_base, shared }
    }

    // ---- what the bot sent

    pub fn requests(&self) -> Vec<Request> {
        self.shared.requests.lock().unwrap().clone()
    }

    pub fn payloads(&self) -> Vec<GatewayPayload> {
        self.shared.payloads.lock().unwrap().clone()
    }

    /// How many REST requests after `mark` match, without copying them.
    pub fn count_after(&self, mark: usize, matches: impl Fn(&Request) -> bool) -> usize {
        self.shared.requests.lock().unwrap().iter().skip(mark).filter(|r| matches(r)).count()
    }

    /// The number of REST requests so far, to wait for ones after it.
    pub fn mark(&self) -> usize {
        self.shared.requests.lock().unwrap().len()
    }
    /// The first message the bot posted in `channel` after `mark` (waits up to [`WAIT`]).
    pub async fn posted_in(&self, channel: &str, mark: usize) -> Request {
        let path = format!("/channels/{channel}/messages");
        self.request_after(mark, WAIT, |r| r.method == "POST" && r.path.ends_with(&path)).await
    }

    /// The first REST request after `mark` that `matches`, waiting up to `timeout`.
    pub async fn request_after(&self, mark: usize, timeout: Duration, matches: impl Fn(&Request) -> bool) -> Request {
        let found = tokio::time::timeout(timeout, async {
            loop {
                let notified = self.shared.changed.notified();
                if let Some(r) = self.requests().into_iter().skip(mark).find(|r| matches(r)) {
                    return r;
                }
                notified.await;
            }
        })
        .await;
        found
            .unwrap_or_else(|_| panic!("no matching request within {timeout:?}; got:\n{:#?}", &self.requests()[mark..]))
    }

    /// The first gateway payload with opcode `op` after the first `skip` payloads.
    pub async fn payload_after(&self, skip: usize, op: u64, timeout: Duration) -> GatewayPayload {
        let found = tokio::time::timeout(timeout, async {
            loop {
                let notified = self.shared.changed.notified();
                if let Some(p) = self.payloads().into_iter().skip(skip).find(|p| p.body["op"] == op) {
                    return p;
                }
                notified.await;
            }
        })
        .await;
        found.unwrap_or_else(|_| panic!("no gateway op {op} within {timeout:?}"))
    }

    /// Waits until the bot has identified and registered its commands: it is ready.
    pub async fn ready(&self) {
        self.request_after(0, WAIT, |r| r.method == "PUT" && r.path.ends_with("/commands")).await;
    }

    // ---- what the fake sends

    /// Sends a dispatch event on the newest connection, after checking serenity can read it.
    pub fn dispatch(&self, event: &str, data: Value) {
        let seq = self.shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
        let frame = json!({"op": 0, "s": seq, "t": event, "d": data});
        assert_serenity_reads(&frame);
        self.send(ToConnection::Text(frame.to_string()));
    }

    pub fn send_op(&self, frame: Value) {
        self.send(ToConnection::Text(frame.to_string()));
    }

    pub fn close(&self, code: u16) {
        self.send(ToConnection::Close(code));
    }

    /// Drops the TCP connection without a WebSocket close.
    pub fn drop_connection(&self) {
        self.send(ToConnection::Drop);
    }

    fn send(&self, message: ToConnection) {
        let connections = self.shared.connections.lock().unwrap();
        connections.last().expect("the bot is connected").0.send(message).ok();
    }

    /// Sends a dispatch event on the newest connection that identified as shard `shard`.
    pub fn dispatch_to_shard(&self, shard: u64, event: &str, data: Value) {
        let seq = self.shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
        let frame = json!({"op": 0, "s": seq, "t": event, "d": data});
        assert_serenity_reads(&frame);
        let connections = self.shared.connections.lock().unwrap();
        let (tx, _) = connections
            .iter()
            .rev()
            .find(|(_, s)| s.is_some_and(|[id, _]| id == shard))
            .unwrap_or_else(|| panic!("no connection identified as shard {shard}"));
        tx.send(ToConnection::Text(frame.to_string())).ok();
    }

    /// `GET /gateway/bot` recommends `n` shards from now on.
    pub fn recommend_shards(&self, n: u64) {
        self.shared.recommended_shards.store(n, Ordering::SeqCst);
    }

    /// The shards (`[id, total]`) the bot identified as so far, in order.
    pub fn identified_shards(&self) -> Vec<[u64; 2]> {
        self.payloads()
            .iter()
            .filter(|p| p.body["op"] == 2)
            .map(|p| {
                let shard = &p.body["d"]["shard"];
                [shard[0].as_u64().unwrap_or(0), shard[1].as_u64().unwrap_or(1)]
            })
            .collect()
    }

    /// The next `n` REST requests whose path contains `path_contains` fail with `status`.
    pub fn fail_next(&self, path_contains: &str, status: u16, n: usize) {
        let mut faults = self.shared.faults.lock().unwrap();
        for _ in 0..n {
            faults.push_back(Fault { path_contains: path_contains.into(), status });
        }
    }

    /// Every REST reply from now on takes `delay` (zero: back to normal).
    pub fn slow_down(&self, delay: Duration) {
        self.shared.delay_ms.store(delay.as_millis() as u64, Ordering::SeqCst);
    }

    /// Close every IDENTIFY with this gateway close code (4004: authentication failed).
    pub fn reject_identify_with(&self, code: u16) {
        *self.shared.reject_identify_with.lock().unwrap() = Some(code);
    }

    /// Answer RESUME with INVALID_SESSION, forcing a new IDENTIFY.
    pub fn refuse_resume(&self) {
        self.shared.refuse_resume.store(true, Ordering::SeqCst);
    }

    pub fn next_id(&self) -> String {
        self.shared.ids.fetch_add(1, Ordering::SeqCst).to_string()
    }

    /// How many messages the bot has posted in channels so far.
    pub fn posted_count(&self) -> usize {
        self.shared.posted.lock().unwrap().len()
    }

    /// Message number `n` (0-based) the bot posted in a channel, as Discord stores it, waiting
    /// up to [`WAIT`] for it.
    pub async fn posted(&self, n: usize) -> Value {
        let found = tokio::time::timeout(WAIT, async {
            loop {
                let notified = self.shared.changed.notified();
                if let Some(m) = self.shared.posted.lock().unwrap().get(n) {
                    return m.clone();
                }
                notified.await;
            }
        })
        .await;
        found.unwrap_or_else(|_| panic!("the bot posted no message number {n} within {WAIT:?}"))
    }

    /// The message the first response to interaction `id` became.
    pub fn original(&self, id: &str) -> Option<Value> {
        self.shared.originals.lock().unwrap().get(&format!("interaction-token-{id}")).cloned()
    }

    /// The threads the bot opened so far.
    pub fn threads(&self) -> Vec<Value> {
        self.shared.threads.lock().unwrap().clone()
    }
}

/// Fails the test if serenity would not turn this frame into the intended event.
pub fn assert_serenity_reads(frame: &Value) {
    use serenity::model::event::{Event, GatewayEvent};
    let parsed: GatewayEvent =
        serde_json::from_value(frame.clone()).unwrap_or_else(|e| panic!("serenity cannot read {frame}: {e}"));
    if let GatewayEvent::Dispatch(_, Event::Unknown(unknown)) = parsed {
        panic!("serenity would drop this {} event as unknown: {frame}", unknown.kind);
    }
}

// ---------------------------------------------------------------- REST

async fn rest_handler(
    State(shared): State<Arc<Shared>>,
    method: Method,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let json_body: Value =
        if body.is_empty() { Value::Null } else { serde_json::from_slice(&body).unwrap_or(Value::Null) };
    let request = Request {
        method: method.to_string(),
        path: path.clone(),
        body: json_body.clone(),
        authorization: headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_string),
        at: std::time::Instant::now(),
    };
    shared.requests.lock().unwrap().push(request);
    shared.changed.notify_waiters();
    let delay = shared.delay_ms.load(Ordering::SeqCst);
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }

    let fault = {
        let mut faults = shared.faults.lock().unwrap();
        let at = faults.iter().position(|f| path.contains(&f.path_contains));
        at.and_then(|i| faults.remove(i))
    };
    if let Some(f) = fault {
        return error_response(f.status);
    }
    let id = shared.ids.fetch_add(1, Ordering::SeqCst).to_string();
    let segments: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => axum::Json(json!({"url": shared.gateway_url})).into_response(),
        ("GET", ["gateway", "bot"]) => axum::Json(json!({
            "url": shared.gateway_url,
            "shards": shared.recommended_shards.load(Ordering::SeqCst),
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}))
        .into_response(),
        ("GET", ["users", "@me"]) => axum::Json(bot_user()).into_response(),
        ("GET", ["oauth2", "applications", "@me"]) => axum::Json(app_info()).into_response(),
        ("PUT", ["applications", app, rest @ ..]) if rest.last() == Some(&"commands") => {
            let guild = (rest.len() == 3).then(|| rest[1].to_string());
            let commands: Vec<Value> = json_body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    let o = c.as_object_mut().unwrap();
                    o.insert("id".into(), json!((1_200_000_000_000_000_001u64 + i as u64).to_string()));
                    o.insert("application_id".into(), json!(app));
                    o.insert("version".into(), json!("1900000000000000001"));
                    o.entry("type").or_insert(json!(1));
                    o.entry("description").or_insert(json!(""));
                    o.entry("default_member_permissions").or_insert(Value::Null);
                    if let Some(g) = &guild {
                        o.insert("guild_id".into(), json!(g));
                    }
                    c
                })
                .collect();
            axum::Json(Value::Array(commands)).into_response()
        }
        ("POST", ["interactions", _, token, "callback"]) => {
            if json_body["type"] == 4 {
                let asked = shared.interactions.lock().unwrap().get(*token).cloned();
                let channel = asked.as_ref().map_or(CHANNEL, |(channel, _, _)| channel.as_str());
                let mut message = message_from(&json_body["data"], &id, channel, 20);
                // As Discord does: the answer says which interaction, and whose, it answers.
                if let Some((_, user, 2)) = &asked {
                    let interaction = token.trim_start_matches("interaction-token-");
                    message["interaction_metadata"] = command_metadata(interaction, user);
                }
                shared.originals.lock().unwrap().insert(token.to_string(), message);
            }
            StatusCode::NO_CONTENT.into_response()
        }
        ("GET", ["webhooks", _, token, "messages", "@original"]) => {
            match shared.originals.lock().unwrap().get(*token) {
                Some(message) => axum::Json(message.clone()).into_response(),
                None => error_response(404),
            }
        }
        ("POST", ["webhooks", _, _]) | ("PATCH", ["webhooks", _, _, "messages", _]) => {
            axum::Json(message_from(&json_body, &id, CHANNEL, 20)).into_response()
        }
        ("POST", ["channels", channel, "messages"]) => {
            let kind = if json_body.get("message_reference").is_some() { 19 } else { 0 };
            let message = message_from(&json_body, &id, channel, kind);
            shared.posted.lock().unwrap().push(message.clone());
            shared.changed.notify_waiters();
            axum::Json(message).into_response()
        }
        ("PATCH", ["channels", channel, "messages", message]) => {
            axum::Json(message_from(&json_body, message, channel, 0)).into_response()
        }
        ("DELETE", ["channels", _, "messages", _]) => StatusCode::NO_CONTENT.into_response(),
        ("POST", ["channels", channel, "messages", _, "threads"]) => {
            let thread = bot_thread(&id, channel, &json_body["name"]);
            shared.threads.lock().unwrap().push(thread.clone());
            (StatusCode::CREATED, axum::Json(thread)).into_response()
        }
        ("GET", ["channels", channel]) => {
            let opened = shared.threads.lock().unwrap().iter().find(|t| t["id"] == *channel).cloned();
            axum::Json(opened.unwrap_or_else(|| channel_object(channel))).into_response()
        }
        ("POST", ["channels", _, "typing"]) => StatusCode::NO_CONTENT.into_response(),
        ("PUT", ["channels", _, "messages", _, "reactions", _, "@me"]) => StatusCode::NO_CONTENT.into_response(),
        _ => (StatusCode::NOT_FOUND, axum::Json(json!({"code": 0, "message": "404: Not Found"}))).into_response(),
    }
}

/// The application, owned by Alice (no team): what poise reads to know the bot's owners.
fn app_info() -> Value {
    json!({"id": APP, "name": "newsbot", "icon": null, "description": "", "type": null,
           "verify_key": "0".repeat(64), "flags": 0, "redirect_uris": [], "interactions_endpoint_url": null,
           "role_connections_verification_url": null,
           "owner": {"id": ALICE, "username": "alice", "avatar": null, "discriminator": "0", "public_flags": 0,
                     "flags": 0, "global_name": "Alice", "primary_guild": null},
           "approximate_guild_count": 1, "explicit_content_filter": 0, "team": null,
           "bot_public": false, "bot_require_code_grant": false})
}

fn error_response(status: u16) -> Response {
    let code = StatusCode::from_u16(status).unwrap();
    if status == 429 {
        return (
            code,
            [("retry-after", "0.2"), ("x-ratelimit-scope", "user"), ("x-ratelimit-remaining", "0")],
            axum::Json(
                json!({"message": "You are being rate limited.", "retry_after": 0.2, "global": false, "code": 0}),
            ),
        )
            .into_response();
    }
    (code, axum::Json(json!({"code": 0, "message": code.canonical_reason().unwrap_or("error")}))).into_response()
}

/// A message as Discord returns it (valid for serenity and for the OpenAPI spec).
pub fn message_from(body: &Value, id: &str, channel: &str, kind: u64) -> Value {
    let mut m = json!({
        "id": id, "channel_id": channel, "author": bot_user(),
        "content": body.get("content").cloned().unwrap_or(json!("")),
        "timestamp": T0, "edited_timestamp": null, "tts": false, "mention_everyone": false,
        "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": body.get("embeds").cloned().unwrap_or(json!([])),
        "components": body.get("components").cloned().unwrap_or(json!([])),
        "pinned": false, "type": kind, "flags": body.get("flags").cloned().unwrap_or(json!(0)),
    });
    if let Some(reference) = body.get("message_reference") {
        m["message_reference"] = reference.clone();
    }
    m
}

/// What Discord says, on a message answering a slash command, about the command: its
/// interaction and who used it.
pub fn command_metadata(interaction: &str, user_id: &str) -> Value {
    json!({"id": interaction, "type": 2, "user": user(user_id), "authorizing_integration_owners": {"0": GUILD}})
}

/// The bot's reply (`reply`, the body it posted) to a message by `author`, as Discord shows it
/// later: with the message it replies to.
pub fn reply_message(reply: &Value, id: &str, author: Value) -> Value {
    let mut message = message_from(reply, id, CHANNEL, 19);
    let question = reply["message_reference"]["message_id"].as_str().unwrap_or_default();
    message["referenced_message"] = json!({
        "id": question, "channel_id": CHANNEL, "author": author, "content": "",
        "timestamp": T0, "edited_timestamp": null, "tts": false, "mention_everyone": false,
        "mentions": [], "mention_roles": [], "attachments": [], "embeds": [], "pinned": false,
        "type": 0, "flags": 0, "components": []});
    message
}

pub fn bot_user() -> Value {
    json!({"id": BOT, "username": "storybot", "avatar": null, "discriminator": "0", "public_flags": 0, "flags": 0,
           "bot": true, "global_name": null, "primary_guild": null})
}

// ---------------------------------------------------------------- gateway

async fn accept_gateway(listener: TcpListener, shared: Arc<Shared>) {
    let mut count = 0;
    while let Ok((tcp, _)) = listener.accept().await {
        let Ok(ws) = tokio_tungstenite::accept_async(tcp).await else { continue };
        let (tx, rx) = mpsc::unbounded_channel();
        shared.connections.lock().unwrap().push((tx, None));
        count += 1;
        tokio::spawn(connection(ws, rx, count, shared.clone()));
    }
}

async fn connection(
    ws: tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>,
    mut rx: mpsc::UnboundedReceiver<ToConnection>,
    number: usize,
    shared: Arc<Shared>,
) {
    let (mut sink, mut stream) = ws.split();
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}, "s": null, "t": null});
    if sink.send(Ws::Text(hello.to_string())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            frame = stream.next() => {
                let Some(Ok(frame)) = frame else { break };
                let Ws::Text(text) = frame else { continue };
                let Ok(body) = serde_json::from_str::<Value>(&text) else { continue };
                if body["op"] == 2 {
                    let shard = &body["d"]["shard"];
                    let shard = [shard[0].as_u64().unwrap_or(0), shard[1].as_u64().unwrap_or(1)];
                    shared.connections.lock().unwrap()[number - 1].1 = Some(shard);
                }
                shared.payloads.lock().unwrap().push(GatewayPayload { connection: number, body: body.clone() });
                shared.changed.notify_waiters();
                for reply in answer_gateway(&shared, &body) {
                    match reply {
                        ToConnection::Text(t) => { let _ = sink.send(Ws::Text(t)).await; }
                        ToConnection::Close(code) => { let _ = sink.send(close_frame(code)).await; }
                        ToConnection::Drop => return,
                    }
                }
            }
            command = rx.recv() => match command {
                Some(ToConnection::Text(t)) => { let _ = sink.send(Ws::Text(t)).await; }
                Some(ToConnection::Close(code)) => { let _ = sink.send(close_frame(code)).await; }
                Some(ToConnection::Drop) | None => return,
            }
        }
    }
}

fn close_frame(code: u16) -> Ws {
    Ws::Close(Some(CloseFrame { code: CloseCode::from(code), reason: "closed by the fake".into() }))
}

/// The fake's automatic answers: ACK heartbeats, READY on IDENTIFY, RESUMED on RESUME.
fn answer_gateway(shared: &Shared, payload: &Value) -> Vec<ToConnection> {
    match payload["op"].as_u64() {
        Some(1) => vec![ToConnection::Text(json!({"op": 11}).to_string())],
        Some(2) => {
            if let Some(code) = *shared.reject_identify_with.lock().unwrap() {
                return vec![ToConnection::Close(code)];
            }
            let session = shared.sessions.fetch_add(1, Ordering::SeqCst) + 1;
            shared.seq.store(1, Ordering::SeqCst);
            let shard = payload["d"]["shard"].clone();
            let shard = if shard.is_array() { shard } else { json!([0, 1]) };
            let ready = json!({"op": 0, "s": 1, "t": "READY", "d": {
                "v": 10, "user": bot_user(), "guilds": [], "session_id": format!("session-{session}"),
                "resume_gateway_url": shared.gateway_url, "shard": shard,
                "application": {"id": APP, "flags": 0}}});
            assert_serenity_reads(&ready);
            vec![ToConnection::Text(ready.to_string())]
        }
        Some(6) => {
            if shared.refuse_resume.swap(false, Ordering::SeqCst) {
                return vec![ToConnection::Text(json!({"op": 9, "d": false}).to_string())];
            }
            let seq = shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
            let resumed = json!({"op": 0, "s": seq, "t": "RESUMED", "d": {}});
            assert_serenity_reads(&resumed);
            vec![ToConnection::Text(resumed.to_string())]
        }
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------- events

/// A user who is not a bot, named after their id.
pub fn user(id: &str) -> Value {
    json!({"id": id, "username": format!("user{id}"), "discriminator": "0", "global_name": null, "avatar": null})
}

fn member(user_id: &str) -> Value {
    json!({"user": user(user_id),
           "roles": [], "joined_at": T0, "deaf": false, "mute": false, "flags": 0, "pending": false,
           "permissions": "2248473465835073"})
}

fn interaction_base(fake: &FakeDiscord, kind: u64, data: Value) -> (Value, String, String) {
    interaction_by(fake, ALICE, kind, data)
}

fn interaction_by(fake: &FakeDiscord, user_id: &str, kind: u64, data: Value) -> (Value, String, String) {
    interaction_at(fake, Place::default(), user_id, kind, data)
}

/// Where an interaction or message happens.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub guild: &'static str,
    pub channel: &'static str,
}

impl Default for Place {
    fn default() -> Self {
        Place { guild: GUILD, channel: CHANNEL }
    }
}

fn interaction_at(fake: &FakeDiscord, place: Place, user_id: &str, kind: u64, data: Value) -> (Value, String, String) {
    let id = fake.next_id();
    let token = format!("interaction-token-{id}");
    let (guild, channel) = (place.guild, place.channel);
    fake.shared.interactions.lock().unwrap().insert(token.clone(), (channel.to_string(), user_id.to_string(), kind));
    let d = json!({
        "id": id, "application_id": APP, "type": kind, "data": data,
        "guild_id": guild, "channel_id": channel, "channel": channel_object(channel),
        "member": member(user_id), "token": token, "version": 1, "app_permissions": "2248473465835073",
        "locale": "en-US", "guild_locale": "en-US", "entitlements": [],
        "authorizing_integration_owners": {"0": guild}, "context": 0, "attachment_size_limit": 10485760});
    (d, id, token)
}

/// Where a user who installed the bot for themselves (not the server) uses it.
#[derive(Debug, Clone, Copy)]
pub enum UserInstall {
    /// Their direct messages with the bot.
    BotDm,
    /// A group DM, or a DM with someone else.
    PrivateChannel,
    /// A server that did not install the bot.
    ForeignGuild,
}

/// Turns a guild interaction into one that reached the bot through `user_id`'s own install:
/// Discord then names that user as the authorizing owner, and sends `user` without `member`.
fn as_user_install(d: &mut Value, place: UserInstall, user_id: &str) {
    let (guild, channel, kind, context) = match place {
        UserInstall::BotDm => (None, DM_CHANNEL, 1, 1),
        UserInstall::PrivateChannel => (None, GROUP_DM, 3, 2),
        UserInstall::ForeignGuild => (Some(FOREIGN_GUILD), FOREIGN_CHANNEL, 0, 0),
    };
    let o = d.as_object_mut().unwrap();
    o.remove("member");
    o.insert("user".into(), user(user_id));
    o.insert("authorizing_integration_owners".into(), json!({"1": user_id}));
    o.insert("context".into(), json!(context));
    o.insert("channel_id".into(), json!(channel));
    o.insert("channel".into(), json!({"id": channel, "type": kind}));
    match guild {
        Some(guild) => o.insert("guild_id".into(), json!(guild)),
        None => o.remove("guild_id").and_then(|_| o.remove("guild_locale")),
    };
}

/// The gateway shard Discord sends a guild's events on.
pub fn shard_of(guild: &str, total: u64) -> u64 {
    (guild.parse::<u64>().unwrap() >> 22) % total
}

impl FakeDiscord {
    /// Alice runs `/name` with `options` (name, value) in the guild channel. Returns the
    /// interaction id (its callback path contains it).
    pub fn command(&self, name: &str, options: &[(&str, Value)]) -> String {
        self.command_by(ALICE, name, options)
    }

    /// The user `user_id` runs `/name` with `options`. Returns the interaction id.
    pub fn command_by(&self, user_id: &str, name: &str, options: &[(&str, Value)]) -> String {
        let (d, id) = self.command_payload(Place::default(), user_id, name, options);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// Alice runs `/name` with `options` at `place`, on the connection of `shard`.
    pub fn command_on_shard(&self, shard: u64, place: Place, name: &str, options: &[(&str, Value)]) -> String {
        let (d, id) = self.command_payload(place, ALICE, name, options);
        self.dispatch_to_shard(shard, "INTERACTION_CREATE", d);
        id
    }

    /// Alice runs `/name` with `options` in the guild channel `channel`.
    pub fn command_in(&self, channel: &'static str, name: &str, options: &[(&str, Value)]) -> String {
        let (d, id) = self.command_payload(Place { guild: GUILD, channel }, ALICE, name, options);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// An application command interaction; an option value `{"channel": id}` is a channel
    /// option, resolved as Discord does.
    fn command_payload(&self, place: Place, user_id: &str, name: &str, options: &[(&str, Value)]) -> (Value, String) {
        let mut resolved = serde_json::Map::new();
        let options: Vec<Value> = options
            .iter()
            .map(|(n, v)| {
                if let Some(channel) = v.get("channel").and_then(Value::as_str) {
                    let mut object = channel_object(channel);
                    object["permissions"] = json!("2248473465835073");
                    resolved.insert(channel.to_string(), object);
                    return json!({"name": n, "type": 7, "value": channel});
                }
                let kind = match v {
                    Value::Bool(_) => 5,
                    Value::Number(_) => 4,
                    _ => 3,
                };
                json!({"name": n, "type": kind, "value": v})
            })
            .collect();
        let mut data = json!({"id": "1200000000000000001", "name": name, "type": 1, "options": options});
        if !resolved.is_empty() {
            data["resolved"] = json!({"channels": resolved});
        }
        let (d, id, _) = interaction_at(self, place, user_id, 2, data);
        (d, id)
    }

    /// Alice is typing `partial` into option `option` of `/name`.
    pub fn autocomplete(&self, name: &str, option: &str, partial: &str) -> String {
        let data = json!({"id": "1200000000000000001", "name": name, "type": 1,
                          "options": [{"name": option, "type": 3, "value": partial, "focused": true}]});
        let (d, id, _) = interaction_base(self, 4, data);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// Alice clicks the button `custom_id` on `message` (a message the bot sent).
    pub fn click(&self, message: &Value, custom_id: &str) -> String {
        self.click_by(ALICE, message, custom_id)
    }

    /// The user `user_id` clicks the button `custom_id` on `message`.
    pub fn click_by(&self, user_id: &str, message: &Value, custom_id: &str) -> String {
        let (d, id) = self.click_payload(user_id, message, custom_id);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// The user `user_id`, who installed the bot for themselves, clicks the button
    /// `custom_id` on `message` at `place`.
    pub fn user_install_click(&self, place: UserInstall, user_id: &str, message: &Value, custom_id: &str) -> String {
        let (mut d, id) = self.click_payload(user_id, message, custom_id);
        as_user_install(&mut d, place, user_id);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    fn click_payload(&self, user_id: &str, message: &Value, custom_id: &str) -> (Value, String) {
        let data = json!({"custom_id": custom_id, "component_type": 2});
        let (mut d, id, _) = interaction_by(self, user_id, 3, data);
        d["message"] = message.clone();
        (d, id)
    }

    /// The user `user_id`, who installed the bot for themselves, runs `/name` with `options`
    /// at `place`. Returns the interaction id.
    pub fn user_install_command(
        &self,
        place: UserInstall,
        user_id: &str,
        name: &str,
        options: &[(&str, Value)],
    ) -> String {
        let (mut d, id) = self.command_payload(Place::default(), user_id, name, options);
        as_user_install(&mut d, place, user_id);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// Alice, who installed the bot for herself, picks the message context-menu command
    /// `name` at `place` on a message `author` wrote with `content`.
    pub fn user_install_message_command(&self, place: UserInstall, name: &str, content: &str, author: Value) -> String {
        let (mut d, id) = self.message_command_payload(name, content, author);
        as_user_install(&mut d, place, ALICE);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// Alice picks the message context-menu command `name` ("Ask storybot") on a message
    /// `author` wrote with `content`. Returns the interaction id.
    pub fn message_command(&self, name: &str, content: &str, author: Value) -> String {
        let (d, id) = self.message_command_payload(name, content, author);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    fn message_command_payload(&self, name: &str, content: &str, author: Value) -> (Value, String) {
        let target = self.next_id();
        let message = json!({
            "id": target, "channel_id": CHANNEL, "author": author, "content": content,
            "timestamp": T0, "edited_timestamp": null, "tts": false, "mention_everyone": false,
            "mentions": [], "mention_roles": [], "attachments": [], "embeds": [], "pinned": false,
            "type": 0, "flags": 0, "components": []});
        let data = json!({"id": "1200000000000000002", "name": name, "type": 3, "target_id": target,
                          "resolved": {"messages": {target.clone(): message}}});
        let (d, id, _) = interaction_base(self, 2, data);
        (d, id)
    }

    /// A message in the guild channel (or a DM when `guild` is false) by `author`.
    pub fn message(&self, content: &str, author: Value, mentions: Vec<Value>, guild: bool) -> String {
        self.message_in(CHANNEL, content, author, mentions, guild)
    }

    /// As [`FakeDiscord::message`], in `channel`.
    pub fn message_in(&self, channel: &str, content: &str, author: Value, mentions: Vec<Value>, guild: bool) -> String {
        let (id, d) = self.message_payload(channel, content, author, mentions, guild);
        self.dispatch("MESSAGE_CREATE", d);
        id
    }

    /// A message in the guild channel by `author` that mentions the role `role`.
    pub fn message_mentioning_role(&self, content: &str, author: Value, role: &str) -> String {
        let (id, mut d) = self.message_payload(CHANNEL, content, author, Vec::new(), true);
        d["mention_roles"] = json!([role]);
        self.dispatch("MESSAGE_CREATE", d);
        id
    }

    fn message_payload(
        &self,
        channel: &str,
        content: &str,
        author: Value,
        mentions: Vec<Value>,
        guild: bool,
    ) -> (String, Value) {
        let id = self.next_id();
        let mut d = json!({
            "id": id, "channel_id": channel, "author": author, "content": content,
            "timestamp": T0, "edited_timestamp": null, "tts": false,
            "mention_everyone": content.contains("@everyone"), "mentions": mentions, "mention_roles": [],
            "attachments": [], "embeds": [], "pinned": false, "type": 0, "flags": 0, "components": [],
            "nonce": "1700000000000000000"});
        if guild {
            d["guild_id"] = json!(GUILD);
            d["member"] = json!({"roles": [], "joined_at": T0, "deaf": false, "mute": false, "flags": 0});
        }
        (id, d)
    }

    /// The guild as the gateway sends it when the bot connects: its roles (the bot's managed
    /// role among them), its channels and active threads, and the bot as a member.
    pub fn guild_create(&self) {
        self.dispatch("GUILD_CREATE", guild());
    }
}

pub fn alice() -> Value {
    json!({"id": ALICE, "username": "alice", "discriminator": "0", "global_name": "Alice", "avatar": null})
}

pub fn other_bot() -> Value {
    json!({"id": OTHER_BOT, "username": "otherbot", "discriminator": "0", "bot": true, "avatar": null, "global_name": null})
}

pub fn bot_mention() -> Value {
    json!({"id": BOT, "username": "storybot", "discriminator": "0", "bot": true, "avatar": null, "global_name": null})
}

/// A role's colours: none.
fn colors() -> Value {
    json!({"primary_color": 0, "secondary_color": null, "tertiary_color": null})
}

/// A role of the guild; `bot` makes it that bot's managed role.
fn role(id: &str, name: &str, bot: Option<&str>) -> Value {
    let mut r = json!({"id": id, "name": name, "color": 0, "colors": colors(), "hoist": false, "icon": null,
                       "unicode_emoji": null,
                       "position": 1, "permissions": "2248473465835073", "managed": bot.is_some(),
                       "mentionable": true, "flags": 0});
    if let Some(bot) = bot {
        r["tags"] = json!({"bot_id": bot});
    }
    r
}

/// The guild of GUILD_CREATE, with every field serenity requires.
fn guild() -> Value {
    let everyone = json!({"id": GUILD, "name": "@everyone", "color": 0, "colors": colors(),
                          "hoist": false, "icon": null, "unicode_emoji": null, "position": 0,
                          "permissions": "2248473465835073", "managed": false, "mentionable": false, "flags": 0});
    json!({
        "id": GUILD, "name": "News", "icon": null, "icon_hash": null, "splash": null, "discovery_splash": null,
        "owner_id": ALICE, "afk_channel_id": null, "afk_timeout": 300, "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0,
        "roles": [everyone, role(BOT_ROLE, "storybot", Some(BOT)), role(OTHER_ROLE, "readers", None)],
        "emojis": [], "features": [], "mfa_level": 0, "application_id": null, "system_channel_id": null,
        "system_channel_flags": 0, "rules_channel_id": null, "vanity_url_code": null, "description": null,
        "banner": null, "premium_tier": 0, "preferred_locale": "en-US", "public_updates_channel_id": null,
        "nsfw_level": 0, "stickers": [], "premium_progress_bar_enabled": false,
        "joined_at": T0, "large": false, "member_count": 2, "voice_states": [],
        "members": [{"user": bot_user(), "roles": [BOT_ROLE], "joined_at": T0, "deaf": false, "mute": false,
                     "flags": 0}],
        // The forum post is left out, as a thread the cache has not seen.
        "channels": [channel_object(CHANNEL), channel_object(NEWS), channel_object(FORUM)],
        "threads": [channel_object(NEWS_THREAD)], "presences": [], "stage_instances": [],
        "guild_scheduled_events": []})
}

/// A thread the bot opened on a message in `parent`, as Discord returns it.
pub fn bot_thread(id: &str, parent: &str, name: &Value) -> Value {
    let mut thread = channel_object(NEWS_THREAD);
    thread["id"] = json!(id);
    thread["parent_id"] = json!(parent);
    thread["owner_id"] = json!(BOT);
    thread["name"] = name.clone();
    thread
}

/// A channel of the guild as Discord describes it (`GET /channels/{id}`): a thread or forum
/// post for the ids named so, otherwise a text channel in a category.
pub fn channel_object(id: &str) -> Value {
    let (kind, parent) = match id {
        NEWS_THREAD => (11, NEWS),
        FORUM_POST => (11, FORUM),
        FORUM => (15, CATEGORY),
        _ => (0, CATEGORY),
    };
    let mut channel = json!({"id": id, "type": kind, "guild_id": GUILD, "name": format!("channel-{id}"),
                             "parent_id": parent, "last_message_id": null, "rate_limit_per_user": 0, "flags": 0});
    if kind == 11 {
        channel["owner_id"] = json!(ALICE);
        channel["message_count"] = json!(1);
        channel["member_count"] = json!(1);
        channel["total_message_sent"] = json!(1);
        channel["thread_metadata"] = json!({"archived": false, "archive_timestamp": T0,
                                            "auto_archive_duration": 1440, "locked": false});
    } else {
        channel["position"] = json!(0);
        channel["permission_overwrites"] = json!([]);
        channel["nsfw"] = json!(false);
        channel["topic"] = Value::Null;
    }
    channel
}

/// The category every channel of the guild is in: a channel's parent that is not a thread's.
const CATEGORY: &str = "1400000000000000010";
