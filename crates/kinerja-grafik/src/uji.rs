//! Sample data shared by the chart tests.

use rust_decimal::Decimal;

use crate::Seri;

pub(crate) fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub(crate) const PANJANG: &str = "Persentase desa yang menyusun dokumen perencanaan dan penganggaran desa (RPJMDes, RKPDes dan APBDes) tepat waktu sesuai ketentuan peraturan perundang-undangan yang berlaku";

pub(crate) fn contoh_capaian() -> Vec<(String, Option<Decimal>)> {
    vec![
        ("Indeks Kepuasan Masyarakat".into(), Some(d("107.43"))),
        (PANJANG.into(), Some(d("87.5"))),
        ("Nilai <SAKIP> & \"LKjIP\"".into(), None),
        (
            "Persentase surat selesai tepat waktu".into(),
            Some(d("100")),
        ),
    ]
}

pub(crate) fn contoh_seri() -> Vec<Seri> {
    vec![
        Seri {
            nama: "Indeks Kepuasan Masyarakat (IKM) unit layanan PATEN".into(),
            realisasi: vec![
                Some(d("76.2")),
                None,
                Some(d("80.5")),
                Some(d("82.125")),
                None,
            ],
            target: vec![
                Some(d("75")),
                Some(d("76")),
                Some(d("77")),
                Some(d("78")),
                Some(d("79")),
            ],
        },
        Seri {
            nama: PANJANG.into(),
            realisasi: vec![Some(d("60")), Some(d("70")), None, Some(d("90")), None],
            target: vec![None, None, None, None, None],
        },
    ]
}
