//! kinerja-skm's spreadsheet reader on arbitrary bytes (calamine's zip and XML layers first).
//! Input: one byte of options, then the file's bytes. `skm_xlsx_susun` builds real workbooks to
//! get past the zip layer.
#![no_main]

use kinerja_fuzz::{baca_xlsx, berkas_sementara, biarkan_panik_calamine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: biarkan_panik_calamine(), |data: &[u8]| {
    let Some((&b, isi)) = data.split_first() else {
        return;
    };
    let path = berkas_sementara("xlsx");
    std::fs::write(&path, isi).expect("the temporary file must be writable");
    baca_xlsx(&path, b);
});
