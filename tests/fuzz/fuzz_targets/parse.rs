#![no_main]
//! Fuzz target `parse`: the properties are in `tests/fuzz/src/lib.rs` (`check_parse`),
//! shared with the stable regression test `tests/fuzz_regressions.rs`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_props::check_parse(data));
