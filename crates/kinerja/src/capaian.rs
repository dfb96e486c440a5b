//! `kinerja capaian`: the measurement table (Tabel 3.1), per indicator and per sasaran.

use crate::tampil::{self, Format, kanan, kiri};
use kinerja_core::capaian::Capaian;
use kinerja_core::model::{DataInstansi, DokumenTarget};
use kinerja_core::pengukuran::{self, Indeks};
use kinerja_core::waktu::Tahun;
use serde_json::json;

fn teks_capaian(c: &Capaian) -> String {
    match c {
        Capaian::Ada { persen, dibatasi } => {
            let mut s = tampil::persen(Some(*persen));
            if dibatasi.is_some() {
                s.push_str(" (dibatasi)");
            }
            s
        }
        Capaian::TidakTersedia { alasan } => format!("n/a: {}", alasan.pesan()),
    }
}

pub fn jalankan(data: &DataInstansi, tahun: Tahun, format: Format) -> Result<String, String> {
    let ix = Indeks::new(data);
    let tabel = pengukuran::ukur(&ix, tahun);
    let uraian_sasaran = |id| ix.sasaran(id).map(|s| s.uraian.clone()).unwrap_or_default();
    let nomor_sasaran = |id| ix.sasaran(id).map(|s| s.nomor).unwrap_or(0);
    let aturan = ix.aturan;
    match format {
        Format::Json => {
            let indikator: Vec<_> = tabel
                .baris
                .iter()
                .map(|b| {
                    let ind = ix.indikator(&b.indikator);
                    json!({
                        "sasaran": uraian_sasaran(&b.sasaran),
                        "sasaran_id": b.sasaran,
                        "indikator": ind.map(|i| i.uraian.as_str()),
                        "indikator_id": b.indikator,
                        "polaritas": ind.map(|i| i.polaritas),
                        "target": tampil::json_opsi(b.target.as_ref().and_then(|t| t.angka_setara())),
                        "target_teks": b.target.as_ref().map(|t| t.teks()),
                        "dokumen_target": b.dokumen_target,
                        "realisasi": tampil::json_opsi(b.realisasi.as_ref().and_then(|r| r.nilai.angka_setara())),
                        "realisasi_teks": b.realisasi.as_ref().map(|r| r.nilai.teks()),
                        "capaian": tampil::json_persen(b.capaian.persen()),
                        "capaian_keterangan": match &b.capaian {
                            Capaian::Ada { dibatasi, .. } => json!(dibatasi),
                            Capaian::TidakTersedia { alasan } => json!(alasan.pesan()),
                        },
                        "predikat": b.predikat.as_ref().map(|p| p.label.as_str()),
                    })
                })
                .collect();
            let sasaran: Vec<_> = tabel
                .sasaran
                .iter()
                .map(|s| {
                    json!({
                        "sasaran": uraian_sasaran(&s.sasaran),
                        "sasaran_id": s.sasaran,
                        "jumlah_indikator": s.jumlah_indikator,
                        "jumlah_terukur": s.jumlah_terukur,
                        "capaian": tampil::json_persen(s.capaian),
                        "predikat": s.predikat.as_ref().map(|p| p.label.as_str()),
                    })
                })
                .collect();
            let out = json!({
                "tahun": tahun.get(),
                "skala": ix.skala.id,
                "rumus_negatif": aturan.rumus_negatif.keterangan(),
                "pembulatan": "2 desimal, setengah menjauhi nol",
                "indikator": indikator,
                "sasaran": sasaran,
            });
            tampil::json_teks(&out)
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
                return tampil::csv(&kolom, &baris).map_err(|e| e.to_string());
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
