//! `kinerja evaluasi`: the Evaluasi AKIP of a year (PermenPANRB 88/2021). The worksheet is the
//! bundled one or `--lke FILE`; answers are the data's `[[jawaban_evaluasi]]`, plus any
//! `--jawaban FILE`; the reviu is run here so the proposals know whether the year's report has
//! open errors. Output: a table, JSON (scores per component and sub-component, total, grade), or
//! the Laporan Hasil Evaluasi as PDF, DOCX, XLSX or HTML (its annex is the evaluators' recap sheet).

use crate::galat::GalatPerintah;
use kinerja_core::angka::format_angka;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_evaluasi::{HasilEvaluasi, KonteksUsulan, Lke, Predikat};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatEvaluasi {
    /// Tabel nilai per komponen dan sub komponen, temuan, usulan dari data
    Teks,
    /// JSON: nilai per komponen, sub komponen dan kriteria, total, predikat
    Json,
    /// Laporan Hasil Evaluasi (PDF; perlu -o)
    Pdf,
    /// Laporan Hasil Evaluasi (DOCX; perlu -o)
    Docx,
    /// Laporan Hasil Evaluasi dengan lembar kerja rekap (XLSX; perlu -o)
    Xlsx,
    /// Laporan Hasil Evaluasi (HTML; perlu -o)
    Html,
}

/// The worksheet: `--lke FILE`, or the bundled 88/2021 one. Returns its text too (part of the
/// report's fingerprint).
pub fn baca_lke(path: Option<&Path>) -> Result<(Lke, String), GalatPerintah> {
    let teks = match path {
        None => kinerja_evaluasi::berkas::BAWAAN_88_2021.to_string(),
        Some(p) => std::fs::read_to_string(p).map_err(|e| {
            GalatPerintah::masukan(format!("tidak dapat membaca {}: {e}", p.display()))
        })?,
    };
    let nama = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "lke-88-2021.toml (bawaan)".into());
    let lke = kinerja_evaluasi::baca(&teks).map_err(|g| {
        GalatPerintah::ditolak(format!(
            "lembar kerja {nama} ditolak:\n  {}",
            g.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n  ")
        ))
    })?;
    Ok((lke, teks))
}

/// Adds the answers of `--jawaban` files to the data; the whole must still validate.
pub fn tambah_jawaban(d: &mut DataInstansi, berkas: &[PathBuf]) -> Result<(), GalatPerintah> {
    for b in berkas {
        let j = kinerja_berkas::baca(b).map_err(GalatPerintah::masukan)?;
        d.jawaban_evaluasi.extend(j.jawaban_evaluasi);
    }
    let p = kinerja_core::validasi::periksa(d);
    if !p.is_empty() {
        return Err(GalatPerintah::ditolak(format!(
            "jawaban evaluasi ditolak:\n  {}",
            p.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n  ")
        )));
    }
    Ok(())
}

/// Scores the year: answers read against the worksheet (refused, with their rows, when off
/// scale), proposals from the data with the reviu's open errors.
pub fn hitung(d: &DataInstansi, tahun: Tahun, lke: &Lke) -> Result<HasilEvaluasi, GalatPerintah> {
    let lembar = kinerja_evaluasi::jawaban::baca(lke, d, tahun).map_err(|g| {
        GalatPerintah::ditolak(format!(
            "jawaban evaluasi tahun {} ditolak:\n  {}",
            tahun.get(),
            g.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n  ")
        ))
    })?;
    Ok(kinerja_evaluasi::nilai(&lembar, &usulan(d, tahun, lke)))
}

/// The proposals from the data, with the year's reviu run for its open errors.
pub fn usulan(d: &DataInstansi, tahun: Tahun, lke: &Lke) -> Vec<kinerja_evaluasi::Usulan> {
    let temuan = kinerja_reviu::periksa(d, tahun, &[]);
    let galat = temuan
        .iter()
        .filter(|t| t.tingkat == kinerja_reviu::Tingkat::Galat && t.terbuka())
        .count();
    kinerja_evaluasi::usulkan(
        lke,
        d,
        tahun,
        &KonteksUsulan {
            galat_reviu_terbuka: Some(galat),
        },
    )
}

/// Evidence given on the command line: `tabel/id` of a record, or a file hashed here.
pub fn bukti(
    dokumen: &[String],
    berkas: &[PathBuf],
) -> Result<Vec<kinerja_core::model::Bukti>, GalatPerintah> {
    use sha2::{Digest, Sha256};
    let mut v: Vec<_> = dokumen
        .iter()
        .map(|d| kinerja_core::model::Bukti::Dokumen(d.clone()))
        .collect();
    for b in berkas {
        let mut f = std::fs::File::open(b).map_err(|e| {
            GalatPerintah::masukan(format!("tidak dapat membaca {}: {e}", b.display()))
        })?;
        let mut h = Sha256::new();
        std::io::copy(&mut f, &mut h).map_err(|e| {
            GalatPerintah::masukan(format!("tidak dapat membaca {}: {e}", b.display()))
        })?;
        let nama = b
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        v.push(kinerja_core::model::Bukti::Berkas {
            nama,
            sha256: h.finalize().iter().map(|x| format!("{x:02x}")).collect(),
        });
    }
    Ok(v)
}

/// `kinerja jawab`: one answer written through the store's one write path (validated whole,
/// one audit row), the evaluator's with the data's current proposal beside it.
pub fn jawab(
    db: Option<&str>,
    instansi: &str,
    lke: &Lke,
    isian: kinerja_evaluasi::catat::Isian,
    oleh: Option<&str>,
) -> Result<String, GalatPerintah> {
    use kinerja_simpan::GagalUbah;
    let id = crate::basis::instansi_id(instansi)?;
    let kriteria = isian.kriteria.clone();
    let p = crate::basis::pelaku(oleh, format!("jawab {kriteria}"));
    let mut disimpan = None;
    let hasil = crate::basis::jalan(async {
        let t = crate::basis::buka(db).await?;
        let r = t
            .ubah_data(&id, &p, |d| {
                let u = usulan(d, isian.tahun, lke);
                let u = u.iter().find(|x| x.kriteria == kriteria);
                disimpan = u.and_then(|x| x.jawaban.clone());
                kinerja_evaluasi::catat::catat(lke, d, isian, u)
            })
            .await;
        t.tutup().await;
        Ok::<_, GalatPerintah>(r)
    })?;
    let r = hasil.map_err(|e| match e {
        GagalUbah::Ditolak(m) => GalatPerintah::ditolak(format!("{m}\ntidak ada yang berubah")),
        GagalUbah::Toko(e) => {
            GalatPerintah::ditolak(format!("dibatalkan, tidak ada yang berubah: {e}"))
        }
    })?;
    Ok(format!(
        "{instansi} kriteria {kriteria}: {} ditambah, {} diubah (tercatat di jejak audit){}\n",
        r.ditambah,
        r.diubah,
        disimpan
            .map(|u| format!("; usulan dari data: {u}"))
            .unwrap_or_default()
    ))
}

fn a2(n: rust_decimal::Decimal) -> String {
    format_angka(n, 2)
}

fn predikat(p: Predikat) -> String {
    format!("{} ({})", p.kode(), p.arti())
}

pub fn teks(h: &HasilEvaluasi) -> String {
    use crate::tampil::{kanan, kiri, tabel};
    let mut s = format!(
        "Evaluasi AKIP tahun {} — {}\nNilai evaluator {}: {}; penilaian mandiri OPD {}: {}\n\n",
        h.tahun.get(),
        h.lke,
        a2(h.total.evaluator),
        predikat(h.predikat()),
        a2(h.total.opd),
        predikat(h.predikat_opd()),
    );
    let mut baris = Vec::new();
    for k in &h.komponen {
        baris.push(vec![
            k.id.clone(),
            k.nama.clone(),
            String::new(),
            a2(k.bobot),
            a2(k.nilai.opd),
            a2(k.nilai.evaluator),
        ]);
        for sub in &k.sub {
            baris.push(vec![
                sub.id.clone(),
                sub.nama.clone(),
                sub.jenis.label().into(),
                a2(sub.bobot),
                a2(sub.nilai.opd),
                a2(sub.nilai.evaluator),
            ]);
        }
    }
    baris.push(vec![
        String::new(),
        "Total".into(),
        String::new(),
        a2(rust_decimal::Decimal::ONE_HUNDRED),
        a2(h.total.opd),
        a2(h.total.evaluator),
    ]);
    s.push_str(&tabel(
        &[
            kiri("No"),
            kiri("Komponen / sub komponen"),
            kiri("Jenis"),
            kanan("Bobot"),
            kanan("Nilai OPD"),
            kanan("Nilai evaluator"),
        ],
        &baris,
    ));
    s.push('\n');
    if !h.temuan.is_empty() {
        s.push_str("\nTemuan:\n");
        // Unanswered criteria on one line: a fresh evaluation has all of them.
        let belum: Vec<&str> = h
            .temuan
            .iter()
            .filter(|t| matches!(t, kinerja_evaluasi::Temuan::BelumDijawab { .. }))
            .map(|t| t.kriteria())
            .collect();
        if !belum.is_empty() {
            s.push_str(&format!(
                "- {} kriteria belum dijawab evaluator (dihitung 0): {}\n",
                belum.len(),
                belum.join(", ")
            ));
        }
        for t in h
            .temuan
            .iter()
            .filter(|t| !matches!(t, kinerja_evaluasi::Temuan::BelumDijawab { .. }))
        {
            s.push_str(&format!("- {}\n", t.pesan()));
        }
    }
    let usulan: Vec<_> = h
        .kriteria()
        .filter(|(_, _, c)| c.usulan.is_some())
        .collect();
    if !usulan.is_empty() {
        s.push_str("\nUsulan dari data:\n");
        for (_, _, c) in usulan {
            let Some(u) = &c.usulan else { continue };
            s.push_str(&format!(
                "- {} ({}): usulan {} ({} dari {} butir); evaluator {}\n",
                c.id,
                u.cek.nama(),
                u.jawaban.as_deref().unwrap_or("-"),
                u.ya,
                u.dari,
                c.evaluator
                    .as_ref()
                    .map(|e| e.kode.as_str())
                    .unwrap_or("belum dijawab"),
            ));
            for a in &u.alasan {
                s.push_str(&format!("    {a}\n"));
            }
        }
    }
    s
}

fn skor(s: &kinerja_evaluasi::Skor) -> Value {
    json!({
        "opd": kinerja_json::angka(s.opd),
        "evaluator": kinerja_json::angka(s.evaluator),
    })
}

pub fn json(h: &HasilEvaluasi) -> String {
    let jawaban = |j: &Option<kinerja_evaluasi::skor::NilaiJawaban>| match j {
        None => Value::Null,
        Some(j) => json!({
            "jawaban": j.kode,
            "nilai": kinerja_json::angka(j.nilai),
            "poin": kinerja_json::angka(j.poin),
            "catatan": j.catatan,
            "usulan_tersimpan": j.usulan_tersimpan,
        }),
    };
    let komponen: Vec<Value> = h
        .komponen
        .iter()
        .map(|k| {
            json!({
                "id": k.id,
                "nama": k.nama,
                "bobot": kinerja_json::angka(k.bobot),
                "nilai": skor(&k.nilai),
                "sub_komponen": k.sub.iter().map(|s| json!({
                    "id": s.id,
                    "nama": s.nama,
                    "jenis": s.jenis.label().to_lowercase(),
                    "bobot": kinerja_json::angka(s.bobot),
                    "nilai": skor(&s.nilai),
                    "persen": skor(&s.persen),
                    "kriteria": s.kriteria.iter().map(|c| json!({
                        "id": c.id,
                        "uraian": c.uraian,
                        "bobot": kinerja_json::angka(c.poin),
                        "opd": jawaban(&c.opd),
                        "evaluator": jawaban(&c.evaluator),
                        "rekomendasi": c.rekomendasi,
                        "usulan": c.usulan.as_ref().map(|u| json!({
                            "pemeriksaan": u.cek.nama(),
                            "jawaban": u.jawaban,
                            "terpenuhi": u.ya,
                            "dari": u.dari,
                            "alasan": u.alasan,
                        })),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let v = json!({
        "tahun": h.tahun.get(),
        "lke": h.lke,
        "komponen": komponen,
        "total": skor(&h.total),
        "predikat": {
            "opd": h.predikat_opd().kode(),
            "evaluator": h.predikat().kode(),
        },
        "temuan": h.temuan.iter().map(|t| json!({
            "kriteria": t.kriteria(),
            "pesan": t.pesan(),
        })).collect::<Vec<_>>(),
    });
    kinerja_json::teks(&v).unwrap_or_default()
}

/// The LHE as a document: the reporting instansi's names, signed by nobody yet (the
/// inspektorat signs its own copy).
pub fn dokumen(d: &DataInstansi, h: &HasilEvaluasi, lke_teks: &str) -> kinerja_laporan::Dokumen {
    let pelapor = kinerja_simpan::rekaman::pelapor(d).ok();
    let ins = pelapor
        .as_ref()
        .and_then(|id| d.instansi.iter().find(|i| &i.id == id));
    let induk = ins
        .and_then(|i| i.induk.as_ref())
        .and_then(|id| d.instansi.iter().find(|i| &i.id == id))
        .map(|i| i.nama.clone());
    let data = toml::to_string(d).unwrap_or_default();
    kinerja_laporan::susun_evaluasi(&kinerja_laporan::LaporanEvaluasi {
        hasil: h,
        instansi: ins.map(|i| i.nama.clone()).unwrap_or_default(),
        induk,
        tempat_tanggal: None,
        penandatangan: None,
        sidik: kinerja_laporan::sidik_bait(&[data.as_bytes(), lke_teks.as_bytes()]),
        versi: env!("CARGO_PKG_VERSION").into(),
    })
}

pub fn tulis_berkas(
    dok: &kinerja_laporan::Dokumen,
    format: FormatEvaluasi,
    keluaran: Option<&Path>,
) -> Result<String, GalatPerintah> {
    let Some(k) = keluaran else {
        return Err(GalatPerintah::masukan(
            "format pdf, docx, xlsx dan html perlu -o BERKAS",
        ));
    };
    let isi = match format {
        FormatEvaluasi::Pdf => kinerja_laporan_pdf::pdf(dok).map_err(GalatPerintah::ditolak)?,
        FormatEvaluasi::Docx => kinerja_laporan_docx::docx(dok).map_err(GalatPerintah::ditolak)?,
        FormatEvaluasi::Xlsx => kinerja_laporan_xlsx::xlsx(dok).map_err(GalatPerintah::ditolak)?,
        FormatEvaluasi::Html => kinerja_laporan::html::html(dok).into_bytes(),
        FormatEvaluasi::Teks | FormatEvaluasi::Json => unreachable!("text formats print"),
    };
    std::fs::write(k, &isi)
        .map_err(|e| GalatPerintah::masukan(format!("tidak dapat menulis {}: {e}", k.display())))?;
    Ok(format!(
        "Laporan Hasil Evaluasi ditulis ke {} ({} bait, sidik {}).\n",
        k.display(),
        isi.len(),
        dok.sidik
    ))
}

/// `--rekap`: every data set in the database with answers for `tahun`, scored and ranked; a
/// data set whose answers are refused stops the recap with its instansi named.
pub fn rekap(
    db: Option<&str>,
    tahun: Tahun,
    lke: &Lke,
    lke_teks: &str,
) -> Result<(kinerja_evaluasi::Rekap, kinerja_laporan::Dokumen), GalatPerintah> {
    let (semua, data) = crate::basis::jalan(async {
        let t = crate::basis::buka(db).await?;
        let semua = t.daftar_instansi().await.map_err(GalatPerintah::masukan)?;
        let mut data = Vec::new();
        for p in t.daftar_pelapor().await.map_err(GalatPerintah::masukan)? {
            let d = t.muat(&p).await.map_err(GalatPerintah::masukan)?;
            data.push((p, d));
        }
        t.tutup().await;
        Ok::<_, GalatPerintah>((semua, data))
    })?;
    let nama = |id: &kinerja_core::id::InstansiId| {
        semua
            .iter()
            .find(|i| &i.id == id)
            .map(|i| i.nama.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let mut hasil = Vec::new();
    let mut sidik: Vec<Vec<u8>> = vec![lke_teks.as_bytes().to_vec()];
    let mut induk = Vec::new();
    for (p, d) in &data {
        if !d.jawaban_evaluasi.iter().any(|j| j.tahun == tahun) {
            continue;
        }
        let h = hitung(d, tahun, lke)
            .map_err(|e| GalatPerintah::ditolak(format!("{} ({p}): {e}", nama(p))))?;
        hasil.push((nama(p), h));
        sidik.push(toml::to_string(d).unwrap_or_default().into_bytes());
        induk.push(
            semua
                .iter()
                .find(|i| &i.id == p)
                .and_then(|i| i.induk.clone()),
        );
    }
    if hasil.is_empty() {
        return Err(GalatPerintah::ditolak(format!(
            "tidak ada instansi dengan jawaban evaluasi tahun {}",
            tahun.get()
        )));
    }
    // The region: the one parent every evaluated instansi shares, else "semua instansi".
    induk.dedup();
    let wilayah = match induk.as_slice() {
        [Some(i)] => nama(i),
        _ => "Semua instansi".into(),
    };
    let r = kinerja_evaluasi::rekap(&hasil);
    let bagian: Vec<&[u8]> = sidik.iter().map(|b| b.as_slice()).collect();
    let dok = kinerja_laporan::susun_rekap_evaluasi(
        &r,
        &wilayah,
        tahun.get(),
        kinerja_laporan::sidik_bait(&bagian),
        env!("CARGO_PKG_VERSION").into(),
    );
    Ok((r, dok))
}

pub fn teks_rekap(r: &kinerja_evaluasi::Rekap) -> String {
    use crate::tampil::{Kolom, kanan, kiri, tabel};
    let judul: Vec<String> = r.komponen.clone();
    let mut kolom: Vec<Kolom> = vec![kanan("Peringkat"), kiri("Instansi")];
    // `tampil::Kolom` takes static titles: the components are numbered instead, named below.
    let nomor: Vec<&'static str> = ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"]
        .into_iter()
        .take(judul.len())
        .collect();
    kolom.extend(nomor.iter().map(|n| kanan(n)));
    kolom.push(kanan("Nilai"));
    kolom.push(kiri("Predikat"));
    let baris: Vec<Vec<String>> = r
        .baris
        .iter()
        .map(|b| {
            let mut v = vec![b.peringkat.to_string(), b.instansi.clone()];
            v.extend(b.komponen.iter().take(nomor.len()).map(|n| a2(*n)));
            v.push(a2(b.total));
            v.push(predikat(b.predikat));
            v
        })
        .collect();
    let mut s = tabel(&kolom, &baris);
    s.push('\n');
    for (n, j) in nomor.iter().zip(&judul) {
        s.push_str(&format!("{n}: {j}\n"));
    }
    s
}

pub fn json_rekap(r: &kinerja_evaluasi::Rekap) -> String {
    let v = json!({
        "komponen": r.komponen,
        "instansi": r.baris.iter().map(|b| json!({
            "peringkat": b.peringkat,
            "instansi": b.instansi,
            "komponen": b.komponen.iter().map(|n| kinerja_json::angka(*n)).collect::<Vec<_>>(),
            "total": kinerja_json::angka(b.total),
            "predikat": b.predikat.kode(),
        })).collect::<Vec<_>>(),
    });
    kinerja_json::teks(&v).unwrap_or_default()
}
