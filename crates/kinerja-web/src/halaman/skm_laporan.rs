//! One survey's report page: the figures, the downloads (PDF, DOCX, composed from the data by
//! `kinerja_laporan::laporan_skm_dari_data`), and the Rencana Tindak Lanjut saved through the
//! one write path (`crate::tindak_lanjut` turns the form into the data set to save).

use super::bersama::{
    Hasil, KueriPesan, Laman, html, kiriman, pelaku_web, pesan_sukses, setelah_ubah, siapkan,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::galat::GalatHttp;
use crate::laporan::Bentuk;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{Html, IntoResponse};
use kinerja_core::id::SurveiId;
use kinerja_core::model::SurveiSkm;
use kinerja_core::skm::Regime;
use kinerja_laporan::{GalatLaporanSkm, LaporanSkm};
use kinerja_tampilan as t;

/// `/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}`
type JalurSurvei = Path<(String, String, String)>;

/// The survey of the page's year that the address names; any other is not found.
fn survei_di<'a>(l: &'a Laman, survei: &str) -> Result<&'a SurveiSkm, GalatHttp> {
    let id = SurveiId::new(survei).map_err(|_| GalatHttp::tidak_ada())?;
    l.data
        .skm
        .iter()
        .find(|s| s.id == id && s.tahun == l.tahun)
        .ok_or_else(GalatHttp::tidak_ada)
}

/// The number of unsur a plan may name: the survey's own list, else its regime's.
fn jumlah_unsur(s: &SurveiSkm) -> u32 {
    let n = if s.unsur.is_empty() {
        Regime::dari_kode(&s.regime).map_or(0, |r| r.jumlah_unsur())
    } else {
        s.unsur.len()
    };
    u32::try_from(n).unwrap_or(0)
}

async fn susun(n: &Negara, l: &Laman, s: &SurveiSkm) -> Result<LaporanSkm, GalatHttp> {
    let mut lap = match kinerja_laporan::laporan_skm_dari_data(
        &l.data,
        &s.id,
        kinerja_laporan::sidik(&l.data),
        env!("CARGO_PKG_VERSION").into(),
    ) {
        Ok(x) => x,
        Err(e) => return tolak(e),
    };
    // The counts keep no respondent's profile. When the survey is the hosted one (its counts
    // are exactly the tally of the year's web respondents, all or of one layanan), the report
    // shows the profile breakdowns computed from them.
    let responden = n.toko.responden_skm(&l.id, l.tahun, None).await?;
    let mut layanan: Vec<Option<&str>> = vec![None];
    layanan.extend(responden.iter().map(|r| Some(r.layanan.as_str())));
    layanan.dedup();
    for x in layanan {
        let pilih: Vec<_> = responden
            .iter()
            .filter(|r| x.is_none_or(|x| r.layanan == x))
            .cloned()
            .collect();
        if let Ok(b) = crate::survei::bacaan_web(&pilih, l.tahun, x)
            && sama(&b.hasil, &lap.hasil)
        {
            let sampel = lap.hasil.sampel.take();
            lap.hasil = b.hasil;
            lap.hasil.sampel = sampel;
            break;
        }
    }
    Ok(lap)
}

/// The same answers: every unsur's counts equal.
fn sama(a: &kinerja_core::skm::HasilSkm, b: &kinerja_core::skm::HasilSkm) -> bool {
    a.unsur.len() == b.unsur.len()
        && a.unsur
            .iter()
            .zip(&b.unsur)
            .all(|(x, y)| x.jumlah.is_some() && x.jumlah == y.jumlah)
}

/// A survey whose report cannot be composed: 409 with the reason.
fn tolak(e: GalatLaporanSkm) -> Result<LaporanSkm, GalatHttp> {
    Err(GalatHttp::baru(
        StatusCode::CONFLICT,
        "laporan_skm_tidak_dapat_disusun",
        e.to_string(),
    ))
}

fn halaman(
    sesi: &Sesi,
    l: &Laman,
    s: &SurveiSkm,
    lap: &Result<LaporanSkm, GalatHttp>,
    kesalahan: &[t::KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let (rencana, rencana_lalu) = crate::tindak_lanjut::rencana(&l.data, s);
    let tampil = t::LaporanSkmTampil {
        survei: s,
        hasil: lap.as_ref().map(|x| &x.hasil).map_err(|e| e.pesan.clone()),
        rencana,
        rencana_lalu,
    };
    let ubah = boleh(sesi.0.as_ref(), Tindakan::Ubah, &l.id, l.terbit);
    t::laporan_skm(&l.k, &l.data, &tampil, ubah, kesalahan, isian)
}

pub(super) async fn laporan(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th, survei)): JalurSurvei,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let s = survei_di(&l, &survei)?;
    let lap = susun(&n, &l, s).await;
    Ok(html(halaman(&sesi, &l, s, &lap, &[], &[])))
}

pub(super) async fn laporan_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th, survei)): JalurSurvei,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let s = survei_di(&l, &survei)?.clone();
    let jumlah = jumlah_unsur(&s);
    let hasil = n
        .toko
        .ubah_data(&l.id, &pelaku_web(&sesi), |d| {
            crate::tindak_lanjut::terapkan(d, &s.id, jumlah, &isian)
        })
        .await;
    let (kesalahan, kode) = match setelah_ubah(hasil, &mut l, &format!("skm/laporan/{}", s.id))? {
        Ok(ke) => return Ok(ke),
        Err(x) => x,
    };
    let lap = susun(&n, &l, &s).await;
    let body = halaman(&sesi, &l, &s, &lap, &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}

async fn unduh(
    n: Negara,
    sesi: Sesi,
    (id, th, survei): (String, String, String),
    bentuk: Bentuk,
) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    let s = survei_di(&l, &survei)?;
    let lap = susun(&n, &l, s).await?;
    let nama = format!("laporan-skm-{}-{}.{}", l.id, s.id, bentuk.akhiran());
    let isi = crate::laporan::berkas_skm(lap, bentuk).await?;
    Ok((
        [
            (CONTENT_TYPE, bentuk.jenis().to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{nama}\""),
            ),
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        isi,
    )
        .into_response())
}

pub(super) async fn pdf(State(n): State<Negara>, s: Sesi, p: JalurSurvei) -> Hasil {
    unduh(n, s, p.0, Bentuk::Pdf).await
}

pub(super) async fn docx(State(n): State<Negara>, s: Sesi, p: JalurSurvei) -> Hasil {
    unduh(n, s, p.0, Bentuk::Docx).await
}
