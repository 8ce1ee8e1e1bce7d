//! A server that answers `POST /customers` the way Dwolla would, offline.
//!
//! It reads the body strictly (a duplicate key, bad JSON or invalid UTF-8 is a 400),
//! validates it as of today (UTC) and answers with Dwolla's own shapes:
//!
//! * a payload Dwolla would refuse: `400`, `Content-Type:
//!   application/vnd.dwolla.v1.hal+json`, and exactly the `ValidationError` body of
//!   [`Report::to_dwolla_error`];
//! * a body that is not one JSON value: `400` with the same HAL body, one
//!   `InvalidFormat` error at the root from the `json_syntax` rule;
//! * a body over 1 MiB: `413`;
//! * a payload that passes: `201`, `Location: /customers/<id>` and an empty body.
//!   The id is a counter written as a UUID (`00000000-0000-4000-8000-000000000001`),
//!   not a real Customer: nothing is stored or sent anywhere.
//!
//! `?operation=retry` validates as a retry after the `retry` status (the full 9-digit
//! SSN is needed); `?operation=create` is the default. Any other method on
//! `/customers` is a `405`.
//!
//! No reply header carries a payload value, and the one line logged per request (to
//! stderr) has only the status and each error's code and path.
//!
//! # Run it
//!
//! ```sh
//! cargo run --example server -- 3000     # or PORT=3000; the default is 3000; 0 picks a free port
//! ```
//!
//! It listens on 127.0.0.1 only and prints `listening on http://127.0.0.1:3000`.
//!
//! ```sh
//! curl -i http://127.0.0.1:3000/customers \
//!   -H 'Content-Type: application/vnd.dwolla.v1.hal+json' \
//!   -d '{"firstName":"John","lastName":"Doe","email":"johndoe@email.net","type":"personal",
//!        "address1":"PO Box 12","city":"Some City","state":"NY","postalCode":"11101",
//!        "dateOfBirth":"1970-01-01","ssn":"1234"}'
//! # HTTP/1.1 400 Bad Request
//! # content-type: application/vnd.dwolla.v1.hal+json
//! # {"code":"ValidationError","message":"Validation error(s) present. ...",
//! #  "_embedded":{"errors":[{"code":"NotAllowed","message":"...","path":"/address1","_links":{}}]}}
//! ```
//!
//! [`Report::to_dwolla_error`]: dwolla_validator::Report::to_dwolla_error

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use dwolla_validator::{input, today_utc, validate_parsed, Operation, Options, Report};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The largest request body read: 1 MiB. Larger bodies get a 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Dwolla's media type, for every JSON body this server sends.
pub const HAL_JSON: &str = "application/vnd.dwolla.v1.hal+json";

/// The port when neither an argument nor `$PORT` gives one.
pub const DEFAULT_PORT: u16 = 3000;

/// The routes: `POST /customers` (other methods there are 405, other paths 404).
pub fn app() -> Router {
    let next_id = Arc::new(AtomicU64::new(1));
    Router::new()
        .route("/customers", post(create_customer))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(next_id)
}

/// The port from the first argument, else from `$PORT`, else [`DEFAULT_PORT`].
pub fn port_from(arg: Option<&str>, env: Option<&str>) -> Result<u16, String> {
    match arg.or(env) {
        None => Ok(DEFAULT_PORT),
        Some(p) => p
            .trim()
            .parse::<u16>()
            .map_err(|_| "the port must be a number from 0 to 65535".to_string()),
    }
}

/// Binds 127.0.0.1:`port` (`0` picks a free port) and returns the listener and the
/// URL it really listens on.
pub async fn bind(port: u16) -> std::io::Result<(tokio::net::TcpListener, String)> {
    let listener =
        tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let url = format!("http://{}", listener.local_addr()?);
    Ok((listener, url))
}

/// Serves [`app`] on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app()).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let arg = std::env::args().nth(1);
    let env = std::env::var("PORT").ok();
    let port = match port_from(arg.as_deref(), env.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("server: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let (listener, url) = match bind(port).await {
        Ok(bound) => bound,
        Err(e) => {
            eprintln!("server: cannot listen on 127.0.0.1:{port}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("listening on {url}");
    // stdout may be a pipe (a test reading the URL): make sure the line leaves now.
    use std::io::Write;
    let _ = std::io::stdout().flush();
    match serve(listener).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn create_customer(
    State(next_id): State<Arc<AtomicU64>>,
    RawQuery(query): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(rejection) => {
            // Over the limit (413) or a broken upload; axum's own answer says which.
            let response = rejection.into_response();
            eprintln!("POST /customers {}", response.status().as_u16());
            return response;
        }
    };
    let operation = match operation_from(query.as_deref()) {
        Ok(op) => op,
        Err(message) => {
            eprintln!("POST /customers 400 BadRequest ?operation");
            let body = serde_json::json!({"code": "BadRequest", "message": message});
            return hal(StatusCode::BAD_REQUEST, &body);
        }
    };
    // Read once by the validator's own parser, into a tree that borrows from the
    // body: the same reading as `validate_text` and the npm package.
    let report = match input::parse_node_record(&body) {
        Ok(payload) => validate_parsed(&payload, &Options::new(today_utc()).operation(operation)),
        Err(e) => input::unreadable_report(&e),
    };
    match report.to_dwolla_error_json() {
        Some(error) => {
            eprintln!("POST /customers 400 {}", codes_and_paths(&report));
            (
                StatusCode::BAD_REQUEST,
                [(header::CONTENT_TYPE, HAL_JSON)],
                error,
            )
                .into_response()
        }
        None => {
            let n = next_id.fetch_add(1, Ordering::Relaxed);
            let location = format!("/customers/00000000-0000-4000-8000-{n:012x}");
            eprintln!("POST /customers 201");
            let mut response = StatusCode::CREATED.into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, v);
            }
            response
        }
    }
}

/// The operation from the query string: `operation=create` (the default) or
/// `operation=retry`, at most once. The message never repeats what was sent.
fn operation_from(query: Option<&str>) -> Result<Operation, &'static str> {
    let mut found = None;
    for pair in query.unwrap_or("").split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key != "operation" {
            continue;
        }
        if found.is_some() {
            return Err("Give the operation once.");
        }
        found = Some(
            value
                .parse::<Operation>()
                .map_err(|_| "The operation must be create or retry.")?,
        );
    }
    Ok(found.unwrap_or_default())
}

/// A JSON body with Dwolla's media type.
fn hal(status: StatusCode, body: &serde_json::Value) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, HAL_JSON)], bytes).into_response()
}

/// `InvalidFormat /ssn, Required /firstName`: codes and paths, never values or
/// messages. A path can hold a field name the client made up (an unknown field), so
/// it is escaped onto one line and cut short.
fn codes_and_paths(report: &Report) -> String {
    report
        .errors
        .iter()
        .map(|e| {
            let path: String = if e.path.is_empty() {
                "(root)".to_string()
            } else {
                e.path
                    .chars()
                    .take(80)
                    .flat_map(char::escape_debug)
                    .collect()
            };
            format!("{} {path}", e.code)
        })
        .collect::<Vec<_>>()
        .join(", ")
}
