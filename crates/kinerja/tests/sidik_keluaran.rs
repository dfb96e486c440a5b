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
        "05512e8bece84effeff82e5e547303a121ed9d6c174b9ac1e755c838b23d58f3",
    ),
    (
        "docx",
        "7ada46f8c5fdeb9520c9023c2ea70ad4b569305351a1125d15d08ae719fe2d47",
    ),
    (
        "xlsx",
        "399f66a6a4d84c0f8a3b80577c1dc37916864fc10a1a1887f75587b4a41d9339",
    ),
    (
        "html",
        "50cc4da6159bc0d3d225bffce8b215f353a6b21e9a114699a1dea7153de74dab",
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
