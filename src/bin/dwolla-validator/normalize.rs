//! `normalize`: prints each record tidied by [`dwolla_validator::normalize`], one
//! per line, with every object's keys in the order the input wrote them.
//!
//! The values are the library's, untouched; only the order comes from here. The
//! record's text is read a second time for nothing but its keys' order
//! ([`KeyOrder`]), and the normalized value is written in that order. This keeps
//! serde_json's `Map` (sorted) for the rest of the crate: its `preserve_order`
//! feature would change it everywhere, the `.wasm` included (see the README).

use crate::args::Args;
use crate::output::{warn, Outcome};
use crate::read_inputs;
use dwolla_validator::input::{Piece, Record};
use dwolla_validator::normalize;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::io::{self, Write};

/// The order in which a JSON text wrote its objects' keys, at every depth.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum KeyOrder {
    /// Not an object or an array: nothing to order.
    #[default]
    Leaf,
    Array(Vec<KeyOrder>),
    Object(Vec<(String, KeyOrder)>),
}

impl KeyOrder {
    /// The key order of one JSON value; a text that does not parse has none.
    pub fn of(text: &[u8]) -> KeyOrder {
        serde_json::from_slice(text).unwrap_or_default()
    }
}

impl<'de> Deserialize<'de> for KeyOrder {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KeyOrderVisitor)
    }
}

struct KeyOrderVisitor;

impl<'de> Visitor<'de> for KeyOrderVisitor {
    type Value = KeyOrder;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<KeyOrder, E> {
        Ok(KeyOrder::Leaf)
    }
    fn visit_i64<E>(self, _: i64) -> Result<KeyOrder, E> {
        Ok(KeyOrder::Leaf)
    }
    fn visit_u64<E>(self, _: u64) -> Result<KeyOrder, E> {
        Ok(KeyOrder::Leaf)
    }
    fn visit_f64<E>(self, _: f64) -> Result<KeyOrder, E> {
        Ok(KeyOrder::Leaf)
    }
    fn visit_str<E>(self, _: &str) -> Result<KeyOrder, E> {
        Ok(KeyOrder::Leaf)
    }
    fn visit_unit<E>(self) -> Result<KeyOrder, E> {
        Ok(KeyOrder::Leaf)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyOrder, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(KeyOrder::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyOrder, A::Error> {
        let mut keys = Vec::new();
        while let Some((key, order)) = map.next_entry()? {
            keys.push((key, order));
        }
        Ok(KeyOrder::Object(keys))
    }
}

/// Writes `value` as compact JSON (as `serde_json::to_writer` does), its objects'
/// keys in `order`. A key that `order` does not know (none, as `normalize` keeps
/// the keys it is given) follows the known ones, so nothing is ever dropped.
pub fn write_in_order(out: &mut impl Write, value: &Value, order: &KeyOrder) -> io::Result<()> {
    match (value, order) {
        (Value::Object(map), KeyOrder::Object(keys)) => {
            out.write_all(b"{")?;
            let mut written = 0;
            for (key, inner) in keys {
                if let Some((key, v)) = map.get_key_value(key) {
                    write_entry(out, written, key, v, inner)?;
                    written += 1;
                }
            }
            if written < map.len() {
                let known: std::collections::HashSet<&str> =
                    keys.iter().map(|(k, _)| k.as_str()).collect();
                for (key, v) in map.iter().filter(|(k, _)| !known.contains(k.as_str())) {
                    write_entry(out, written, key, v, &KeyOrder::Leaf)?;
                    written += 1;
                }
            }
            out.write_all(b"}")
        }
        (Value::Array(items), KeyOrder::Array(orders)) => {
            out.write_all(b"[")?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.write_all(b",")?;
                }
                write_in_order(out, item, orders.get(i).unwrap_or(&KeyOrder::Leaf))?;
            }
            out.write_all(b"]")
        }
        // Nothing to order, or no order known: written as serde_json would.
        _ => Ok(serde_json::to_writer(&mut *out, value)?),
    }
}

fn write_entry(
    out: &mut impl Write,
    index: usize,
    key: &str,
    value: &Value,
    order: &KeyOrder,
) -> io::Result<()> {
    if index > 0 {
        out.write_all(b",")?;
    }
    serde_json::to_writer(&mut *out, key)?;
    out.write_all(b":")?;
    write_in_order(out, value, order)
}

pub fn run(args: &Args, out: &mut impl Write) -> Outcome {
    let inputs = read_inputs(&args.files)?;
    let mut all_ok = true;
    for (name, bytes) in &inputs {
        // For an input that is one JSON array: the key order of each element.
        let mut elements: Option<std::vec::IntoIter<KeyOrder>> = None;
        for (Record { line, value }, text) in Piece::whole(bytes, 1).records_with_text() {
            let order = match line {
                None => elements
                    .get_or_insert_with(|| match KeyOrder::of(text) {
                        KeyOrder::Array(items) => items.into_iter(),
                        _ => Vec::new().into_iter(),
                    })
                    .next()
                    .unwrap_or_default(),
                Some(_) => KeyOrder::of(text),
            };
            match value {
                Ok(v) => write_in_order(out, &normalize(&v), &order)
                    .and_then(|()| writeln!(out))
                    .map_err(|e| crate::output::write_failure(e, !all_ok))?,
                Err(e) => {
                    all_ok = false;
                    warn(format_args!(
                        "{name}:{}: skipped: the record is {e}",
                        line.unwrap_or(1)
                    ));
                }
            }
        }
    }
    Ok(all_ok)
}
