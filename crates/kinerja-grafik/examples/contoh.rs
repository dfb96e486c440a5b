//! Writes sample charts as PNG and SVG, to look at them after a change to the drawing:
//! `cargo run -p kinerja-grafik --example contoh [FOLDER]` (default: the system's temp folder).
//! Long names, missing figures, markup in names, many series and an empty chart are all there.

use std::path::PathBuf;

use kinerja_core::skm::{DataUnsur, Kuesioner, Opsi, Regime, hitung};
use kinerja_grafik::{Seri, batang_capaian, serapan, skm, svg_ke_png, tren};
use rust_decimal::Decimal;

const PANJANG: &str = "Persentase desa yang menyusun dokumen perencanaan dan penganggaran desa (RPJMDes, RKPDes dan APBDes) tepat waktu sesuai ketentuan peraturan perundang-undangan yang berlaku";

fn d(s: &str) -> Decimal {
    s.parse().expect("a literal decimal")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = std::env::args()
        .nth(1)
        .map_or_else(std::env::temp_dir, PathBuf::from);
    let capaian = vec![
        ("Indeks Kepuasan Masyarakat".to_string(), Some(d("107.43"))),
        (PANJANG.to_string(), Some(d("87.5"))),
        ("Nilai <SAKIP> & \"LKjIP\"".to_string(), None),
        (
            "Persentase surat selesai tepat waktu".to_string(),
            Some(d("100")),
        ),
    ];
    let tahun = [2016, 2017, 2018, 2019, 2020];
    let dua = vec![
        Seri {
            nama: "Indeks Kepuasan Masyarakat (IKM) unit layanan PATEN".into(),
            realisasi: vec![
                Some(d("76.2")),
                None,
                Some(d("80.5")),
                Some(d("82.125")),
                None,
            ],
            target: ["75", "76", "77", "78", "79"].map(|t| Some(d(t))).to_vec(),
        },
        Seri {
            nama: PANJANG.into(),
            realisasi: vec![Some(d("60")), Some(d("70")), None, Some(d("90")), None],
            target: vec![None; 5],
        },
    ];
    let satu = dua[..1].to_vec();
    let tujuh: Vec<Seri> = (0..7)
        .map(|k| Seri {
            nama: format!("Indikator {k} {}", &PANJANG[..40]),
            realisasi: (0..5)
                .map(|i| (i + k != 6).then(|| Decimal::from(60 + 5 * k + 3 * i)))
                .collect(),
            target: vec![Some(Decimal::from(70 + 5 * k)); 5],
        })
        .collect();
    // A 9-unsur survey (PermenPANRB 14/2017) from answer counts 1-4 of 40 respondents.
    let jumlah = [
        [0, 4, 20, 16],
        [1, 9, 22, 8],
        [0, 2, 18, 20],
        [0, 0, 10, 30],
        [2, 12, 20, 6],
        [0, 5, 25, 10],
        [0, 3, 17, 20],
        [4, 14, 16, 6],
        [6, 16, 14, 4],
    ];
    let hasil_skm = hitung(
        &Kuesioner::baku(Regime::permenpanrb_14_2017()),
        &jumlah.map(DataUnsur::Jumlah),
        &Opsi::default(),
    )?;
    let grafik = [
        (
            "capaian",
            batang_capaian(
                "Capaian indikator kinerja tahun 2020",
                &capaian,
                Decimal::ONE_HUNDRED,
            ),
        ),
        (
            "serapan",
            serapan("Serapan anggaran per program tahun 2020", &capaian),
        ),
        ("tren", tren("Tren realisasi sasaran 1", &tahun, &dua)),
        ("tren1", tren("Tren realisasi sasaran 2", &tahun, &satu)),
        ("tren7", tren("Tren tujuh seri", &tahun, &tujuh)),
        ("kosong", tren("Tren kosong", &[], &[])),
        ("skm", skm::svg(&hasil_skm, "SKM Kecamatan Contoh 2020")),
    ];
    for (nama, svg) in grafik {
        let png = svg_ke_png(&svg, 2.0)?;
        let jalur = folder.join(format!("grafik-{nama}.png"));
        std::fs::write(&jalur, png)?;
        std::fs::write(folder.join(format!("grafik-{nama}.svg")), svg)?;
        println!("{}", jalur.display());
    }
    Ok(())
}
