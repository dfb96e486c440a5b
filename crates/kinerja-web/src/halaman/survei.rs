//! The survey kinerja hosts: the public form at `/survei/{instansi}[/{layanan}]`, what a sent
//! form becomes (stored through `Toko::simpan_responden`, or refused with the reason on a
//! page), the printable poster with its QR code, and the operator's page of the respondents,
//! whose answers become an indicator's realisasi through the same preview and confirmation as
//! an uploaded survey (`skm::lampirkan`).
//!
//! The form pages carry a fresh one-use token and the poster names the host the client used:
//! neither may be served from the answer cache (`tembolok::TanpaSimpan`).

use super::bersama::{Hasil, JalurTahun, isian_form, kiriman, konteks_dasar, medan, siapkan};
use crate::Negara;
use crate::akun::{Sesi, Tindakan};
use crate::galat::GalatHttp;
use crate::survei::{TokenDitolak, layanan_sah, periksa_token, tahun_survei, token_baru};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, HOST, RETRY_AFTER};
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use kinerja_core::id::{IndikatorId, InstansiId};
use kinerja_core::skm::isian::IsianSurvei;
use kinerja_simpan::{HasilKirim, Pelaku, RespondenBaru};
use kinerja_tampilan as t;
use serde::Deserialize;
use time::OffsetDateTime;

/// A page that must not be kept by the answer cache.
fn segar(status: StatusCode, html: String) -> Response {
    let mut r = (status, [(CACHE_CONTROL, "no-store")], Html(html)).into_response();
    r.extensions_mut().insert(crate::tembolok::TanpaSimpan);
    r
}

/// The instansi an address names (404 when none) and its name.
async fn instansi_survei(n: &Negara, id: &str) -> Result<(InstansiId, String), GalatHttp> {
    let id = crate::jalur::instansi(id)?;
    let nama = n
        .toko
        .daftar_instansi()
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .map(|i| i.nama)
        .ok_or_else(|| {
            GalatHttp::baru(
                StatusCode::NOT_FOUND,
                "tidak_ada",
                format!("instansi \"{id}\" tidak ada"),
            )
        })?;
    Ok((id, nama))
}

fn layanan_jalur(layanan: Option<String>) -> Result<Option<String>, GalatHttp> {
    match layanan {
        Some(l) if !layanan_sah(&l) => Err(GalatHttp::tidak_ada()),
        x => Ok(x),
    }
}

fn alamat_survei(id: &InstansiId, layanan: Option<&str>) -> String {
    match layanan {
        Some(l) => format!("/survei/{id}/{l}"),
        None => format!("/survei/{id}"),
    }
}

/// The form, fresh token included; `isian` and `masalah` after a refusal.
async fn tampil_form(
    n: &Negara,
    sesi: &Sesi,
    id: &str,
    layanan: Option<String>,
    isian: Vec<(String, String)>,
    masalah: Vec<String>,
    status: StatusCode,
) -> Hasil {
    let (id, nama) = instansi_survei(n, id).await?;
    let layanan = layanan_jalur(layanan)?;
    let kunci = n.toko.kunci_survei().await?;
    let token = token_baru(
        &kunci,
        id.as_str(),
        layanan.as_deref().unwrap_or(""),
        OffsetDateTime::now_utc(),
        &n.survei,
    );
    let data = n.toko.muat_bersama(&id).await?;
    let soal = kinerja_core::skm::isian::soal_isian(&data.kuesioner_skm, &id, layanan.as_deref());
    let f = t::FormSurvei {
        soal,
        instansi: nama,
        aksi: alamat_survei(&id, layanan.as_deref()),
        layanan,
        token,
        isian,
        masalah,
    };
    Ok(segar(status, t::survei(&konteks_dasar(sesi), &f)))
}

pub(super) async fn form(State(n): State<Negara>, sesi: Sesi, Path(id): Path<String>) -> Hasil {
    tampil_form(&n, &sesi, &id, None, Vec::new(), Vec::new(), StatusCode::OK).await
}

pub(super) async fn form_layanan(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, layanan)): Path<(String, String)>,
) -> Hasil {
    tampil_form(
        &n,
        &sesi,
        &id,
        Some(layanan),
        Vec::new(),
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

pub(super) async fn kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path(id): Path<String>,
    headers: HeaderMap,
    ext: Extensions,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    terima(&n, &sesi, &id, None, &headers, &ext, form).await
}

pub(super) async fn kirim_layanan(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, layanan)): Path<(String, String)>,
    headers: HeaderMap,
    ext: Extensions,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    terima(&n, &sesi, &id, Some(layanan), &headers, &ext, form).await
}

/// A sent form: the token checked, the answers read, then stored or refused with the reason.
async fn terima(
    n: &Negara,
    sesi: &Sesi,
    id: &str,
    layanan: Option<String>,
    headers: &HeaderMap,
    ext: &Extensions,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let isian = isian_form(form)?;
    let (instansi, nama) = instansi_survei(n, id).await?;
    let layanan = layanan_jalur(layanan)?;
    let kembali = alamat_survei(&instansi, layanan.as_deref());
    let k = konteks_dasar(sesi);
    let akhir = |status: StatusCode, a: t::AkhirSurvei| {
        segar(status, t::survei_akhir(&k, &nama, a, &kembali))
    };
    let kunci = n.toko.kunci_survei().await?;
    let token = medan(&isian, "token").to_string();
    let kini = OffsetDateTime::now_utc();
    match periksa_token(
        &kunci,
        instansi.as_str(),
        layanan.as_deref().unwrap_or(""),
        &token,
        kini,
    ) {
        Ok(()) => {}
        Err(TokenDitolak::TidakSah) => {
            return Ok(akhir(StatusCode::BAD_REQUEST, t::AkhirSurvei::TidakSah));
        }
        Err(TokenDitolak::Kedaluwarsa) => {
            let pesan = "Formulir ini sudah kedaluwarsa (berlaku dua jam sejak halaman dibuka). Jawaban Anda masih terisi di bawah; periksa lalu kirim sekali lagi.".to_string();
            return tampil_form(
                n,
                sesi,
                id,
                layanan,
                isian,
                vec![pesan],
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    }
    let jawaban = match IsianSurvei::baca(&isian, layanan.as_deref()) {
        Ok(j) => j,
        Err(masalah) => {
            return tampil_form(
                n,
                sesi,
                id,
                layanan,
                isian,
                masalah,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let Some(tahun) = tahun_survei(kini) else {
        return Err(GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            "periode survei tidak dapat ditentukan",
            kini,
        ));
    };
    let baru = RespondenBaru {
        instansi,
        tahun,
        layanan: layanan.unwrap_or_default(),
        token: crate::akun::digest(&token),
        alamat: crate::akun::digest(&crate::survei::alamat_jaringan(crate::akun::alamat_klien(
            headers, ext,
        ))),
        isian: jawaban,
    };
    let pelaku = Pelaku {
        pengguna: "responden".into(),
        sumber: "survei web".into(),
        hak: kinerja_simpan::Hak::Instansi(Vec::new()),
    };
    Ok(
        match n
            .toko
            .simpan_responden(&baru, &n.survei.batas, &pelaku)
            .await?
        {
            HasilKirim::Disimpan(_) => akhir(StatusCode::OK, t::AkhirSurvei::Diterima),
            HasilKirim::TokenTerpakai => akhir(StatusCode::CONFLICT, t::AkhirSurvei::TokenTerpakai),
            HasilKirim::Duplikat => akhir(StatusCode::CONFLICT, t::AkhirSurvei::Duplikat),
            HasilKirim::TerlaluSering => {
                let detik = n.survei.batas.jendela_detik.max(0);
                let mut r = akhir(
                    StatusCode::TOO_MANY_REQUESTS,
                    t::AkhirSurvei::TerlaluSering {
                        menit: (detik + 59) / 60,
                    },
                );
                if let Ok(v) = detik.to_string().parse() {
                    r.headers_mut().insert(RETRY_AFTER, v);
                }
                r
            }
        },
    )
}

async fn poster_untuk(
    n: &Negara,
    sesi: &Sesi,
    headers: &HeaderMap,
    id: &str,
    layanan: Option<String>,
) -> Hasil {
    let (id, nama) = instansi_survei(n, id).await?;
    let layanan = layanan_jalur(layanan)?;
    let jalur = alamat_survei(&id, layanan.as_deref());
    let alamat = crate::survei::alamat_penuh(headers.get(HOST), headers, &jalur, n.https);
    let qr = kinerja_grafik::qr::svg(&alamat, 288, "Kode QR alamat survei").unwrap_or_default();
    Ok(segar(
        StatusCode::OK,
        t::survei_poster(
            &konteks_dasar(sesi),
            &nama,
            layanan.as_deref(),
            &alamat,
            &qr,
        ),
    ))
}

pub(super) async fn poster(
    State(n): State<Negara>,
    sesi: Sesi,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Hasil {
    poster_untuk(&n, &sesi, &headers, &id, None).await
}

pub(super) async fn poster_layanan(
    State(n): State<Negara>,
    sesi: Sesi,
    headers: HeaderMap,
    Path((id, layanan)): Path<(String, String)>,
) -> Hasil {
    poster_untuk(&n, &sesi, &headers, &id, Some(layanan)).await
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct KueriWeb {
    #[serde(default)]
    populasi: String,
}

/// The operator's page: respondents per address, the sample for the population served.
pub(super) async fn web(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriWeb>, QueryRejection>,
) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::LihatJejak).await?;
    let q = q.map(|q| q.0).unwrap_or_default();
    let responden = n.toko.responden_skm(&l.id, l.tahun, None).await?;
    let ubah = crate::akun::boleh(sesi.0.as_ref(), Tindakan::Ubah, &l.id, l.terbit);
    let s = crate::survei::ringkas_web(&l.data, &l.id, l.tahun, &responden, &q.populasi, ubah);
    Ok(super::bersama::html(t::survei_web(&l.k, l.tahun, &s)))
}

/// The hosted survey read like an uploaded file: computed, previewed on the survey page, and
/// attached on confirmation (`skm::lampirkan`).
pub(super) async fn web_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let pilihan = t::PilihanSkm {
        indikator: medan(&isian, "indikator").to_string(),
        ..Default::default()
    };
    let gagal = |masalah: Vec<String>| {
        let body = super::skm::halaman(
            &sesi,
            &l,
            &pilihan,
            &t::KeadaanSkm::Galat {
                berkas: format!("Survei di web {}", l.tahun),
                masalah,
            },
        );
        Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
    };
    let Some(indikator) = IndikatorId::new(pilihan.indikator.as_str())
        .ok()
        .filter(|i| l.data.indikator.iter().any(|x| &x.id == i))
    else {
        return gagal(vec!["pilih indikator yang realisasinya survei ini".into()]);
    };
    let layanan = match medan(&isian, "layanan") {
        "*" => None,
        x => Some(x.to_string()),
    };
    let responden = n
        .toko
        .responden_skm(&l.id, l.tahun, layanan.as_deref())
        .await?;
    let b = match crate::survei::bacaan_web(&responden, l.tahun, layanan.as_deref()) {
        Ok(b) => b,
        Err(m) => return gagal(vec![m]),
    };
    let survei = match crate::skm::survei(&l.data, &b, &l.id, l.tahun, indikator.clone()) {
        Ok(s) => s,
        Err(m) => return gagal(vec![m]),
    };
    let pengguna = sesi.0.as_ref().map(|p| p.nama.clone()).unwrap_or_default();
    let token = n.skm.simpan(l.id.clone(), pengguna, survei);
    Ok(super::bersama::html(super::skm::halaman(
        &sesi,
        &l,
        &pilihan,
        &t::KeadaanSkm::Pratinjau {
            berkas: b.berkas,
            token,
            indikator: indikator.to_string(),
            hasil: Box::new(b.hasil),
            dilewati: b.dilewati,
        },
    )))
}
