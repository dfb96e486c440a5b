//! Where the command line's data comes from: a file or folder, or the bundled example.

use crate::galat::GalatPerintah;
use kinerja_core::model::DataInstansi;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/contoh.rs"));

/// Reads DATA, or the bundled Mumbulsari example when no path is given.
pub fn muat(path: Option<&Path>) -> Result<DataInstansi, kinerja_berkas::GalatBerkas> {
    match path {
        Some(p) => kinerja_berkas::baca(p),
        None => kinerja_berkas::baca_sumber(
            CONTOH
                .iter()
                .map(|(n, t)| (PathBuf::from(n), (*t).to_string()))
                .collect(),
        ),
    }
}

/// The bundled example pemda (Kabupaten Jember's RPJMD and pohon kinerja, two OPDs; synthetic
/// where `contoh/pemda-jember/README.md` says so), each data set as its folder reads.
pub fn muat_pemda() -> Result<Vec<DataInstansi>, kinerja_berkas::GalatBerkas> {
    CONTOH_PEMDA
        .iter()
        .map(|f| {
            kinerja_berkas::baca_sumber(
                f.iter()
                    .map(|(n, t)| (PathBuf::from(n), (*t).to_string()))
                    .collect(),
            )
        })
        .collect()
}

/// Appends TOML text to the data (`berkas` inside a data folder, or the data file itself), then
/// reads the whole data again: if it no longer validates, the file is put back as it was and
/// the error returned. Nothing the user had is lost either way.
pub fn tambah_toml(path: &Path, berkas: &str, teks: &str) -> Result<PathBuf, GalatPerintah> {
    let target = if path.is_dir() {
        path.join(berkas)
    } else {
        path.to_path_buf()
    };
    let lama = std::fs::read_to_string(&target).ok();
    let baru = format!("{}{teks}", lama.as_deref().unwrap_or_default());
    std::fs::write(&target, baru).map_err(|e| {
        GalatPerintah::masukan(format!("tidak dapat menulis {}: {e}", target.display()))
    })?;
    if let Err(e) = kinerja_berkas::baca(path) {
        match &lama {
            Some(l) => std::fs::write(&target, l).ok(),
            None => std::fs::remove_file(&target).ok(),
        };
        return Err(GalatPerintah::masukan(format!(
            "dibatalkan, data tidak lagi sah: {e}"
        )));
    }
    Ok(target)
}

/// A TOML basic string.
pub fn toml_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if c.is_control() => o.push_str(&format!("\\u{:04X}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}
