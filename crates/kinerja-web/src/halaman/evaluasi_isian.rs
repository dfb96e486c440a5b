//! The Evaluasi AKIP answering pages: the OPD's self-assessment (`/evaluasi`, the instansi's
//! operator or the admin answer; `Tindakan::Ubah`) and the evaluator's (`/evaluasi/evaluator`,
//! pereviu or admin; `Tindakan::Evaluasi`), both readable by the reviu's readers. One form per
//! criterion, multipart for the evidence file; a save goes through `kinerja_evaluasi::catat`
//! inside `Toko::ubah_data` (whole-data validation, one audit row per changed record). The
//! workflow buttons (`/evaluasi/{ajukan,selesai,finalkan,buka}`) go through
//! `Toko::langkah_evaluasi` with `kinerja_evaluasi::alur::langkah`; a final year is locked by
//! the store (409). Uploaded evidence is kept by `Toko::simpan_bukti` and served by
//! `/evaluasi/bukti/{sha256}` to the same readers, only when the year's answers name it.

use super::bersama::{Hasil, JalurTahun, Laman, html, ke, medan};
use super::bersama::{pelaku_web, periksa_csrf, siapkan};
use super::evaluasi_tampil as tampil;
use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::galat::GalatHttp;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{Html, IntoResponse};
use kinerja_core::model::{Bukti, DataInstansi, TahapEvaluasi, tahap_evaluasi};
use kinerja_core::waktu::Tahun;
use kinerja_evaluasi::alur;
use kinerja_evaluasi::catat::{Isian, catat, periksa_bukti};
use kinerja_evaluasi::skor::{HasilEvaluasi, Pihak};
use kinerja_evaluasi::{Lke, Usulan};
use kinerja_simpan::GagalUbah;
use kinerja_tampilan as t;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Deserialize, Default)]
pub(super) struct Kueri {
    disimpan: Option<usize>,
    langkah: Option<String>,
    /// The component shown (its id); the first without.
    komponen: Option<String>,
}

pub(super) fn jalur(l: &Laman, pihak: Pihak) -> String {
    match pihak {
        Pihak::Opd => format!("/instansi/{}/tahun/{}/evaluasi", l.id, l.tahun),
        Pihak::Evaluator => format!("/instansi/{}/tahun/{}/evaluasi/evaluator", l.id, l.tahun),
    }
}

/// The year's scores and proposals on the bundled 88/2021 worksheet (the reviu runs for the
/// proposals: on the blocking pool).
async fn hitung(
    data: Arc<DataInstansi>,
    tahun: Tahun,
) -> Result<(Arc<Lke>, HasilEvaluasi, Vec<Usulan>), GalatHttp> {
    tokio::task::spawn_blocking(move || {
        let lke = Arc::new(kinerja_evaluasi::bawaan());
        let usulan = kinerja_laporan::usulan_evaluasi(&data, tahun, &lke);
        let lembar = kinerja_evaluasi::jawaban::baca(&lke, &data, tahun)
            .map_err(|g| super::evaluasi::jawaban_ditolak(tahun, &g))?;
        let h = kinerja_evaluasi::nilai(&lembar, &usulan);
        Ok((lke.clone(), h, usulan))
    })
    .await
    .map_err(|e| {
        GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            "evaluasi gagal dihitung",
            e,
        )
    })?
}

/// The page of `pihak` for `l`, with a refused form's errors and text.
async fn halaman(
    sesi: &Sesi,
    l: &Laman,
    pihak: Pihak,
    kesalahan: &[t::KesalahanIsian],
    isian: Option<&t::IsianKriteria>,
    komponen: Option<&str>,
) -> Result<String, GalatHttp> {
    let (lke, h, _) = hitung(l.data.clone(), l.tahun).await?;
    let pilih = komponen
        .filter(|k| h.komponen.iter().any(|x| x.id == *k))
        .or(h.komponen.first().map(|k| k.id.as_str()))
        .unwrap_or_default()
        .to_string();
    let p = sesi.0.as_ref();
    let tahap = tahap_evaluasi(&l.data, l.tahun);
    let bisa = |x: Tindakan| boleh(p, x, &l.id, l.terbit);
    let peran_jawab = match pihak {
        Pihak::Opd => bisa(Tindakan::Ubah),
        Pihak::Evaluator => bisa(Tindakan::Evaluasi),
    };
    let boleh_jawab = peran_jawab && alur::boleh_jawab(tahap, pihak);
    let tertutup = (peran_jawab && !boleh_jawab).then(|| match (tahap, pihak) {
        (TahapEvaluasi::Final, _) => {
            "Evaluasi tahun ini sudah final: jawaban terkunci. Admin dapat membukanya kembali dengan alasan.".to_string()
        }
        (_, Pihak::Opd) => "Penilaian mandiri sudah diajukan: jawaban OPD tidak dapat diubah lagi kecuali evaluasi dibuka kembali.".to_string(),
        (_, Pihak::Evaluator) => "OPD belum mengajukan penilaian mandirinya: evaluator menjawab setelah diajukan.".to_string(),
    });
    let dasar = format!("/instansi/{}/tahun/{}/evaluasi", l.id, l.tahun);
    let mut langkah = Vec::new();
    let mut tombol = |ok: bool, akhir: &str, label: &str, alasan: bool| {
        if ok {
            langkah.push(t::TombolLangkah {
                aksi: format!("{dasar}/{akhir}"),
                label: label.into(),
                alasan,
            });
        }
    };
    tombol(
        pihak == Pihak::Opd && tahap == TahapEvaluasi::Draft && bisa(Tindakan::Ajukan),
        "ajukan",
        "Ajukan ke evaluator",
        false,
    );
    tombol(
        pihak == Pihak::Evaluator && tahap == TahapEvaluasi::Diajukan && bisa(Tindakan::Evaluasi),
        "selesai",
        "Tandai selesai dievaluasi",
        false,
    );
    tombol(
        pihak == Pihak::Evaluator && tahap == TahapEvaluasi::Dievaluasi && bisa(Tindakan::Evaluasi),
        "finalkan",
        "Finalkan (kunci jawaban)",
        false,
    );
    tombol(
        tahap != TahapEvaluasi::Draft && bisa(Tindakan::BukaEvaluasi),
        "buka",
        "Buka kembali satu tahap",
        true,
    );
    let [total_opd, predikat_opd, total_evaluator, predikat_evaluator] = tampil::total(&h);
    let mut tautan = vec![match pihak {
        Pihak::Opd => (
            format!("{dasar}/evaluator"),
            "Halaman evaluator".to_string(),
        ),
        Pihak::Evaluator => (dasar.clone(), "Halaman penilaian mandiri OPD".to_string()),
    }];
    if l.data.jawaban_evaluasi.iter().any(|j| j.tahun == l.tahun) {
        tautan.push((
            format!("{dasar}.html"),
            "Laporan hasil evaluasi".to_string(),
        ));
    }
    let e = t::EvaluasiTampil {
        pihak: match pihak {
            Pihak::Opd => t::PihakHalaman::Opd,
            Pihak::Evaluator => t::PihakHalaman::Evaluator,
        },
        instansi: l
            .data
            .instansi
            .iter()
            .find(|i| i.id == l.id)
            .map(|i| i.nama.clone())
            .unwrap_or_else(|| l.id.to_string()),
        tahun: l.tahun.get(),
        lke: lke.nama.clone(),
        tahap: tahap.label().to_string(),
        alasan: l
            .data
            .status_evaluasi
            .iter()
            .find(|s| s.tahun == l.tahun)
            .and_then(|s| s.alasan.clone()),
        total_opd,
        predikat_opd,
        total_evaluator,
        predikat_evaluator,
        belum_dijawab: h
            .kriteria()
            .filter(|(_, _, c)| c.evaluator.is_none())
            .count(),
        bagian: h
            .komponen
            .iter()
            .map(|k| {
                (
                    format!("{}?komponen={}", jalur(l, pihak), k.id),
                    format!("{}. {}", k.id, k.nama),
                    k.id == pilih,
                )
            })
            .collect(),
        komponen: tampil::komponen(&lke, &h, l.id.as_str())
            .into_iter()
            .filter(|k| k.id == pilih)
            .collect(),
        boleh_jawab,
        tertutup,
        langkah,
        dokumen: tampil::dokumen(&l.data),
        aksi: jalur(l, pihak),
        tautan,
    };
    Ok(t::evaluasi_isian(&l.k, &e, kesalahan, isian))
}

fn pesan(k: &mut t::Konteks, q: &Kueri) {
    if let Some(n) = q.disimpan {
        k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: if n == 0 {
                "tidak ada perubahan".into()
            } else {
                "jawaban disimpan dan tercatat di jejak audit".into()
            },
        });
    }
    // Only a known step names the banner: text from the address is never echoed.
    let teks = match q.langkah.as_deref() {
        Some("ajukan") => Some("penilaian mandiri diajukan ke evaluator"),
        Some("selesai") => Some("evaluasi ditandai selesai"),
        Some("finalkan") => Some("evaluasi final: jawaban tahun ini terkunci"),
        Some("buka") => Some("evaluasi dibuka kembali satu tahap"),
        _ => None,
    };
    if let Some(teks) = teks {
        k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: teks.into(),
        });
    }
}

async fn lihat(n: Negara, sesi: Sesi, (id, th): (String, String), q: Kueri, pihak: Pihak) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::LihatReviu).await?;
    pesan(&mut l.k, &q);
    Ok(html(
        halaman(&sesi, &l, pihak, &[], None, q.komponen.as_deref()).await?,
    ))
}

pub(super) async fn opd(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    q: Result<Query<Kueri>, QueryRejection>,
) -> Hasil {
    lihat(n, sesi, p.0, q.map(|q| q.0).unwrap_or_default(), Pihak::Opd).await
}

pub(super) async fn evaluator(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    q: Result<Query<Kueri>, QueryRejection>,
) -> Hasil {
    let q = q.map(|q| q.0).unwrap_or_default();
    lihat(n, sesi, p.0, q, Pihak::Evaluator).await
}

/// A posted answer form: its text fields and the uploaded file (name, bytes), if any.
struct Kiriman {
    isian: Vec<(String, String)>,
    berkas: Option<(String, Vec<u8>)>,
}

async fn baca_kiriman(form: Result<Multipart, MultipartRejection>) -> Result<Kiriman, GalatHttp> {
    let (isian, berkas) = super::bersama::baca_multipart(form).await?;
    Ok(Kiriman {
        isian,
        // A form sent without choosing a file carries an empty one.
        berkas: berkas.filter(|(_, isi)| !isi.is_empty()),
    })
}

/// An uploaded file's name as kept: the last path component, control characters and quotes
/// dropped, at most 200 characters.
fn nama_berkas(n: &str) -> String {
    let n = n.rsplit(['/', '\\']).next().unwrap_or_default();
    let n: String = n
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    if n.trim().is_empty() {
        "bukti".into()
    } else {
        n.trim().to_string()
    }
}

fn teks_opsi(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Saves one criterion's answer of `pihak`.
async fn jawab(
    n: Negara,
    sesi: Sesi,
    (id, th): (String, String),
    form: Result<Multipart, MultipartRejection>,
    pihak: Pihak,
) -> Hasil {
    let perlu = match pihak {
        Pihak::Opd => Tindakan::Ubah,
        Pihak::Evaluator => Tindakan::Evaluasi,
    };
    // The role first: a refused caller learns nothing about how the upload was read.
    let mut l = siapkan(&n, &sesi, &id, &th, perlu).await?;
    let kiriman = baca_kiriman(form).await?;
    periksa_csrf(&sesi, &kiriman.isian)?;
    let isian = &kiriman.isian;
    let tahap = tahap_evaluasi(&l.data, l.tahun);
    if !alur::boleh_jawab(tahap, pihak) {
        return Err(GalatHttp::baru(
            StatusCode::CONFLICT,
            if tahap == TahapEvaluasi::Final {
                "evaluasi_terkunci"
            } else {
                "alur_evaluasi"
            },
            format!(
                "jawaban {} tidak dapat disimpan saat evaluasi tahun {} berstatus \"{}\"",
                pihak.label(),
                l.tahun,
                tahap.label()
            ),
        ));
    }
    let kriteria = medan(isian, "kriteria").trim().to_string();
    let (lke, _, usulan) = hitung(l.data.clone(), l.tahun).await?;
    let usul = usulan.iter().find(|u| u.kriteria == kriteria).cloned();
    // The component of the criterion: the page goes back to it.
    let komponen = lke
        .kriteria(&kriteria)
        .map(|(k, _, _)| k.id.clone())
        .unwrap_or_default();
    let ketik = t::IsianKriteria {
        kriteria: kriteria.clone(),
        jawaban: medan(isian, "jawaban").trim().to_string(),
        catatan: medan(isian, "catatan").to_string(),
        rekomendasi: medan(isian, "rekomendasi").to_string(),
    };
    let jawaban = if medan(isian, "aksi") == "usulan" && pihak == Pihak::Evaluator {
        usul.as_ref()
            .and_then(|u| u.jawaban.clone())
            .unwrap_or_default()
    } else {
        ketik.jawaban.clone()
    };
    let mut kesalahan = Vec::new();
    let salah = |medan: &str, pesan: String| t::KesalahanIsian {
        medan: format!("{kriteria}.{medan}"),
        pesan,
    };
    if lke.kriteria(&kriteria).is_none() {
        return Err(GalatHttp::baru(
            StatusCode::UNPROCESSABLE_ENTITY,
            "isian_tidak_sah",
            format!("kriteria \"{kriteria}\" tidak ada di lembar kerja"),
        ));
    }
    if jawaban.is_empty() {
        kesalahan.push(salah("jawaban", "pilih jawaban".into()));
    }
    // Evidence kept: only what the stored answer already names (a posted digest of another
    // instansi's file would otherwise become readable through this one).
    let tersimpan: Vec<Bukti> = l
        .data
        .jawaban_evaluasi
        .iter()
        .find(|j| j.tahun == l.tahun && j.kriteria == kriteria)
        .and_then(|j| match pihak {
            Pihak::Opd => j.opd.as_ref(),
            Pihak::Evaluator => j.evaluator.as_ref(),
        })
        .map(|p| p.bukti.clone())
        .unwrap_or_default();
    let (tid, tth) = (l.id.to_string(), l.tahun.get());
    let mut bukti: Vec<Bukti> = tersimpan
        .into_iter()
        .filter(|b| {
            let v = tampil::bukti(b, &tid, tth).nilai;
            isian.iter().any(|(k, x)| k == "bukti_lama" && *x == v)
        })
        .collect();
    if let Some(d) = teks_opsi(medan(isian, "dokumen")) {
        let b = Bukti::Dokumen(d);
        match periksa_bukti(&l.data, &b) {
            Ok(()) if !bukti.contains(&b) => bukti.push(b),
            Ok(()) => {}
            Err(e) => kesalahan.push(salah("dokumen", e)),
        }
    }
    let berkas = match &kiriman.berkas {
        Some((nama, isi)) => match kinerja_simpan::bukti::periksa_bukti(isi) {
            Ok(_) => Some((nama_berkas(nama), isi)),
            Err(e) => {
                kesalahan.push(salah("berkas", e));
                None
            }
        },
        None => None,
    };
    if let Some((nama, isi)) = &berkas {
        bukti.push(Bukti::Berkas {
            nama: nama.clone(),
            sha256: kinerja_simpan::bukti::sha256(isi),
        });
    }
    let baru = Isian {
        tahun: l.tahun,
        kriteria: kriteria.clone(),
        pihak,
        jawaban,
        catatan: teks_opsi(&ketik.catatan),
        bukti,
        rekomendasi: (pihak == Pihak::Evaluator).then(|| ketik.rekomendasi.trim().to_string()),
    };
    // Checked before the file is kept, so a refused answer leaves no file behind.
    if kesalahan.is_empty()
        && let Err(e) = catat(&lke, &l.data, baru.clone(), usul.as_ref())
    {
        kesalahan.push(salah("jawaban", e));
    }
    if kesalahan.is_empty() {
        if let Some((_, isi)) = &berkas {
            n.toko.simpan_bukti(isi).await?;
        }
        let hasil = n
            .toko
            .ubah_data(&l.id, &pelaku_web(&sesi), |d| {
                catat(&lke, d, baru, usul.as_ref())
            })
            .await;
        match hasil {
            Ok(r) => {
                return Ok(ke(&format!(
                    "{}?komponen={komponen}&disimpan={}#kriteria-{kriteria}",
                    jalur(&l, pihak),
                    r.ditambah + r.diubah
                )));
            }
            Err(GagalUbah::Ditolak(e)) => kesalahan.push(salah("jawaban", e)),
            Err(GagalUbah::Toko(g)) => {
                let g = GalatHttp::from(g);
                if g.status == StatusCode::CONFLICT || g.status == StatusCode::UNPROCESSABLE_ENTITY
                {
                    kesalahan.push(salah("jawaban", format!("tidak disimpan: {}", g.pesan)));
                    let body = halaman(&sesi, &l, pihak, &kesalahan, Some(&ketik), Some(&komponen))
                        .await?;
                    return Ok((g.status, Html(body)).into_response());
                }
                return Err(g);
            }
        }
    }
    l.k.pesan.push(t::Pesan {
        jenis: t::JenisPesan::Galat,
        teks: format!("jawaban kriteria {kriteria} tidak disimpan"),
    });
    let body = halaman(&sesi, &l, pihak, &kesalahan, Some(&ketik), Some(&komponen)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
}

pub(super) async fn opd_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    form: Result<Multipart, MultipartRejection>,
) -> Hasil {
    jawab(n, sesi, p.0, form, Pihak::Opd).await
}

pub(super) async fn evaluator_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    form: Result<Multipart, MultipartRejection>,
) -> Hasil {
    jawab(n, sesi, p.0, form, Pihak::Evaluator).await
}

/// An uploaded evidence file, for the evaluation's readers, only when the year's answers of
/// this instansi name it (a digest alone opens nothing).
pub(super) async fn unduh_bukti(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th, sha)): Path<(String, String, String)>,
) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::LihatReviu).await?;
    let nama = l
        .data
        .jawaban_evaluasi
        .iter()
        .filter(|j| j.tahun == l.tahun)
        .flat_map(|j| j.opd.iter().chain(j.evaluator.iter()))
        .flat_map(|p| p.bukti.iter())
        .find_map(|b| match b {
            Bukti::Berkas { nama, sha256 } if *sha256 == sha => Some(nama.clone()),
            _ => None,
        });
    let tidak_ada = || {
        GalatHttp::baru(
            StatusCode::NOT_FOUND,
            "bukti_tidak_ada",
            "berkas bukti tidak ada pada jawaban evaluasi tahun ini",
        )
    };
    let Some(nama) = nama else {
        return Err(tidak_ada());
    };
    let Some(b) = n.toko.bukti(&sha).await? else {
        return Err(tidak_ada());
    };
    // The header's file name: printable ASCII only (the stored name may hold anything).
    let aman: String = nama
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
        [
            (CONTENT_TYPE, b.jenis.to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{aman}\""),
            ),
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        b.isi,
    )
        .into_response())
}
