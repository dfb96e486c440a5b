//! `kinerja capaian`: the measurement table (Tabel 3.1), per indicator and per sasaran.

use crate::galat::GalatPerintah;
use crate::tampil::{self, Format, kanan, kiri};
use kinerja_core::capaian::Capaian;
use kinerja_core::model::{DataInstansi, DokumenTarget};
use kinerja_core::pengukuran::{self, Indeks};
use kinerja_core::waktu::Tahun;

fn teks_capaian(c: &Capaian) -> String {
    match c {
        Capaian::Ada {
            persen, dibatasi, ..
        } => {
            let mut s = tampil::persen(Some(*persen));
            if dibatasi.is_some() {
                s.push_str(" (dibatasi)");
            }
            s
        }
        Capaian::TidakTersedia { alasan } => format!("n/a: {}", alasan.pesan()),
    }
}

pub fn jalankan(
    data: &DataInstansi,
    tahun: Tahun,
    format: Format,
) -> Result<String, GalatPerintah> {
    let ix = Indeks::new(data);
    let tabel = pengukuran::ukur(&ix, tahun);
    let uraian_sasaran = |id| ix.sasaran(id).map(|s| s.uraian.clone()).unwrap_or_default();
    let nomor_sasaran = |id| ix.sasaran(id).map(|s| s.nomor).unwrap_or(0);
    let aturan = ix.aturan;
    match format {
        Format::Json => {
            let out = kinerja_json::capaian(data, tahun);
            kinerja_json::teks(&out).map_err(GalatPerintah::Ditolak)
        }
        Format::Tabel | Format::Csv => {
            let kolom = [
                kiri("No"),
                kiri("Sasaran"),
                kiri("Indikator"),
                kanan("Target"),
                kanan("Realisasi"),
                kanan("Capaian"),
                kiri("Predikat"),
            ];
            let mut baris = Vec::new();
            for b in &tabel.baris {
                let ind = ix.indikator(&b.indikator);
                let target = b
                    .target
                    .as_ref()
                    .map(|t| t.teks().to_string())
                    .unwrap_or_else(|| "-".into());
                let target = match (format, b.dokumen_target) {
                    (Format::Tabel, Some(d)) if d != DokumenTarget::Pengukuran => {
                        format!("{target} ({})", d.label())
                    }
                    _ => target,
                };
                let (capaian, realisasi) = if format == Format::Csv {
                    (
                        tampil::csv_angka(b.capaian.persen(), 2),
                        tampil::csv_angka(
                            b.realisasi.as_ref().and_then(|r| r.nilai.angka_setara()),
                            4,
                        ),
                    )
                } else {
                    (
                        teks_capaian(&b.capaian),
                        b.realisasi
                            .as_ref()
                            .map(|r| r.nilai.teks().to_string())
                            .unwrap_or_else(|| "-".into()),
                    )
                };
                baris.push(vec![
                    format!(
                        "{}.{}",
                        nomor_sasaran(&b.sasaran),
                        ind.map(|i| i.nomor).unwrap_or(0)
                    ),
                    uraian_sasaran(&b.sasaran),
                    ind.map(|i| i.uraian.clone()).unwrap_or_default(),
                    target,
                    realisasi,
                    capaian,
                    b.predikat
                        .as_ref()
                        .map(|p| p.label.clone())
                        .unwrap_or_else(|| "-".into()),
                ]);
            }
            let kolom_s = [
                kiri("No"),
                kiri("Sasaran"),
                kanan("Indikator terukur"),
                kanan("Rata-rata capaian"),
                kiri("Predikat"),
            ];
            let baris_s: Vec<Vec<String>> = tabel
                .sasaran
                .iter()
                .map(|s| {
                    vec![
                        nomor_sasaran(&s.sasaran).to_string(),
                        uraian_sasaran(&s.sasaran),
                        format!("{} dari {}", s.jumlah_terukur, s.jumlah_indikator),
                        if format == Format::Csv {
                            tampil::csv_angka(s.capaian, 2)
                        } else {
                            tampil::persen(s.capaian)
                        },
                        s.predikat
                            .as_ref()
                            .map(|p| p.label.clone())
                            .unwrap_or_else(|| "-".into()),
                    ]
                })
                .collect();
            if format == Format::Csv {
                return tampil::csv(&kolom, &baris).map_err(GalatPerintah::ditolak);
            }
            let mut out = format!("Pengukuran kinerja tahun {tahun}\n");
            out += &tampil::tabel(&kolom, &baris);
            out += "\n\nCapaian per sasaran (rata-rata capaian indikatornya)\n";
            out += &tampil::tabel(&kolom_s, &baris_s);
            out += &format!(
                "\n\nCapaian = Realisasi / Target x 100 (polaritas positif); {} (polaritas negatif).\n\
                 Target dari tabel pengukuran; bila tidak ada, dari Perjanjian Kinerja, RKT, lalu Renstra (disebut di kolom Target).\n\
                 Predikat: {}; dibaca dari capaian yang dibulatkan 2 desimal (setengah menjauhi nol).\n",
                aturan.rumus_negatif.keterangan(),
                ix.skala.nama
            );
            Ok(out)
        }
    }
}
