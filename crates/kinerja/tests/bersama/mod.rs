//! What the command-line tests share: running the binary, reading a PDF back.

use std::path::Path;
use std::process::{Command, Output};

pub fn kinerja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .output()
        .expect("run kinerja")
}

/// pdftotext reads the PDF back; without it the test says so and skips, unless CI demands it.
pub fn pdftotext(pdf: &Path) -> Option<String> {
    match Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
    {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        _ if std::env::var_os("KINERJA_CI").is_some() => {
            panic!("pdftotext (poppler-utils) is required in CI")
        }
        _ => {
            eprintln!("SKIP: pdftotext (poppler-utils) not installed");
            None
        }
    }
}
