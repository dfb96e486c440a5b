//! The example's report, byte for byte: the SHA-256 of the PDF, DOCX, XLSX and HTML that
//! `kinerja laporan` writes for the bundled Mumbulsari data. A refactor that changes no
//! behaviour keeps these; a deliberate change of the report updates them in the same commit
//! (and says why in its message).

use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::process::Command;

/// (format, SHA-256 of the file, hex).
const SIDIK: [(&str, &str); 4] = [
    (
        "pdf",
        "a9705f0876f23f6da1052b40365620d39c8026252267e65b7d6b83267e18a9bf",
    ),
    (
        "docx",
        "e230e094c65da3a62858ef1183cd429c82a8a9430c5b8233d60a08ea7e07531e",
    ),
    (
        "xlsx",
        "a399c8923ba0b6196fad9f8aa926df9a799522823597ac0505ab38bb5f82b47e",
    ),
    (
        "html",
        "b27edf3c751c412872bb678ff7123dd269cc1d3359ff44a29695f35ee231a1af",
    ),
];

fn contoh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari")
}

#[test]
fn the_examples_report_files_are_byte_identical() {
    let folder = std::env::temp_dir().join(format!("kinerja-sidik-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let mut beda = Vec::new();
    for (format, harapan) in SIDIK {
        let berkas = folder.join(format!("lkjip.{format}"));
        let o = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args([
                "laporan",
                contoh().to_str().unwrap(),
                "--format",
                format,
                "--paksa",
                "-o",
            ])
            .arg(&berkas)
            .output()
            .expect("run kinerja");
        assert!(
            o.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let isi = std::fs::read(&berkas).unwrap();
        let sidik: String = Sha256::digest(&isi)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if sidik != harapan {
            beda.push(format!("{format}: {sidik} (expected {harapan})"));
        }
    }
    let _ = std::fs::remove_dir_all(&folder);
    assert!(
        beda.is_empty(),
        "report bytes changed:\n{}",
        beda.join("\n")
    );
}
