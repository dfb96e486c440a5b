//! The web forms' parsing, as kinerja-web's handlers do it (`halaman::realisasi_kirim` and
//! `anggaran_kirim`): an urlencoded body into pairs (axum's `Form` is serde_urlencoded), each
//! name into a typed field (`kinerja_tampilan::Medan`), each value into a `Nilai` or `Rupiah`.
//! kinerja-web's own functions are private, so this drives the public pieces it is made of.
//! A refused form is rendered back with the submitted values applied (`form_realisasi`, which
//! recomputes capaian from them). Rendering the example's page costs about a millisecond, so it
//! is done for one input in 64 that names one of the example's indicators (the first byte
//! decides), to keep the run fast enough for ten million inputs.
#![no_main]

use kinerja_core::angka::parse_rupiah;
use kinerja_core::nilai::Nilai;
use kinerja_core::waktu::Tahun;
use kinerja_tampilan::{Izin, KesalahanIsian, Konteks, Medan, form_realisasi};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(isian) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(data) else {
        return;
    };
    let contoh = kinerja_fuzz::contoh();
    let mut kesalahan = Vec::new();
    let mut ada_indikator_contoh = false;
    for (nama, nilai) in &isian {
        let Some(medan) = Medan::parse(nama) else {
            continue;
        };
        assert_eq!(
            Medan::parse(&medan.nama()).as_ref(),
            Some(&medan),
            "{nama:?}"
        );
        let nilai = nilai.trim();
        if nilai.is_empty() {
            continue;
        }
        let pesan = match &medan {
            Medan::Realisasi { indikator, .. } => {
                ada_indikator_contoh |= contoh.indikator.iter().any(|i| i.id == *indikator);
                Nilai::parse(nilai).err().map(|e| e.to_string())
            }
            Medan::Anggaran(_) | Medan::Bulanan(..) => {
                parse_rupiah(nilai).err().map(|e| e.to_string())
            }
            // A data element's count, read as `halaman::realisasi_kirim` reads it.
            Medan::Data { .. } => kinerja_core::angka::parse_angka(nilai)
                .err()
                .map(|e| e.to_string()),
        };
        if let Some(pesan) = pesan {
            kesalahan.push(KesalahanIsian {
                medan: nama.clone(),
                pesan,
            });
        }
    }
    if ada_indikator_contoh && data.first().is_some_and(|b| b % 64 == 0) {
        let tahun = Tahun::new(2020).expect("2020 is a year");
        let izin = Izin {
            ubah: true,
            ..Izin::default()
        };
        let halaman = form_realisasi(
            &Konteks::default(),
            contoh,
            tahun,
            &[],
            izin,
            &kesalahan,
            &isian,
        );
        assert!(halaman.contains("</html>"));
    }
});
