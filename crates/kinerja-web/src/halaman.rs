//! The web interface: server-rendered pages (`kinerja_tampilan`), forms that work without
//! JavaScript, the role policy of `akun::boleh` on every route, CSRF on every POST.

use crate::Negara;
use crate::akun::{self, Peran, Sesi, Tindakan, boleh};
use axum::Router;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, JenisInstansi, Realisasi};
use kinerja_core::nilai::Nilai;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::akun::{Langkah, Status};
use kinerja_simpan::{Galat, Pelaku};
use kinerja_tampilan as t;
use serde::Deserialize;
use std::collections::HashMap;

/// Every page route with its method: the role test walks this list.
pub const RUTE: &[(&str, &str)] = &[
    ("get", "/"),
    ("get", "/static/kinerja.css"),
    ("get", "/masuk"),
    ("post", "/masuk"),
    ("post", "/keluar"),
    ("get", "/instansi/{id}/tahun/{tahun}"),
    ("get", "/instansi/{id}/tahun/{tahun}/rencana"),
    ("get", "/instansi/{id}/tahun/{tahun}/pk"),
    ("get", "/instansi/{id}/tahun/{tahun}/iku"),
    ("get", "/instansi/{id}/tahun/{tahun}/realisasi"),
    ("post", "/instansi/{id}/tahun/{tahun}/realisasi"),
    ("get", "/instansi/{id}/tahun/{tahun}/anggaran"),
    ("post", "/instansi/{id}/tahun/{tahun}/anggaran"),
    ("post", "/instansi/{id}/tahun/{tahun}/ajukan/{periode}"),
    ("post", "/instansi/{id}/tahun/{tahun}/setujui/{periode}"),
    ("post", "/instansi/{id}/tahun/{tahun}/buka/{periode}"),
    ("post", "/instansi/{id}/tahun/{tahun}/catatan"),
    ("get", "/instansi/{id}/jejak"),
    ("get", "/kabupaten/{id}/tahun/{tahun}"),
];

pub fn rute() -> Router<Negara> {
    Router::new()
        .route("/", get(beranda))
        .route("/static/kinerja.css", get(css))
        .route("/masuk", get(masuk).post(masuk_kirim))
        .route("/keluar", post(keluar))
        .route("/instansi/{id}/tahun/{tahun}", get(dasbor))
        .route("/instansi/{id}/tahun/{tahun}/rencana", get(rencana))
        .route("/instansi/{id}/tahun/{tahun}/pk", get(pk))
        .route("/instansi/{id}/tahun/{tahun}/iku", get(iku))
        .route(
            "/instansi/{id}/tahun/{tahun}/realisasi",
            get(realisasi).post(realisasi_kirim),
        )
        .route(
            "/instansi/{id}/tahun/{tahun}/anggaran",
            get(anggaran).post(anggaran_kirim),
        )
        .route("/instansi/{id}/tahun/{tahun}/catatan", post(catatan_kirim))
        .route(
            "/instansi/{id}/tahun/{tahun}/{langkah}/{periode}",
            post(alur),
        )
        .route("/instansi/{id}/jejak", get(jejak))
        .route("/kabupaten/{id}/tahun/{tahun}", get(kabupaten))
        .fallback(tidak_ada)
}

/// A refusal, rendered as a page in the frame.
pub struct Tolak {
    kode: StatusCode,
    pesan: String,
}

fn tolak(kode: StatusCode, pesan: impl Into<String>) -> Tolak {
    Tolak {
        kode,
        pesan: pesan.into(),
    }
}

impl From<Galat> for Tolak {
    fn from(e: Galat) -> Tolak {
        match e {
            Galat::TidakAda(_) => tolak(StatusCode::NOT_FOUND, e.to_string()),
            Galat::TidakSah(_) | Galat::Terkunci(_) | Galat::Alur(_) | Galat::Pelapor(_) => {
                tolak(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
            }
            lain => {
                tracing::error!("penyimpanan: {lain}");
                tolak(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "penyimpanan sedang tidak dapat melayani; coba lagi sebentar lagi",
                )
            }
        }
    }
}

fn halaman_galat(k: &t::Konteks, kode: StatusCode, pesan: &str) -> Response {
    (kode, Html(t::galat(k, kode.as_u16(), pesan))).into_response()
}

/// Marks a refusal so that `konteks_galat` can render it in the caller's frame.
#[derive(Clone)]
struct PenandaTolak {
    kode: StatusCode,
    pesan: String,
}

impl IntoResponse for Tolak {
    /// Only the status and the marker: `konteks_galat` renders the page in the caller's frame.
    fn into_response(self) -> Response {
        let mut r = self.kode.into_response();
        r.extensions_mut().insert(PenandaTolak {
            kode: self.kode,
            pesan: self.pesan,
        });
        r
    }
}

/// Middleware: an error page shows who is logged in (name, role, the Keluar button) like every
/// other page. The session is looked up only when a request was refused.
pub async fn konteks_galat(
    State(n): State<Negara>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let headers = req.headers().clone();
    let res = next.run(req).await;
    let Some(p) = res.extensions().get::<PenandaTolak>().cloned() else {
        return res;
    };
    let sesi = Sesi::dari(&headers, &n).await;
    halaman_galat(&konteks_dasar(&sesi), p.kode, &p.pesan)
}

type Hasil = Result<Response, Tolak>;

fn konteks_dasar(sesi: &Sesi) -> t::Konteks {
    t::Konteks {
        pengguna: sesi.0.as_ref().map(|p| t::PenggunaTampil {
            nama: p.nama.clone(),
            peran_label: p.peran.label().to_string(),
        }),
        csrf: sesi.0.as_ref().map(|p| p.csrf.clone()).unwrap_or_default(),
        ..Default::default()
    }
}

/// What every page of one instansi and year needs, after the role check.
struct Laman {
    k: t::Konteks,
    id: InstansiId,
    data: std::sync::Arc<DataInstansi>,
    tahun: Tahun,
    terbit: bool,
}

fn id_dari(s: &str) -> Result<InstansiId, Tolak> {
    InstansiId::new(s)
        .map_err(|_| tolak(StatusCode::NOT_FOUND, format!("instansi \"{s}\" tidak ada")))
}

fn tahun_dari(s: &str) -> Result<Tahun, Tolak> {
    s.parse::<i64>()
        .ok()
        .and_then(|t| Tahun::new(t).ok())
        .ok_or_else(|| tolak(StatusCode::NOT_FOUND, format!("tahun \"{s}\" tidak sah")))
}

async fn terbit(n: &Negara, id: &InstansiId, tahun: Tahun) -> Result<bool, Tolak> {
    Ok(n.toko.terbit(id, Some(tahun)).await?)
}

fn tahun_data(d: &DataInstansi) -> Vec<u16> {
    let mut v: Vec<u16> = d
        .realisasi
        .iter()
        .map(|r| r.tahun.get())
        .chain(d.anggaran.iter().map(|a| a.tahun.get()))
        .chain(d.laporan.iter().map(|l| l.tahun.get()))
        .chain(d.perjanjian_kinerja.iter().map(|p| p.tahun.get()))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

async fn siapkan(
    n: &Negara,
    sesi: &Sesi,
    id: &str,
    tahun: &str,
    perlu: Tindakan,
) -> Result<Laman, Tolak> {
    let id = id_dari(id)?;
    let tahun = tahun_dari(tahun)?;
    let terbit = terbit(n, &id, tahun).await?;
    if !boleh(sesi.0.as_ref(), perlu, &id, terbit) {
        return Err(dilarang(sesi));
    }
    let data = n.toko.muat_bersama(&id).await?;
    let mut k = konteks_dasar(sesi);
    k.instansi_aktif = Some(id.to_string());
    k.tahun = Some(tahun.get());
    k.tahun_pilihan = tahun_data(&data);
    k.instansi = n
        .toko
        .daftar_pelapor()
        .await?
        .into_iter()
        .map(|p| {
            let nama = data
                .instansi
                .iter()
                .find(|i| i.id == p)
                .map(|i| i.nama.clone());
            (p.to_string(), nama.unwrap_or_else(|| p.to_string()))
        })
        .collect();
    k.kabupaten = induk_kabupaten(&data, &id);
    Ok(Laman {
        k,
        id,
        data,
        tahun,
        terbit,
    })
}

fn induk_kabupaten(data: &DataInstansi, id: &InstansiId) -> Option<(String, String)> {
    let mut kini = data.instansi.iter().find(|i| &i.id == id)?;
    for _ in 0..8 {
        let induk = kini.induk.as_ref()?;
        kini = data.instansi.iter().find(|i| &i.id == induk)?;
        if matches!(kini.jenis, JenisInstansi::Kabupaten | JenisInstansi::Kota) {
            return Some((kini.id.to_string(), kini.nama.clone()));
        }
    }
    None
}

fn dilarang(sesi: &Sesi) -> Tolak {
    if sesi.0.is_none() {
        tolak(
            StatusCode::FORBIDDEN,
            "halaman ini hanya untuk pengguna yang masuk, atau datanya belum diterbitkan; silakan masuk",
        )
    } else {
        tolak(
            StatusCode::FORBIDDEN,
            "peran Anda tidak mengizinkan tindakan ini",
        )
    }
}

fn html(s: String) -> Response {
    ([(CACHE_CONTROL, "no-store")], Html(s)).into_response()
}

fn ke(alamat: &str) -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, alamat.to_string())]).into_response()
}

async fn css() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        t::CSS,
    )
        .into_response()
}

async fn tidak_ada(sesi: Sesi) -> Response {
    halaman_galat(
        &konteks_dasar(&sesi),
        StatusCode::NOT_FOUND,
        "halaman tidak ditemukan",
    )
}

async fn beranda(State(n): State<Negara>, sesi: Sesi) -> Hasil {
    let semua = n.toko.daftar_instansi().await?;
    let pelapor = n.toko.daftar_pelapor().await?;
    let terbit_semua = n.toko.semua_terbit().await?;
    let mut daftar = Vec::new();
    for p in &pelapor {
        let Some(i) = semua.iter().find(|i| &i.id == p) else {
            continue;
        };
        let d = n.toko.muat_bersama(p).await?;
        let mut tahun = Vec::new();
        for th in tahun_data(&d) {
            let th_t = Tahun::new(th.into()).expect("stored years are valid");
            if boleh(
                sesi.0.as_ref(),
                Tindakan::Lihat,
                p,
                terbit_semua.contains(&(p.clone(), th_t)),
            ) {
                tahun.push(th);
            }
        }
        daftar.push(t::BarisBeranda {
            id: p.to_string(),
            nama: i.nama.clone(),
            jenis: i.jenis,
            tahun,
            induk: i
                .induk
                .as_ref()
                .and_then(|x| semua.iter().find(|j| &j.id == x))
                .map(|j| j.nama.clone()),
        });
    }
    let mut k = konteks_dasar(&sesi);
    k.instansi = daftar
        .iter()
        .map(|b| (b.id.clone(), b.nama.clone()))
        .collect();
    Ok(html(t::beranda(&k, &daftar)))
}

async fn masuk(sesi: Sesi) -> Response {
    let token = akun::token_acak();
    let mut k = konteks_dasar(&sesi);
    k.csrf = token.clone();
    (
        [
            (
                SET_COOKIE,
                akun::set_cookie(akun::COOKIE_CSRF_MASUK, &token, akun::LAMA_SESI),
            ),
            (CACHE_CONTROL, "no-store".into()),
        ],
        Html(t::masuk(&k, None, "")),
    )
        .into_response()
}

#[derive(Deserialize)]
struct IsianMasuk {
    nama_pengguna: String,
    kata_sandi: String,
    csrf: String,
}

async fn masuk_kirim(
    State(n): State<Negara>,
    headers: HeaderMap,
    ext: axum::http::Extensions,
    form: Result<Form<IsianMasuk>, FormRejection>,
) -> Hasil {
    let Ok(Form(f)) = form else {
        return Err(tolak(StatusCode::BAD_REQUEST, "isian masuk tidak lengkap"));
    };
    let cookie_csrf = akun::cookie(&headers, akun::COOKIE_CSRF_MASUK);
    if cookie_csrf.as_deref() != Some(f.csrf.as_str()) || f.csrf.is_empty() {
        return Err(tolak(
            StatusCode::FORBIDDEN,
            "formulir kedaluwarsa atau tidak berasal dari halaman ini (CSRF); muat ulang halaman masuk",
        ));
    }
    let alamat = akun::alamat_klien(&headers, &ext);
    let akun = match akun::masuk(&n, alamat, &f.nama_pengguna, &f.kata_sandi).await {
        Ok(a) => a,
        Err(akun::GagalMasuk::Simpan(e)) => return Err(e.into()),
        Err(g) => {
            let k = t::Konteks {
                csrf: f.csrf.clone(),
                ..Default::default()
            };
            let halaman = Html(t::masuk(&k, Some(&g.pesan()), &f.nama_pengguna));
            let mut r = (g.kode(), halaman).into_response();
            if let Some(d) = g.tunggu() {
                let (kunci, nilai) = akun::retry_after(d);
                r.headers_mut().insert(kunci, nilai);
            }
            return Ok(r);
        }
    };
    let token = akun::token_acak();
    let kedaluwarsa = time::OffsetDateTime::now_utc() + akun::LAMA_SESI;
    n.toko
        .buat_sesi(
            &akun::digest(&token),
            &akun.nama,
            &akun::token_acak(),
            kedaluwarsa,
        )
        .await?;
    let tujuan = match (&akun.instansi, Peran::parse(&akun.peran)) {
        (Some(i), _) => match n
            .toko
            .muat(i)
            .await
            .ok()
            .and_then(|d| tahun_data(&d).last().copied())
        {
            Some(th) => format!("/instansi/{i}/tahun/{th}"),
            None => "/".into(),
        },
        _ => "/".into(),
    };
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, tujuan),
            (
                SET_COOKIE,
                akun::set_cookie(akun::COOKIE_SESI, &token, akun::LAMA_SESI),
            ),
        ],
    )
        .into_response())
}

/// Reads a form and checks its CSRF token against the session's.
fn periksa_csrf(sesi: &Sesi, isian: &[(String, String)]) -> Result<(), Tolak> {
    let dikirim = isian
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str());
    match &sesi.0 {
        Some(p) if !p.csrf.is_empty() && dikirim == Some(p.csrf.as_str()) => Ok(()),
        Some(_) => Err(tolak(
            StatusCode::FORBIDDEN,
            "formulir kedaluwarsa atau tidak berasal dari halaman ini (CSRF); muat ulang halaman",
        )),
        None => Err(dilarang(sesi)),
    }
}

fn isian_form(
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Vec<(String, String)>, Tolak> {
    form.map(|Form(v)| v).map_err(|e| {
        tolak(
            StatusCode::BAD_REQUEST,
            format!("isian formulir tidak sah: {e}"),
        )
    })
}

async fn keluar(
    State(n): State<Negara>,
    sesi: Sesi,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let isian = isian_form(form)?;
    periksa_csrf(&sesi, &isian)?;
    if let Some(token) = akun::cookie(&headers, akun::COOKIE_SESI) {
        n.toko.hapus_sesi(&akun::digest(&token)).await?;
    }
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, "/".to_string()),
            (
                SET_COOKIE,
                akun::set_cookie(akun::COOKIE_SESI, "", std::time::Duration::ZERO),
            ),
        ],
    )
        .into_response())
}

type JalurTahun = Path<(String, String)>;

async fn dasbor(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let catatan = t::PanelCatatan {
        catatan: n
            .toko
            .catatan_reviu(&l.id, l.tahun)
            .await?
            .into_iter()
            .map(|c| t::CatatanTampil {
                pengguna: c.pengguna,
                waktu: waktu_wib(c.waktu),
                isi: c.isi,
            })
            .collect(),
        boleh_tulis: boleh(sesi.0.as_ref(), Tindakan::Catat, &l.id, l.terbit),
    };
    Ok(html(t::dasbor(&l.k, &l.data, l.tahun, &catatan)))
}

/// A reviewer's note; it is kept with its author and time, never edited.
async fn catatan_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let isian = isian_form(form)?;
    periksa_csrf(&sesi, &isian)?;
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Catat).await?;
    let isi = isian
        .iter()
        .find(|(k, _)| k == "isi")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    match n
        .toko
        .tambah_catatan_reviu(&l.id, l.tahun, isi, &pelaku_web(&sesi))
        .await
    {
        Ok(()) => Ok(ke(&format!(
            "/instansi/{}/tahun/{}?catatan=1#h-catatan",
            l.id, l.tahun
        ))),
        Err(Galat::Akun(pesan)) => Err(tolak(StatusCode::UNPROCESSABLE_ENTITY, pesan)),
        Err(e) => Err(e.into()),
    }
}

async fn rencana(State(n): State<Negara>, sesi: Sesi, Path((id, th)): JalurTahun) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    Ok(html(t::rencana(&l.k, &l.data, l.tahun)))
}

async fn pk(State(n): State<Negara>, sesi: Sesi, Path((id, th)): JalurTahun) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    Ok(html(t::perjanjian_kinerja(&l.k, &l.data, l.tahun)))
}

async fn iku(State(n): State<Negara>, sesi: Sesi, Path((id, th)): JalurTahun) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    Ok(html(t::iku(&l.k, &l.data, l.tahun)))
}

fn izin(sesi: &Sesi, l: &Laman) -> t::Izin {
    let p = sesi.0.as_ref();
    t::Izin {
        ubah: boleh(p, Tindakan::Ubah, &l.id, l.terbit),
        ajukan: boleh(p, Tindakan::Ajukan, &l.id, l.terbit),
        setujui: boleh(p, Tindakan::Setujui, &l.id, l.terbit),
        buka: boleh(p, Tindakan::Buka, &l.id, l.terbit),
    }
}

async fn status_tampil(n: &Negara, l: &Laman) -> Result<Vec<t::StatusPeriode>, Tolak> {
    let s = n.toko.status_periode(&l.id, l.tahun).await?;
    Ok([
        Periode::Tw1,
        Periode::Tw2,
        Periode::Tw3,
        Periode::Tw4,
        Periode::Tahunan,
    ]
    .into_iter()
    .map(|p| match s.iter().find(|x| x.periode == p) {
        Some(x) => t::StatusPeriode {
            periode: p,
            status: match x.status {
                Status::Diajukan => t::StatusAlur::Diajukan,
                Status::Disetujui => t::StatusAlur::Disetujui,
            },
            oleh: Some(x.oleh.clone()),
            waktu: Some(waktu_wib(x.waktu)),
        },
        None => t::StatusPeriode {
            periode: p,
            status: t::StatusAlur::Draf,
            oleh: None,
            waktu: None,
        },
    })
    .collect())
}

/// Times print in WIB (UTC+7), the zone of most users; the audit trail stores UTC.
fn waktu_wib(w: time::OffsetDateTime) -> String {
    let w = w.to_offset(time::UtcOffset::from_hms(7, 0, 0).expect("valid offset"));
    format!(
        "{:02}-{:02}-{} {:02}.{:02} WIB",
        w.day(),
        u8::from(w.month()),
        w.year(),
        w.hour(),
        w.minute()
    )
}

#[derive(Deserialize, Default)]
struct KueriPesan {
    disimpan: Option<usize>,
    langkah: Option<String>,
    catatan: Option<u8>,
}

fn pesan_sukses(k: &mut t::Konteks, q: &KueriPesan) {
    if let Some(n) = q.disimpan {
        k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: if n == 0 {
                "tidak ada perubahan".into()
            } else {
                format!("{n} perubahan disimpan dan tercatat di jejak audit")
            },
        });
    }
    if q.catatan.is_some() {
        k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: "catatan pereviu disimpan".into(),
        });
    }
    if let Some(l) = &q.langkah {
        k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: format!("periode berhasil {l}"),
        });
    }
}

async fn realisasi(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let status = status_tampil(&n, &l).await?;
    Ok(html(t::form_realisasi(
        &l.k,
        &l.data,
        l.tahun,
        &status,
        izin(&sesi, &l),
        &[],
        &[],
    )))
}

async fn realisasi_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let isian = isian_form(form)?;
    periksa_csrf(&sesi, &isian)?;
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Ubah).await?;
    let ada: HashMap<(String, Periode), &Realisasi> = l
        .data
        .realisasi
        .iter()
        .filter(|r| r.tahun == l.tahun)
        .map(|r| ((r.indikator.to_string(), r.periode), r))
        .collect();
    let mut kesalahan = Vec::new();
    let mut baru = Vec::new();
    for (nama, nilai) in &isian {
        let Some(t::Medan::Realisasi { indikator, periode }) = t::Medan::parse(nama) else {
            continue;
        };
        let nilai = nilai.trim();
        let lama = ada.get(&(indikator.to_string(), periode));
        // An empty field changes nothing: clearing a figure by accident must not lose it.
        if nilai.is_empty() || lama.is_some_and(|r| r.nilai.teks() == nilai) {
            continue;
        }
        match Nilai::parse(nilai) {
            Ok(v) => baru.push(Realisasi {
                indikator,
                tahun: l.tahun,
                periode,
                nilai: v,
                sumber: lama.and_then(|r| r.sumber.clone()),
                catatan: lama.and_then(|r| r.catatan.clone()),
            }),
            Err(e) => kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: e.to_string(),
            }),
        }
    }
    if kesalahan.is_empty() {
        let hasil = if baru.is_empty() {
            Ok(kinerja_simpan::Ringkasan::default())
        } else {
            n.toko
                .simpan_realisasi(&l.id, baru, &pelaku_web(&sesi))
                .await
        };
        if let Some(ke) = setelah_simpan(hasil, &mut l, "realisasi")? {
            return Ok(ke);
        }
    }
    let status = status_tampil(&n, &l).await?;
    let body = t::form_realisasi(
        &l.k,
        &l.data,
        l.tahun,
        &status,
        izin(&sesi, &l),
        &kesalahan,
        &isian,
    );
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
}

/// After a save from an entry page: back to the page with the count (Post/Redirect/Get), or,
/// when the store refused the data, `None` with the reason added to the page's messages.
fn setelah_simpan(
    hasil: Result<kinerja_simpan::Ringkasan, Galat>,
    l: &mut Laman,
    halaman: &str,
) -> Result<Option<Response>, Tolak> {
    match hasil {
        Ok(r) => Ok(Some(ke(&format!(
            "/instansi/{}/tahun/{}/{halaman}?disimpan={}",
            l.id,
            l.tahun,
            r.ditambah + r.diubah
        )))),
        Err(e @ (Galat::TidakSah(_) | Galat::Terkunci(_))) => {
            l.k.pesan.push(t::Pesan {
                jenis: t::JenisPesan::Galat,
                teks: format!("tidak disimpan: {e}"),
            });
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

fn pelaku_web(sesi: &Sesi) -> Pelaku {
    Pelaku {
        pengguna: sesi.0.as_ref().map(|p| p.nama.clone()).unwrap_or_default(),
        sumber: "web".into(),
    }
}

async fn anggaran(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let mut iz = izin(&sesi, &l);
    // The year's budget is frozen with the annual period.
    iz.ubah &= !status_tampil(&n, &l)
        .await?
        .iter()
        .any(|s| s.periode == Periode::Tahunan && s.status == t::StatusAlur::Disetujui);
    Ok(html(t::form_anggaran(&l.k, &l.data, l.tahun, iz, &[], &[])))
}

async fn anggaran_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let isian = isian_form(form)?;
    periksa_csrf(&sesi, &isian)?;
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Ubah).await?;
    let mut kesalahan = Vec::new();
    let mut baru = Vec::new();
    for (nama, nilai) in &isian {
        let Some(t::Medan::Anggaran(pos)) = t::Medan::parse(nama) else {
            continue;
        };
        let Some(lama) = l
            .data
            .anggaran
            .iter()
            .find(|a| a.id == pos && a.tahun == l.tahun)
        else {
            kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: format!("pos anggaran \"{pos}\" tidak ada pada tahun {}", l.tahun),
            });
            continue;
        };
        let nilai = nilai.trim();
        if nilai.is_empty() {
            continue;
        }
        match kinerja_core::angka::parse_rupiah(nilai) {
            Ok(r) if Some(r) == lama.realisasi => {}
            Ok(r) => baru.push((pos, Some(r))),
            Err(e) => kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: e.to_string(),
            }),
        }
    }
    if kesalahan.is_empty() {
        let hasil = if baru.is_empty() {
            Ok(kinerja_simpan::Ringkasan::default())
        } else {
            n.toko
                .simpan_realisasi_anggaran(&l.id, baru, &pelaku_web(&sesi))
                .await
        };
        if let Some(ke) = setelah_simpan(hasil, &mut l, "anggaran")? {
            return Ok(ke);
        }
    }
    let body = t::form_anggaran(&l.k, &l.data, l.tahun, izin(&sesi, &l), &kesalahan, &isian);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
}

async fn alur(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th, langkah, periode)): Path<(String, String, String, String)>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (langkah, tindakan, kata) = match langkah.as_str() {
        "ajukan" => (Langkah::Ajukan, Tindakan::Ajukan, "diajukan"),
        "setujui" => (Langkah::Setujui, Tindakan::Setujui, "disetujui"),
        "buka" => (Langkah::Buka, Tindakan::Buka, "dibuka kembali"),
        _ => return Err(tolak(StatusCode::NOT_FOUND, "halaman tidak ditemukan")),
    };
    let isian = isian_form(form)?;
    periksa_csrf(&sesi, &isian)?;
    let Ok(p) = serde_json::from_value::<Periode>(serde_json::Value::String(periode.clone()))
    else {
        return Err(tolak(
            StatusCode::NOT_FOUND,
            format!("periode \"{periode}\" tidak dikenal"),
        ));
    };
    let l = siapkan(&n, &sesi, &id, &th, tindakan).await?;
    n.toko
        .langkah_alur(&l.id, l.tahun, p, langkah, &pelaku_web(&sesi))
        .await?;
    Ok(ke(&format!(
        "/instansi/{}/tahun/{}/realisasi?langkah={kata}",
        l.id, l.tahun
    )))
}

#[derive(Deserialize, Default)]
struct KueriJejak {
    tabel: Option<String>,
    kunci: Option<String>,
    awalan: Option<String>,
}

/// The audit trail of a data set, or of one record (`?tabel=realisasi&kunci=I-S1-1|2020|tw1`).
async fn jejak(
    State(n): State<Negara>,
    sesi: Sesi,
    Path(id): Path<String>,
    q: Result<Query<KueriJejak>, QueryRejection>,
) -> Hasil {
    let id = id_dari(&id)?;
    if !boleh(sesi.0.as_ref(), Tindakan::LihatJejak, &id, false) {
        return Err(dilarang(&sesi));
    }
    let q = q.map(|q| q.0).unwrap_or_default();
    let tabel = q.tabel.filter(|s| !s.is_empty());
    let kunci = q.kunci.filter(|s| !s.is_empty());
    let awalan = q.awalan.filter(|s| !s.is_empty());
    let baris = n
        .toko
        .jejak_saring(
            &id,
            tabel.as_deref(),
            kunci.as_deref(),
            awalan.as_deref(),
            500,
        )
        .await?;
    let mut k = konteks_dasar(&sesi);
    k.instansi_aktif = Some(id.to_string());
    let semua = n.toko.daftar_instansi().await?;
    let nama_dari = |x: &InstansiId| {
        semua
            .iter()
            .find(|i| &i.id == x)
            .map(|i| i.nama.clone())
            .unwrap_or_else(|| x.to_string())
    };
    k.instansi = n
        .toko
        .daftar_pelapor()
        .await?
        .iter()
        .map(|p| (p.to_string(), nama_dari(p)))
        .collect();
    if let Ok(d) = n.toko.muat_bersama(&id).await {
        k.tahun_pilihan = tahun_data(&d);
        k.tahun = k.tahun_pilihan.last().copied();
        k.kabupaten = induk_kabupaten(&d, &id);
    }
    let nama = nama_dari(&id);
    let tampil: Vec<t::JejakTampil> = baris
        .iter()
        .map(|j| t::JejakTampil {
            waktu: waktu_wib(j.waktu),
            pengguna: j.pengguna.clone(),
            tabel: j.tabel.clone(),
            kunci: j.kunci.clone(),
            aksi: j.aksi.clone(),
            lama: j.lama.as_ref().map(|v| v.to_string()),
            baru: j.baru.as_ref().map(|v| v.to_string()),
        })
        .collect();
    let judul = match (&tabel, kunci.as_ref().or(awalan.as_ref())) {
        (Some(t), Some(k)) => format!("Jejak audit {nama}: {t} {}", k.trim_end_matches('|')),
        (Some(t), None) => format!("Jejak audit {nama}: {t}"),
        _ => format!("Jejak audit {nama}"),
    };
    Ok(html(t::jejak(&k, &judul, &tampil)))
}

#[derive(Deserialize)]
struct KueriUrut {
    urut: Option<String>,
}

async fn kabupaten(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriUrut>, QueryRejection>,
) -> Hasil {
    let id = id_dari(&id)?;
    let tahun = tahun_dari(&th)?;
    let semua = n.toko.daftar_instansi().await?;
    let Some(induk) = semua.iter().find(|i| i.id == id) else {
        return Err(tolak(
            StatusCode::NOT_FOUND,
            format!("instansi \"{id}\" tidak ada"),
        ));
    };
    // Every reporting instansi below this one, at any depth.
    fn di_bawah<'a>(
        semua: &'a [kinerja_core::model::Instansi],
        mut i: &'a kinerja_core::model::Instansi,
        id: &InstansiId,
    ) -> bool {
        for _ in 0..8 {
            match i
                .induk
                .as_ref()
                .and_then(|p| semua.iter().find(|j| &j.id == p))
            {
                Some(p) if &p.id == id => return true,
                Some(p) => i = p,
                None => return false,
            }
        }
        false
    }
    let terbit_semua = n.toko.semua_terbit().await?;
    let mut baris = Vec::new();
    for p in n.toko.daftar_pelapor().await? {
        let Some(i) = semua.iter().find(|i| i.id == p) else {
            continue;
        };
        if !di_bawah(&semua, i, &id)
            || !boleh(
                sesi.0.as_ref(),
                Tindakan::Lihat,
                &p,
                terbit_semua.contains(&(p.clone(), tahun)),
            )
        {
            continue;
        }
        let d = n.toko.muat_bersama(&p).await?;
        if let Some(b) = t::baris_kabupaten(&d, tahun) {
            baris.push(b);
        }
    }
    let mut k = konteks_dasar(&sesi);
    k.tahun = Some(tahun.get());
    k.kabupaten = Some((id.to_string(), induk.nama.clone()));
    let urut = q
        .ok()
        .and_then(|q| q.0.urut)
        .unwrap_or_else(|| "nama".into());
    Ok(html(t::kabupaten(&k, &induk.nama, tahun, &baris, &urut)))
}

/// For `kinerja serve` on an empty database: the bundled example, with its 2020 report
/// published (it is a published LKjIP), so that a newcomer sees real data.
pub async fn isi_contoh(n: &Negara, contoh: &DataInstansi) -> Result<bool, Galat> {
    if !n.toko.daftar_pelapor().await?.is_empty() {
        return Ok(false);
    }
    let p = Pelaku {
        pengguna: "kinerja".into(),
        sumber: "contoh bawaan".into(),
    };
    let (id, _) = n
        .toko
        .impor(contoh, None, kinerja_simpan::ModeImpor::Gabung, &p)
        .await?;
    for th in contoh.laporan.iter().map(|l| l.tahun) {
        n.toko
            .langkah_alur(&id, th, Periode::Tahunan, Langkah::Ajukan, &p)
            .await?;
        n.toko
            .langkah_alur(&id, th, Periode::Tahunan, Langkah::Setujui, &p)
            .await?;
    }
    Ok(true)
}
