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
        "b816667c85f6720d46addf4c094bceec5b58b9c9140ddef40a2f54be2e95babd",
    ),
    (
        "docx",
        "a52c7ea85f894bc9e66d822f440bf89c643adbfd713586bf0891e52d3b10dff8",
    ),
    (
        "xlsx",
        "7853de5a77e2934d29f6145d170ae91922bda90e04f0106742adaef6107265d2",
    ),
    (
        "html",
        "485dc66a3d53c1ce062b359def1dfd0139a81021efb7f6708198fd9360fd61db",
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
