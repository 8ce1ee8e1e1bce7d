#![no_main]
//! Fuzz target `walked`: the properties are in `tests/fuzz/src/lib.rs` (`check_walked`),
//! shared with the stable regression test `tests/fuzz_regressions.rs`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_props::check_walked(data));
