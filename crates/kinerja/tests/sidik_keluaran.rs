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
        "be725e8e5a93aa1926d213518bd6a3b12ff4f40ff7b8214014ece6890b4d19be",
    ),
    (
        "docx",
        "1aab692c1c502f6da11997ea467fcbb61cb9a3c5659b6d7a73f7fac242df44c6",
    ),
    (
        "xlsx",
        "0d9a422aaf4688d62fa6b177332ae89b06435f5aa9e66623ad6386839777bbae",
    ),
    (
        "html",
        "71d3ea8a8998a4d0ffc33cc9d3757955ccf7a4c2fb7cf6284d4fb1737c093d73",
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
