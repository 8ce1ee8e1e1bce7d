//! The fuzz targets' properties on stable, in CI: every seed in `tests/fuzz/seeds/`
//! and every minimized finding in `tests/fuzz/regressions/` is replayed through the
//! same assertions the fuzz targets make (`tests/fuzz/src/lib.rs`, included here as
//! a module). The fuzzing itself needs nightly and runs with `scripts/fuzz`.

// The module is shared with the fuzz crate, which uses other parts of it.
#[allow(dead_code)]
#[path = "fuzz/src/lib.rs"]
mod props;

use std::fs;
use std::path::{Path, PathBuf};

/// A target's checks over its raw input bytes.
type Check = fn(&[u8]);

const TARGETS: &[(&str, Check)] = &[
    ("payload", props::check_payload),
    ("field", props::check_field),
    ("normalize", props::check_normalize),
    ("document", props::check_document),
    ("parse", props::check_parse),
    ("walked", props::check_walked),
];

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz")
}

fn replay(path: &Path, check: Check) {
    let bytes = fs::read(path).expect("readable");
    let outcome = std::panic::catch_unwind(|| check(&bytes));
    assert!(outcome.is_ok(), "{} fails", path.display());
}

#[test]
fn every_seed_passes_the_payload_assertions() {
    let mut n = 0;
    for (target, _) in TARGETS {
        for f in files_in(&fuzz_dir().join("seeds").join(target)) {
            replay(&f, props::check_payload);
            n += 1;
        }
    }
    assert!(n > 100, "the seeds are missing ({n} files)");
}

#[test]
fn every_seed_passes_its_target() {
    for (target, check) in TARGETS {
        let files = files_in(&fuzz_dir().join("seeds").join(target));
        assert!(!files.is_empty(), "no seeds for {target}");
        for f in files {
            replay(&f, *check);
        }
    }
}

/// Minimized findings are `tests/fuzz/regressions/<target>-<what>.bin`.
#[test]
fn every_regression_passes_its_target() {
    for f in files_in(&fuzz_dir().join("regressions")) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let (_, check) = TARGETS
            .iter()
            .find(|(t, _)| name.starts_with(&format!("{t}-")))
            .unwrap_or_else(|| panic!("{name}: name it <target>-<what>.bin"));
        replay(&f, *check);
    }
}

/// The checks are not vacuous: a message quoting an input value, two errors at
/// one path, or `valid` disagreeing with the errors all fail.
#[test]
fn the_checks_catch_what_they_claim_to() {
    use dwolla_validator::{Code, Issue, Report};
    let issue = |message: &str, path: &str| Issue::new(Code::InvalidFormat, message, path, "ssn");
    let report = |errors: Vec<Issue>| Report {
        valid: errors.is_empty(),
        errors,
        warnings: Vec::new(),
    };
    let inputs = vec!["202991516".to_string()];
    let fine = report(vec![issue("SSN must be all 9 digits.", "/ssn")]);
    props::check_report(&fine, &inputs, "fine");
    let bad = [
        report(vec![issue("SSN 202991516 must be all 9 digits.", "/ssn")]),
        report(vec![
            issue("SSN must be all 9 digits.", "/ssn"),
            issue("SSN must be all 9 digits.", "/ssn"),
        ]),
        Report {
            valid: true,
            ..fine.clone()
        },
    ];
    for r in bad {
        let caught = std::panic::catch_unwind(|| props::check_report(&r, &inputs, "bad"));
        assert!(caught.is_err(), "not caught: {r:?}");
    }
}

#[test]
fn every_walked_seed_is_a_payload_the_reader_accepts() {
    // A seed the reader refused would stop check_walked before its assertions.
    let seeds = files_in(&fuzz_dir().join("seeds/walked"));
    assert!(seeds.len() >= 3, "the walked seeds are missing");
    for seed in seeds {
        let data = fs::read(&seed).expect("a seed");
        let (text, marks) = props::decode_walked(&data).expect("a seed decodes");
        assert!(
            dwolla_validator::walked::read(text, &marks).is_some(),
            "{}: refused",
            seed.display()
        );
    }
}
