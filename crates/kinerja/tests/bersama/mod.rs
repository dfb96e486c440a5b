//! What the command-line tests share: running the binary, reading a PDF back.

use std::path::Path;
use std::process::{Command, Output};

/// A folder or file of `contoh/` (`"pemda-jember/dinkes"`), as an argument.
#[allow(dead_code)]
pub fn contoh(p: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../contoh")
        .join(p)
        .to_string_lossy()
        .into_owned()
}

/// An async piece of a test (the store's set-up and clean-up) on a small runtime.
#[allow(dead_code)]
pub fn jalan<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

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

/// The DOCX as LibreOffice reads it, converted to PDF in `dir` (its own profile there); None when
/// LibreOffice is not installed (a failure under KINERJA_CI).
pub fn docx_ke_pdf(docx: &Path, dir: &Path) -> Option<std::path::PathBuf> {
    let lo = ["soffice", "libreoffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(lo) = lo else {
        assert!(
            std::env::var_os("KINERJA_CI").is_none(),
            "LibreOffice (soffice) is required in CI"
        );
        eprintln!("SKIP: LibreOffice not installed");
        return None;
    };
    let o = Command::new(lo)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profil").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("run soffice");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(dir.join(docx.with_extension("pdf").file_name()?))
}
