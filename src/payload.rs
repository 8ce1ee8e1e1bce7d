//! What the engine reads a payload through: [`Seen`], the view of one value, and
//! [`JsonObject`] and [`Payload`], implemented by a `serde_json` map and value and
//! by the borrowed tree of [`crate::parse`]. Below the shapes and the hints, which
//! both read objects through it (re-exported as `shapes::JsonObject`, ...), and
//! beside neither: a module of its own, so the hints import nothing from above.

use crate::keys::Key;
use crate::parse::{Node, Obj};
use serde_json::{Map, Value};

/// What the engine sees of one value, whichever reader produced it.
pub enum Seen<'v> {
    /// `null`.
    Null,
    /// A string.
    Text(&'v str),
    /// A string that is not well-formed text (it held a lone surrogate).
    BadText,
    /// An object.
    Object(&'v dyn JsonObject),
    /// A number, a boolean or an array.
    Other,
}

/// An object the shape engine can walk: a `serde_json` map or a borrowed
/// [`Obj`]. The engine takes it as a trait object, so there is one engine in the
/// binary (and in the `.wasm`) whichever reader produced the payload.
pub trait JsonObject {
    /// The value at `key`; `None` when the key is absent.
    fn seen(&self, key: Key<'_>) -> Option<Seen<'_>>;
    /// The same, told where the key probably is: the engine asks for a shape's
    /// fields in table order, and payloads mostly list them in that order, so the
    /// n-th field found is usually the n-th key. Only a hint: any `guess` gives the
    /// same answer as [`JsonObject::seen`].
    fn seen_near(&self, key: Key<'_>, guess: usize) -> Option<Seen<'_>> {
        let _ = guess;
        self.seen(key)
    }
    /// How many keys the object has.
    fn key_count(&self) -> usize;
    /// Calls `f` with every key (borrowed from the object, so `f` may keep it).
    fn each_key<'s>(&'s self, f: &mut dyn FnMut(&'s str));
    /// The string at `key`, when there is one.
    fn text(&self, key: Key<'_>) -> Option<&str> {
        match self.seen(key)? {
            Seen::Text(s) => Some(s),
            _ => None,
        }
    }
    /// The object at `key`, when there is one.
    fn object(&self, key: Key<'_>) -> Option<&dyn JsonObject> {
        match self.seen(key)? {
            Seen::Object(o) => Some(o),
            _ => None,
        }
    }
}

impl JsonObject for Map<String, Value> {
    fn seen(&self, key: Key<'_>) -> Option<Seen<'_>> {
        self.get(key.name()).map(Payload::seen)
    }
    fn key_count(&self) -> usize {
        self.len()
    }
    fn each_key<'s>(&'s self, f: &mut dyn FnMut(&'s str)) {
        self.keys().for_each(|k| f(k));
    }
}

impl JsonObject for Obj<'_> {
    fn seen(&self, key: Key<'_>) -> Option<Seen<'_>> {
        self.get_key(key).map(Payload::seen)
    }
    fn seen_near(&self, key: Key<'_>, guess: usize) -> Option<Seen<'_>> {
        self.get_key_near(key, guess).map(Payload::seen)
    }
    fn key_count(&self) -> usize {
        self.len()
    }
    fn each_key<'s>(&'s self, f: &mut dyn FnMut(&'s str)) {
        self.iter().for_each(|(k, _)| f(k));
    }
}

/// A JSON value the engine can judge, whichever reader produced it: a
/// `serde_json::Value` or a borrowed [`Node`].
pub trait Payload {
    /// How the engine sees the value.
    fn seen(&self) -> Seen<'_>;
    /// The value as a `serde_json::Value`, for the checks that take one (KBA
    /// answers, documents).
    fn to_value(&self) -> std::borrow::Cow<'_, Value>;
}

impl Payload for Value {
    fn seen(&self) -> Seen<'_> {
        match self {
            Value::Null => Seen::Null,
            Value::String(s) => Seen::Text(s),
            Value::Object(m) => Seen::Object(m),
            _ => Seen::Other,
        }
    }
    fn to_value(&self) -> std::borrow::Cow<'_, Value> {
        std::borrow::Cow::Borrowed(self)
    }
}

impl Payload for Node<'_> {
    fn seen(&self) -> Seen<'_> {
        match self {
            Node::Null => Seen::Null,
            Node::Str(s) => Seen::Text(s),
            Node::BadStr(_) => Seen::BadText,
            Node::Object(o) => Seen::Object(o),
            _ => Seen::Other,
        }
    }
    fn to_value(&self) -> std::borrow::Cow<'_, Value> {
        std::borrow::Cow::Owned(Node::to_value(self))
    }
}
