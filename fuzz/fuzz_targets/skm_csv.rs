//! kinerja-skm's CSV readers (respondents, and per-unsur tables), then the SKM computation on
//! whatever they accept. Input: one byte of options, then the CSV bytes.
#![no_main]

use kinerja_fuzz::{opsi_baca, opsi_hitung};
use kinerja_skm::{Masukan, baca_responden_csv, baca_tabel_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&b, csv)) = data.split_first() else {
        return;
    };
    let opsi = opsi_baca(b);
    let hitung = opsi_hitung(b);
    let responden = baca_responden_csv(csv, "fuzz.csv", &opsi).map(Masukan::Responden);
    let tabel = baca_tabel_csv(csv, "fuzz.csv", &opsi).map(Masukan::Tabel);
    for hasil in [responden, tabel] {
        match hasil {
            Ok(m) => {
                let _ = m.hitung(&hitung);
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
