//! `kinerja evaluasi`: the Evaluasi AKIP of a year (PermenPANRB 88/2021). The worksheet is the
//! bundled one or `--lke FILE`; answers are the data's `[[jawaban_evaluasi]]`, plus any
//! `--jawaban FILE`; the reviu is run here so the proposals know whether the year's report has
//! open errors. Output: a table, JSON (scores per component and sub-component, total, grade), or
//! the Laporan Hasil Evaluasi as PDF, DOCX, XLSX or HTML (its annex is the evaluators' recap sheet).

mod keluaran;

use crate::galat::GalatPerintah;
use crate::{ArgBasis, ArgData};
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_evaluasi::{HasilEvaluasi, Lke};
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

#[derive(clap::Args)]
pub struct ArgEvaluasi {
    #[command(flatten)]
    data: ArgData,
    /// Tahun yang dievaluasi (bawaan: tahun terakhir data)
    #[arg(long)]
    tahun: Option<u16>,
    #[arg(long, value_enum, default_value = "teks")]
    format: FormatEvaluasi,
    /// Lembar kerja evaluasi sendiri (TOML, bentuk seperti lke-88-2021.toml); tanpa ini: LKE
    /// PermenPANRB 88/2021 bawaan
    #[arg(long)]
    lke: Option<PathBuf>,
    /// Berkas data berisi [[jawaban_evaluasi]] yang ditambahkan ke data (boleh berulang)
    #[arg(long)]
    jawaban: Vec<PathBuf>,
    /// Berkas keluaran untuk pdf, docx, xlsx dan html
    #[arg(short = 'o', long = "keluaran")]
    keluaran: Option<PathBuf>,
    /// Rekapitulasi semua instansi di basis data (--db) yang berjawaban tahun itu: nilai per
    /// komponen, nilai akhir, predikat dan peringkat
    #[arg(long)]
    rekap: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PihakJawab {
    Opd,
    Evaluator,
}

#[derive(clap::Args)]
pub struct ArgJawab {
    #[command(flatten)]
    basis: ArgBasis,
    #[arg(long)]
    instansi: String,
    #[arg(long)]
    tahun: u16,
    /// Id kriteria lembar kerja, mis. 1.a.3
    #[arg(long)]
    kriteria: String,
    /// Kode jawaban pada skala kriteria (AA, A, BB, ... E; Y/T)
    #[arg(long)]
    jawaban: String,
    #[arg(long, value_enum, default_value = "evaluator")]
    pihak: PihakJawab,
    #[arg(long)]
    catatan: Option<String>,
    /// Bukti dukung: rekaman data sebagai tabel/id (mis. renstra/renstra-2016-2021); boleh berulang
    #[arg(long = "bukti")]
    bukti: Vec<String>,
    /// Bukti dukung berupa berkas: dicatat nama dan SHA-256-nya; boleh berulang
    #[arg(long = "bukti-berkas")]
    bukti_berkas: Vec<PathBuf>,
    #[arg(long)]
    rekomendasi: Option<String>,
    /// Lembar kerja sendiri (TOML); tanpa ini: LKE PermenPANRB 88/2021 bawaan
    #[arg(long)]
    lke: Option<PathBuf>,
    #[arg(long)]
    oleh: Option<String>,
}

/// `kinerja evaluasi`: one data set's year, or with `--rekap` every data set in the database.
pub fn jalankan(
    a: ArgEvaluasi,
    muat: &dyn Fn(&ArgData) -> Result<DataInstansi, GalatPerintah>,
) -> Result<String, GalatPerintah> {
    if a.rekap {
        if a.data.data.is_some() || a.data.instansi.is_some() || !a.jawaban.is_empty() {
            return Err(GalatPerintah::masukan(
                "--rekap membaca semua instansi dari basis data: tanpa DATA, --instansi dan --jawaban",
            ));
        }
        let Some(t) = a.tahun else {
            return Err(GalatPerintah::masukan("--rekap perlu --tahun"));
        };
        let t = Tahun::new(t as i64).map_err(GalatPerintah::masukan)?;
        let (lke, lke_teks) = baca_lke(a.lke.as_deref())?;
        let (r, dok) = rekap(a.data.basis.db.as_deref(), t, &lke, &lke_teks)?;
        return Ok(match a.format {
            FormatEvaluasi::Teks => keluaran::teks_rekap(&r),
            FormatEvaluasi::Json => keluaran::json_rekap(&r),
            f => tulis_berkas(&dok, f, a.keluaran.as_deref())?,
        });
    }
    let mut d = muat(&a.data)?;
    tambah_jawaban(&mut d, &a.jawaban)?;
    let t = crate::tahun(&d, a.tahun)?;
    let (lke, lke_teks) = baca_lke(a.lke.as_deref())?;
    let h = hitung(&d, t, &lke)?;
    Ok(match a.format {
        FormatEvaluasi::Teks => keluaran::teks(&h),
        FormatEvaluasi::Json => keluaran::json(&h),
        f => tulis_berkas(&dokumen(&d, &h, &lke_teks), f, a.keluaran.as_deref())?,
    })
}

/// `kinerja jawab`.
pub fn jalankan_jawab(a: ArgJawab) -> Result<String, GalatPerintah> {
    let (lke, _) = baca_lke(a.lke.as_deref())?;
    let isian = kinerja_evaluasi::catat::Isian {
        tahun: Tahun::new(a.tahun as i64).map_err(GalatPerintah::masukan)?,
        kriteria: a.kriteria.clone(),
        pihak: match a.pihak {
            PihakJawab::Opd => kinerja_evaluasi::skor::Pihak::Opd,
            PihakJawab::Evaluator => kinerja_evaluasi::skor::Pihak::Evaluator,
        },
        jawaban: a.jawaban.clone(),
        catatan: a.catatan.clone(),
        bukti: bukti(&a.bukti, &a.bukti_berkas)?,
        rekomendasi: a.rekomendasi.clone(),
    };
    jawab(
        a.basis.db.as_deref(),
        &a.instansi,
        &lke,
        isian,
        a.oleh.as_deref(),
    )
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

/// Scores the year (`kinerja_laporan::hitung_evaluasi`), the answers' problems as one refusal.
pub fn hitung(d: &DataInstansi, tahun: Tahun, lke: &Lke) -> Result<HasilEvaluasi, GalatPerintah> {
    kinerja_laporan::hitung_evaluasi(d, tahun, lke).map_err(|g| {
        GalatPerintah::ditolak(format!(
            "jawaban evaluasi tahun {} ditolak:\n  {}",
            tahun.get(),
            g.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n  ")
        ))
    })
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
                let u = kinerja_laporan::usulan_evaluasi(d, isian.tahun, lke);
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

/// The LHE as a document: the reporting instansi's names, signed by nobody yet (the
/// inspektorat signs its own copy).
pub fn dokumen(d: &DataInstansi, h: &HasilEvaluasi, lke_teks: &str) -> kinerja_laporan::Dokumen {
    let pelapor = kinerja_simpan::rekaman::pelapor(d).ok();
    kinerja_laporan::dokumen_evaluasi(d, pelapor.as_ref(), h, lke_teks)
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
