//! Runs `examples/server.rs` on 127.0.0.1 and talks HTTP/1.1 to it over a plain
//! `TcpStream`.
//!
//! The example file is compiled into this test (`#[path]`), and its router is served
//! in-process on port 0 from a background thread with its own tokio runtime. That
//! avoids a nested `cargo run` (slow, and it can wait on cargo's build lock), there is
//! no child process to kill when an assertion fails, and every socket read and write
//! has a timeout, so a broken server fails the test instead of hanging it. What is
//! tested is the example's own code: `app`, `bind` (the port-0 binding and the URL
//! `main` prints) and `port_from`.

#[path = "../examples/server.rs"]
#[allow(dead_code)]
mod server;

use dwolla_validator::{input, today_utc, validate, Operation, Options};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// The one server all tests share, started on first use.
fn addr() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
                .expect("tokio runtime");
            rt.block_on(async move {
                let (listener, url) = server::bind(0).await.expect("bind 127.0.0.1:0");
                tx.send(url).expect("send url");
                server::serve(listener).await.expect("serve");
            });
        });
        let url = rx.recv_timeout(TIMEOUT).expect("the server did not start");
        let hostport = url
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("the URL {url} is not on 127.0.0.1"));
        let port: u16 = hostport.parse().expect("a port");
        assert_ne!(port, 0, "port 0 must be replaced by the real port");
        SocketAddr::from(([127, 0, 0, 1], port))
    })
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

/// One request on a fresh connection (`Connection: close`); the reply is read until
/// the server closes. The body is written from another thread so that a server that
/// answers early (413) and stops reading cannot block the test.
fn send(method: &str, target: &str, extra_headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let stream = TcpStream::connect_timeout(&addr(), TIMEOUT).expect("connect");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
        addr()
    );
    let chunked = extra_headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    for (n, v) in extra_headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    if !chunked && (method == "POST" || !body.is_empty()) {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut request = head.into_bytes();
    if chunked {
        for chunk in body.chunks(64 * 1024) {
            request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            request.extend_from_slice(chunk);
            request.extend_from_slice(b"\r\n");
        }
        request.extend_from_slice(b"0\r\n\r\n");
    } else {
        request.extend_from_slice(body);
    }
    let mut writer = stream.try_clone().expect("clone stream");
    let write = std::thread::spawn(move || {
        // An early answer may close the connection mid-body: not the test's concern.
        let _ = writer.write_all(&request);
        let _ = writer.flush();
    });

    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let deadline = Instant::now() + TIMEOUT;
    let mut reader = stream;
    loop {
        assert!(Instant::now() < deadline, "the reply took too long");
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            // A reset after the whole reply (the server closed with the body unread).
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset && !raw.is_empty() => break,
            Err(e) => panic!("reading the reply: {e}"),
        }
    }
    let _ = reader.shutdown(std::net::Shutdown::Both);
    write.join().expect("writer thread");
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> Reply {
    // Skip interim 1xx replies (100 Continue).
    let mut rest = raw;
    loop {
        let end = find(rest, b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no end of headers: {}", String::from_utf8_lossy(raw)));
        let head = std::str::from_utf8(&rest[..end]).expect("ASCII headers");
        let body = &rest[end + 4..];
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap();
        let status: u16 = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
        if (100..200).contains(&status) {
            rest = body;
            continue;
        }
        let headers: Vec<(String, String)> = lines
            .map(|l| {
                let (n, v) = l.split_once(':').expect("header line");
                (n.trim().to_string(), v.trim().to_string())
            })
            .collect();
        let mut reply = Reply {
            status,
            headers,
            body: body.to_vec(),
        };
        if let Some(len) = reply.header("content-length") {
            let len: usize = len.parse().expect("content-length");
            assert_eq!(reply.body.len(), len, "body length");
        } else if reply
            .header("transfer-encoding")
            .is_some_and(|v| v.contains("chunked"))
        {
            reply.body = dechunk(&reply.body);
        }
        return reply;
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = find(data, b"\r\n").expect("chunk size line");
        let size_text = std::str::from_utf8(&data[..eol]).unwrap();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        data = &data[eol + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

fn post(target: &str, body: &[u8]) -> Reply {
    send(
        "POST",
        target,
        &[("Content-Type", "application/json")],
        body,
    )
}

fn personal() -> Value {
    json!({
        "firstName": "John", "lastName": "Doe", "email": "johndoe@email.net",
        "type": "personal", "address1": "99-99 33rd St", "city": "Some City",
        "state": "NY", "postalCode": "11101", "dateOfBirth": "1970-01-01", "ssn": "1234"
    })
}

/// The 400 every refused payload gets: the HAL media type and exactly `expected`.
fn assert_hal_400(reply: &Reply, expected: &Value) {
    assert_eq!(
        reply.status,
        400,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(
        reply.header("content-type"),
        Some("application/vnd.dwolla.v1.hal+json")
    );
    assert_eq!(&reply.json(), expected);
    assert!(reply.header("location").is_none());
}

/// The shape Dwolla sends, checked field by field (not only against the library).
fn assert_dwolla_shape(body: &Value) {
    let top = body.as_object().expect("an object");
    let mut keys: Vec<&str> = top.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["_embedded", "code", "message"]);
    assert_eq!(body["code"], "ValidationError");
    assert_eq!(
        body["message"],
        "Validation error(s) present. See embedded errors list for more details."
    );
    let errors = body["_embedded"]["errors"].as_array().expect("errors");
    assert!(!errors.is_empty());
    for e in errors {
        let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["_links", "code", "message", "path"]);
        assert_eq!(e["_links"], json!({}));
        assert!(e["code"].is_string() && e["message"].is_string() && e["path"].is_string());
    }
}

#[test]
fn valid_personal_payload_is_201_with_a_location() {
    let payload = personal();
    assert!(validate(&payload, &Options::new(today_utc())).valid);
    let reply = post("/customers", payload.to_string().as_bytes());
    assert_eq!(
        reply.status,
        201,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let location = reply.header("location").expect("a Location header");
    let id = location
        .strip_prefix("/customers/")
        .unwrap_or_else(|| panic!("Location {location:?}"));
    assert_eq!(id.len(), 36, "a UUID-shaped id: {id}");
    assert!(reply.body.is_empty());

    // Each Customer gets its own id.
    let again = post("/customers", payload.to_string().as_bytes());
    assert_eq!(again.status, 201);
    assert_ne!(again.header("location"), Some(location));
}

#[test]
fn invalid_payload_is_400_with_dwollas_exact_body() {
    let mut payload = personal();
    payload["address1"] = json!("PO Box 12");
    payload["postalCode"] = json!("1110");
    payload.as_object_mut().unwrap().remove("firstName");
    let expected = validate(&payload, &Options::new(today_utc()))
        .to_dwolla_error()
        .expect("errors");
    assert_eq!(expected["_embedded"]["errors"].as_array().unwrap().len(), 3);
    let reply = post("/customers", payload.to_string().as_bytes());
    assert_hal_400(&reply, &expected);
    assert_dwolla_shape(&reply.json());

    // No reply header carries a value of the payload.
    for (name, value) in &reply.headers {
        for secret in ["PO Box", "1110", "Doe", "johndoe", "1970"] {
            assert!(!value.contains(secret), "header {name} echoes a value");
        }
    }

    // `?operation=create` is the default, said out loud.
    let explicit = post(
        "/customers?operation=create",
        payload.to_string().as_bytes(),
    );
    assert_hal_400(&explicit, &expected);
}

#[test]
fn retry_needs_the_full_ssn() {
    let payload = personal();
    let opts = Options::new(today_utc()).operation(Operation::Retry);
    let expected = validate(&payload, &opts).to_dwolla_error().expect("errors");
    let reply = post("/customers?operation=retry", payload.to_string().as_bytes());
    assert_hal_400(&reply, &expected);
    let errors = reply.json()["_embedded"]["errors"].clone();
    assert_eq!(errors.as_array().unwrap().len(), 1);
    assert_eq!(errors[0]["path"], "/ssn");
    assert_eq!(errors[0]["code"], "InvalidFormat");

    let mut full = personal();
    full["ssn"] = json!("202991516");
    let ok = post("/customers?operation=retry", full.to_string().as_bytes());
    assert_eq!(ok.status, 201, "{}", String::from_utf8_lossy(&ok.body));
}

#[test]
fn unknown_operation_is_400() {
    let reply = post(
        "/customers?operation=delete",
        personal().to_string().as_bytes(),
    );
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["code"], "BadRequest");
    assert!(!String::from_utf8_lossy(&reply.body).contains("delete"));
}

#[test]
fn duplicate_keys_are_400_json_syntax() {
    let body = br#"{"ssn":"1234","ssn":"12","firstName":"John"}"#;
    let err = input::parse_node_record(body).expect_err("duplicate keys");
    let expected = input::unreadable_report(&err).to_dwolla_error().unwrap();
    assert_eq!(expected["_embedded"]["errors"][0]["path"], "");
    let reply = post("/customers", body);
    assert_hal_400(&reply, &expected);
    assert_dwolla_shape(&reply.json());
    let errors = reply.json()["_embedded"]["errors"].clone();
    assert_eq!(errors.as_array().unwrap().len(), 1);
    assert_eq!(errors[0]["code"], "InvalidFormat");
    // The message is about the key, never the values.
    let message = errors[0]["message"].as_str().unwrap();
    assert!(
        !message.contains("1234") && !message.contains("\"12\""),
        "{message}"
    );
}

#[test]
fn a_lone_surrogate_is_400_at_its_field() {
    // What JSON.stringify writes for a JS string holding half a surrogate pair.
    let body =
        personal()
            .to_string()
            .replacen(r#""firstName":"John""#, r#""firstName":"Jo\ud800hn""#, 1);
    assert!(
        body.contains("\\ud800"),
        "the escape is in the body: {body}"
    );
    let reply = post("/customers", body.as_bytes());
    assert_eq!(reply.status, 400);
    let errors = reply.json()["_embedded"]["errors"].clone();
    assert_eq!(errors[0]["path"], "/firstName", "{errors}");
    assert_eq!(errors[0]["code"], "InvalidFormat");
}

#[test]
fn non_json_bodies_are_400() {
    for body in [
        &b"ssn=1234&firstName=John"[..],
        b"",
        b"{\"a\":",
        b"\xff\xfe{}",
    ] {
        let expected = input::unreadable_report(&input::parse_node_record(body).unwrap_err())
            .to_dwolla_error()
            .unwrap();
        let reply = post("/customers", body);
        assert_hal_400(&reply, &expected);
        assert_dwolla_shape(&reply.json());
    }
}

#[test]
fn other_methods_are_405_and_other_paths_404() {
    let get = send("GET", "/customers", &[], b"");
    assert_eq!(get.status, 405);
    assert_eq!(get.header("allow"), Some("POST"));
    assert_eq!(send("PUT", "/customers", &[], b"{}").status, 405);
    assert_eq!(post("/customer", b"{}").status, 404);
}

#[test]
fn bodies_over_1_mib_are_413() {
    let big = vec![b' '; 2 * 1024 * 1024];
    // With a Content-Length, and streamed in chunks with none.
    assert_eq!(post("/customers", &big).status, 413);
    let chunked = send(
        "POST",
        "/customers",
        &[("Transfer-Encoding", "chunked")],
        &big,
    );
    assert_eq!(chunked.status, 413);

    // Just under the limit is read (and is not JSON: whitespace only).
    let under = vec![b' '; server::BODY_LIMIT];
    assert_eq!(post("/customers", &under).status, 400);
}

#[test]
fn port_comes_from_the_argument_then_port_then_3000() {
    assert_eq!(server::port_from(Some("8081"), Some("9000")), Ok(8081));
    assert_eq!(server::port_from(None, Some("9000")), Ok(9000));
    assert_eq!(server::port_from(None, None), Ok(3000));
    assert_eq!(server::port_from(Some("0"), None), Ok(0));
    assert!(server::port_from(Some("http"), None).is_err());
    assert!(server::port_from(Some("70000"), None).is_err());
}

/// Other kinds of payload posted to `/customers` are judged as Customers, never
/// guessed from their keys: four KBA answers, a beneficial owner and a document
/// description each get a 400, not a 201 (issue 13).
#[test]
fn other_kinds_posted_as_customers_are_refused() {
    let answers: Vec<Value> = (1..=4)
        .map(|i| json!({"questionId": format!("q{i}"), "answerId": format!("a{i}")}))
        .collect();
    let owner = json!({
        "firstName": "Ann", "lastName": "Lee", "dateOfBirth": "1980-01-01", "ssn": "123456789",
        "address": {"address1": "1 Main St", "city": "Ames", "stateProvinceRegion": "IA",
                    "postalCode": "50010", "country": "US"}
    });
    let document = json!({"documentType": "passport",
                          "file": {"name": "scan.png", "type": "image/png", "size": 1000}});
    for (what, payload, first_path) in [
        ("KBA answers", json!({ "answers": answers }), "/firstName"),
        ("a beneficial owner", owner, "/type"),
        ("a document", document, "/firstName"),
    ] {
        let reply = post("/customers", payload.to_string().as_bytes());
        assert_eq!(
            reply.status,
            400,
            "{what}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        assert!(reply.header("location").is_none(), "{what}");
        let body = reply.json();
        assert_dwolla_shape(&body);
        assert_eq!(body["_embedded"]["errors"][0]["path"], first_path, "{what}");
    }
}
