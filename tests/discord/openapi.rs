//! Checks the bot's REST requests against Discord's OpenAPI spec (the subset in
//! `openapi-subset.json`), plus the rules the spec cannot express.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{json, Value};

use super::fake::Request;

/// The spec subset: request bodies under `operations`, responses under `responses`.
fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let text =
            std::fs::read_to_string(crate::common::repo_root().join("tests/discord/openapi-subset.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    })
}

/// A validator for each schema of the subset's section `section`.
fn compile(section: &str) -> HashMap<String, jsonschema::Validator> {
    let spec = spec();
    spec[section]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, schema)| {
            let mut root = schema.clone();
            root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
            root["components"] = spec["components"].clone();
            (name.clone(), jsonschema::validator_for(&root).unwrap_or_else(|e| panic!("{name}: {e}")))
        })
        .collect()
}

fn validators() -> &'static HashMap<String, jsonschema::Validator> {
    static VALIDATORS: OnceLock<HashMap<String, jsonschema::Validator>> = OnceLock::new();
    VALIDATORS.get_or_init(|| compile("operations"))
}

/// Where the response `body` of `operation` ("GET /channels/{channel_id}") breaks the spec.
pub fn response_problems(operation: &str, body: &Value) -> Vec<String> {
    static VALIDATORS: OnceLock<HashMap<String, jsonschema::Validator>> = OnceLock::new();
    let validators = VALIDATORS.get_or_init(|| compile("responses"));
    let Some(validator) = validators.get(operation) else { return vec![format!("no schema for {operation}")] };
    validator.iter_errors(body).map(|e| format!("{operation}: {e} at {}", e.instance_path)).collect()
}

/// The spec operation a request is an instance of; `None` for requests without a body (GET,
/// DELETE).
fn operation(r: &Request) -> Option<String> {
    let segments: Vec<&str> = r.path.trim_start_matches("/api/v10/").split('/').collect();
    let name = match (r.method.as_str(), segments.as_slice()) {
        ("GET" | "DELETE", _) => return None,
        ("PUT", ["applications", _, "commands"]) => "PUT /applications/{application_id}/commands",
        ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            "PUT /applications/{application_id}/guilds/{guild_id}/commands"
        }
        ("POST", ["channels", _, "messages"]) => "POST /channels/{channel_id}/messages",
        ("PATCH", ["channels", _, "messages", _]) => "PATCH /channels/{channel_id}/messages/{message_id}",
        ("POST", ["channels", _, "messages", _, "threads"]) => {
            "POST /channels/{channel_id}/messages/{message_id}/threads"
        }
        // The spec gives this operation no request body.
        ("PUT", ["channels", _, "messages", _, "reactions", _, "@me"]) if r.body.is_null() => return None,
        ("POST", ["webhooks", _, _]) => "POST /webhooks/{webhook_id}/{webhook_token}",
        ("PATCH", ["webhooks", _, _, "messages", "@original"]) => {
            "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original"
        }
        ("POST", ["interactions", _, _, "callback"]) => match r.body["type"].as_u64() {
            Some(4 | 5) => "POST /interactions/{interaction_id}/{interaction_token}/callback (type 4, 5)",
            Some(6 | 7) => "POST /interactions/{interaction_id}/{interaction_token}/callback (type 6, 7)",
            Some(8) => "POST /interactions/{interaction_id}/{interaction_token}/callback (type 8)",
            other => return Some(format!("unexpected callback type {other:?}")),
        },
        _ => return Some(format!("unexpected route {} {}", r.method, r.path)),
    };
    Some(name.to_string())
}

/// Every problem with one request: spec violations and broken Discord rules.
pub fn problems(r: &Request) -> Vec<String> {
    let Some(op) = operation(r) else { return Vec::new() };
    let Some(validator) = validators().get(&op) else { return vec![op] };
    let body = permissions_as_numbers(&r.body);
    let mut out: Vec<String> =
        validator.iter_errors(&body).map(|e| format!("{op}: {e} at {}", e.instance_path)).collect();
    let message = if r.path.ends_with("/callback") { &r.body["data"] } else { &r.body };
    if message.get("content").is_some() || message.get("embeds").is_some() {
        let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
        if chars(&message["content"]) > 2000 {
            out.push(format!("{op}: content over 2000 characters"));
        }
        let embeds = message["embeds"].as_array().cloned().unwrap_or_default();
        let total: usize = embeds
            .iter()
            .map(|e| {
                chars(&e["title"])
                    + chars(&e["description"])
                    + chars(&e["footer"]["text"])
                    + chars(&e["author"]["name"])
                    + e["fields"]
                        .as_array()
                        .map_or(0, |f| f.iter().map(|f| chars(&f["name"]) + chars(&f["value"])).sum())
            })
            .sum();
        if total > 6000 {
            out.push(format!("{op}: embeds total {total} characters, over 6000"));
        }
        let mentions = &message["allowed_mentions"];
        let pings_nobody = mentions["parse"].as_array().is_some_and(Vec::is_empty)
            && mentions["users"].as_array().is_none_or(Vec::is_empty)
            && mentions["roles"].as_array().is_none_or(Vec::is_empty)
            && mentions["replied_user"] != json!(true);
        if !pings_nobody {
            out.push(format!("{op}: allowed_mentions may ping: {mentions}"));
        }
    }
    out
}

/// The spec types a command's `default_member_permissions` as an integer, but Discord's
/// documentation (and every library, poise included) sends permission bit sets as decimal
/// strings, which the API accepts. A string of digits is read as its number, so the schema
/// still checks its range; anything else is left for the schema to reject.
fn permissions_as_numbers(body: &Value) -> Value {
    let mut body = body.clone();
    for command in body.as_array_mut().into_iter().flatten() {
        let field = &mut command["default_member_permissions"];
        if let Some(n) = field.as_str().and_then(|s| s.parse::<u64>().ok()) {
            *field = json!(n);
        }
    }
    body
}
