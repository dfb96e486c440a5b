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
        "55c08befe6db7a82c8caf736e624f4e8ce734aaeb70fed12b1cbb808ab8aef83",
    ),
    (
        "docx",
        "125a5acb5d66b5d6f5c0f626f5987f392e7993a7e04d4564d96090c20e9ddbdf",
    ),
    (
        "xlsx",
        "88307d31acb66e04cee7b14cd834de60884946862d1ec6360ee8f4f60dc81527",
    ),
    (
        "html",
        "00b48e4b03048a7196110a56acaa7f17ab0299fa21bcd826dcd723ba683145df",
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
