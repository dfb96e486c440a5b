//! The data file loader: TOML text -> `DataInstansi` with its located problems, through
//! `kinerja_core::validasi::periksa` (which `baca_sumber` runs on every accepted merge).
//!
//! A NUL byte (never valid in TOML) splits the input into up to four files, so merging table by
//! table and locating a problem in the right file are exercised too.
#![no_main]

use kinerja_berkas::{GalatBerkas, baca_sumber, ke_toml};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let Ok(teks) = std::str::from_utf8(data) else {
        return;
    };
    let sumber: Vec<(PathBuf, String)> = teks
        .splitn(4, '\0')
        .enumerate()
        .map(|(i, t)| (PathBuf::from(format!("berkas-{i}.toml")), t.to_string()))
        .collect();
    let baris: Vec<usize> = sumber
        .iter()
        .map(|(_, t)| t.lines().count().max(1))
        .collect();
    match baca_sumber(sumber) {
        Ok(data) => {
            // Documented: writing the data and reading it back gives equal data.
            let tulis = ke_toml(&data).expect("accepted data must be writable");
            let kembali = baca_sumber(vec![("kembali.toml".into(), tulis.clone())])
                .unwrap_or_else(|e| panic!("written data refused on re-read: {e}\n{tulis}"));
            assert_eq!(kembali, data, "TOML round trip changed the data");
        }
        Err(GalatBerkas::Isi(masalah)) => {
            assert!(!masalah.is_empty(), "a refused file must name a problem");
            for m in &masalah {
                let _ = m.to_string();
                // A located problem points inside its own file.
                if let (Some(b), Some(i)) = (m.baris, nomor_berkas(&m.berkas)) {
                    assert!(
                        b >= 1 && b <= baris[i] + 1,
                        "line {b} outside {}",
                        m.berkas.display()
                    );
                }
            }
        }
        Err(e) => panic!("in-memory reading can only fail on content: {e}"),
    }
});

fn nomor_berkas(p: &std::path::Path) -> Option<usize> {
    p.to_str()?
        .strip_prefix("berkas-")?
        .strip_suffix(".toml")?
        .parse()
        .ok()
}
