//! What the sample pages are made of: the example instansi, a logged-in context, statuses,
//! audit rows, kabupaten rows, reviu findings and an SKM result (all made up but the example).

use super::*;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_core::wilayah::{AngkaInstansi, RekapWilayah, rekap};
use std::path::Path;

pub const CSRF: &str = "tok-3f9a2c";

pub fn mumbulsari() -> DataInstansi {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
    kinerja_berkas::baca(&p).expect("contoh mumbulsari terbaca")
}

pub fn th(t: u16) -> Tahun {
    Tahun::new(t as i64).unwrap()
}

pub fn konteks() -> Konteks {
    Konteks {
        judul_aplikasi: None,
        pengguna: Some(PenggunaTampil {
            nama: "Siti Rahmawati".into(),
            peran_label: "Operator".into(),
        }),
        instansi: vec![
            ("mumbulsari".into(), "Kecamatan Mumbulsari".into()),
            ("opd-00".into(), "Dinas Sintetis 0".into()),
        ],
        instansi_aktif: Some("mumbulsari".into()),
        tahun: Some(2020),
        tahun_pilihan: vec![2019, 2020, 2021],
        csrf: CSRF.into(),
        pesan: vec![Pesan {
            jenis: JenisPesan::Sukses,
            teks: "Realisasi Triwulan I tersimpan.".into(),
        }],
        kabupaten: None,
    }
}

pub fn status() -> Vec<StatusPeriode> {
    vec![
        StatusPeriode {
            periode: Periode::Tw1,
            status: StatusAlur::Disetujui,
            oleh: Some("H. Haidori (Camat)".into()),
            waktu: Some("12 April 2020 09.14".into()),
        },
        StatusPeriode {
            periode: Periode::Tw2,
            status: StatusAlur::Diajukan,
            oleh: Some("Siti Rahmawati".into()),
            waktu: Some("7 Juli 2020 15.02".into()),
        },
    ]
}

pub fn jejak_contoh() -> Vec<JejakTampil> {
    vec![
        JejakTampil {
            waktu: "2020-07-07 15:02:11".into(),
            pengguna: "Siti Rahmawati".into(),
            tabel: "realisasi".into(),
            kunci: "I-S2-1/2020/tw2".into(),
            aksi: "ubah".into(),
            lama: Some(r#"{"indikator":"I-S2-1","tahun":2020,"periode":"tw2","nilai":"80 %","sumber":null}"#.into()),
            baru: Some(r#"{"indikator":"I-S2-1","tahun":2020,"periode":"tw2","nilai":"86,90 %","sumber":"Laporan Seksi PMKS"}"#.into()),
        },
        JejakTampil {
            waktu: "2020-07-07 15:04:40".into(),
            pengguna: "Siti Rahmawati".into(),
            tabel: "status_periode".into(),
            kunci: "mumbulsari/2020/tw2".into(),
            aksi: "ajukan".into(),
            lama: Some(r#"{"status":"draf"}"#.into()),
            baru: Some(r#"{"status":"diajukan"}"#.into()),
        },
        JejakTampil {
            waktu: "2020-04-02 08:30:00".into(),
            pengguna: "admin".into(),
            tabel: "realisasi".into(),
            kunci: "I-S1-1/2020/tw1".into(),
            aksi: "tambah".into(),
            lama: None,
            baru: Some(r#"{"indikator":"I-S1-1","tahun":2020,"periode":"tw1","nilai":"B (70,89 %)"}"#.into()),
        },
        JejakTampil {
            waktu: "2020-04-01 10:00:00".into(),
            pengguna: "admin".into(),
            tabel: "catatan".into(),
            kunci: "c-1".into(),
            aksi: "hapus".into(),
            lama: Some("bukan JSON <b>".into()),
            baru: None,
        },
    ]
}

pub fn baris_kab() -> Vec<BarisKabupaten> {
    let mut v: Vec<BarisKabupaten> = kinerja_sintetis::kabupaten(6)
        .iter()
        .map(|d| {
            let utama = &d.renstra[0].instansi;
            let i = d.instansi.iter().find(|i| &i.id == utama).unwrap();
            BarisKabupaten {
                id: i.id.to_string(),
                nama: i.nama.clone(),
                jenis: i.jenis,
                angka: AngkaInstansi::dari_data(d, th(2021)),
                evaluasi: None,
            }
        })
        .collect();
    // One instansi that has not reported: its figures are missing, not zero.
    v[2].angka.realisasi = None;
    v[2].angka.serapan = None;
    v[4].angka.capaian_rata = None;
    v[4].angka.predikat = None;
    v
}

/// The kabupaten figures over `baris`.
pub fn rekap_kab(baris: &[BarisKabupaten]) -> RekapWilayah {
    rekap(baris.iter().map(|b| &b.angka))
}

pub fn beranda_contoh() -> Vec<BarisBeranda> {
    vec![
        BarisBeranda {
            id: "jember".into(),
            nama: "Kabupaten Jember".into(),
            jenis: kinerja_core::model::JenisInstansi::Kabupaten,
            tahun: vec![2020],
            induk: None,
        },
        BarisBeranda {
            id: "mumbulsari".into(),
            nama: "Kecamatan Mumbulsari".into(),
            jenis: kinerja_core::model::JenisInstansi::Kecamatan,
            tahun: vec![2021, 2020],
            induk: Some("Kabupaten Jember".into()),
        },
        BarisBeranda {
            id: "opd-00".into(),
            nama: "Dinas Sintetis 0".into(),
            jenis: kinerja_core::model::JenisInstansi::Opd,
            tahun: vec![2019, 2020, 2021, 2022, 2023],
            induk: Some("Kabupaten Sintetis".into()),
        },
    ]
}

pub fn keadaan_laporan(galat: usize) -> KeadaanLaporan {
    KeadaanLaporan {
        galat_terbuka: galat,
        peringatan_terbuka: 2,
        sidik: "3fa9c0d21b7e".into(),
        terbit: false,
        lihat_reviu: true,
        ubah: true,
    }
}

/// Findings as the reviu reports them: one open galat, one accepted, one warning.
pub fn temuan_contoh() -> Vec<TemuanTampil> {
    use rust_decimal::Decimal;
    let t = |aturan: &str, tingkat, kunci: &str, diterima: Option<&str>| TemuanTampil {
        aturan: aturan.into(),
        tingkat,
        dokumen: "Laporan Kinerja 2020".into(),
        tabel: "Tabel 3.1".into(),
        baris: Some("I-S2-1".into()),
        pesan: "capaian tercatat berbeda dari yang dihitung".into(),
        tercatat: Some(Decimal::new(8750, 2)),
        dihitung: Some(Decimal::new(869_047, 4)),
        pembulatan: Some("dibandingkan pada 2 desimal".into()),
        kunci: kunci.into(),
        diterima: diterima.map(str::to_string),
    };
    vec![
        t(
            "CAPAIAN-TERCATAT",
            TingkatTemuan::Galat,
            "I-S2-1|2020",
            None,
        ),
        t(
            "CAPAIAN-TERCATAT",
            TingkatTemuan::Galat,
            "I-S2-2|2020",
            Some("salah ketik pada dokumen asli (Inspektorat)"),
        ),
        t(
            "TARGET-KONSISTEN",
            TingkatTemuan::Peringatan,
            "I-S1-1|2020",
            None,
        ),
    ]
}

/// The nine-unsur survey of `kinerja-skm/tests/data/contoh-9-kobo.csv` (four respondents) as
/// answer counts per unsur, computed.
pub fn hasil_skm() -> kinerja_core::skm::HasilSkm {
    let jumlah: [[u64; 4]; 9] = [
        [0, 0, 2, 2],
        [0, 1, 3, 0],
        [0, 0, 0, 4],
        [1, 1, 1, 1],
        [0, 0, 4, 0],
        [0, 0, 2, 2],
        [0, 0, 1, 3],
        [0, 2, 2, 0],
        [1, 0, 3, 0],
    ];
    let mut s = mumbulsari().skm[0].clone();
    s.regime = "permenpanrb-14-2017".into();
    s.responden = Some(4);
    s.unsur = jumlah
        .iter()
        .enumerate()
        .map(|(i, j)| kinerja_core::model::UnsurSkm {
            nomor: i as u32 + 1,
            nama: format!("Unsur {}", i + 1),
            jumlah: Some(*j),
            distribusi: None,
        })
        .collect();
    kinerja_core::skm::hasil_survei(&s)
        .expect("counts are data")
        .expect("nine unsur compute")
}
