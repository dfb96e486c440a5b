//! The HTTP server: the JSON API (`api`, `/api/v1`, with its OpenAPI document) and the web
//! interface (`halaman`), both over the same store (`kinerja_simpan::Toko`). Handlers parse
//! input into domain types, call the store or the core, and hand the result to `kinerja_json`
//! (API) or `kinerja_tampilan` (HTML). No computation lives here. Every failure is a
//! `galat::GalatHttp`, written out in one place for both doors.

pub mod akun;
pub mod api;
mod baca;
pub mod galat;
pub mod halaman;
mod impor;
mod jalur;
mod kepala;
mod laporan;
mod masukan;
pub mod openapi;
mod rute;
mod skm;
pub mod survei;
pub mod tembolok;
mod tindak_lanjut;

pub use masukan::{BATAS_BODY_UNGGAH, BATAS_TEKS, batas_body};

use axum::Router;
use kinerja_core::model::DataInstansi;
use kinerja_simpan::Toko;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Clone)]
pub struct Negara {
    pub toko: Toko,
    pub pembatas: Arc<akun::Pembatas>,
    pub tembolok: Arc<tembolok::Tembolok>,
    pub sandi: Arc<akun::KolamSandi>,
    /// Previewed imports waiting for confirmation.
    pub impor: Arc<impor::Antrean<impor::Impor>>,
    /// Read surveys waiting to be attached.
    pub skm: Arc<impor::Antrean<kinerja_core::model::SurveiSkm>>,
    /// Clients reach the server over HTTPS (`--publik`, behind a proxy): cookies get `Secure`.
    pub https: bool,
    /// The hosted survey's form lifetime and abuse limits.
    pub survei: survei::AturanSurvei,
}

pub fn negara(toko: Toko) -> Negara {
    Negara {
        toko,
        pembatas: Arc::default(),
        tembolok: Arc::default(),
        sandi: Arc::default(),
        impor: Arc::default(),
        skm: Arc::default(),
        https: false,
        survei: survei::AturanSurvei::default(),
    }
}

pub fn aplikasi(n: Negara) -> Router {
    Router::new()
        .merge(api::rute_api())
        .merge(halaman::rute_halaman())
        .layer(axum::middleware::from_fn_with_state(
            n.clone(),
            tembolok::layani,
        ))
        .layer(axum::middleware::from_fn(galat::tangkap_panik))
        .layer(axum::middleware::from_fn(masukan::saring))
        .layer(axum::middleware::from_fn_with_state(
            n.clone(),
            galat::jawab,
        ))
        .layer(axum::middleware::from_fn_with_state(
            n.clone(),
            kepala::pasang,
        ))
        .layer(axum::middleware::from_fn(galat::beri_id))
        .with_state(n)
}

/// Every route of [`aplikasi`], pages and API, as `(method, path)`: the lists the routers are
/// built from.
pub fn rute_terdaftar() -> Vec<(&'static str, &'static str)> {
    let mut v = rute::daftar(&halaman::daftar());
    v.extend(rute::daftar(&api::daftar()));
    v
}

#[derive(Debug, thiserror::Error)]
pub enum GalatServer {
    #[error(
        "alamat {0} bukan localhost: kata sandi dan cookie sesi akan melintasi jaringan tanpa \
         enkripsi. Pasang server di belakang proksi HTTPS dan jalankan dengan --publik"
    )]
    BukanLokal(SocketAddr),
    #[error("{0}")]
    Simpan(#[from] kinerja_simpan::Galat),
    #[error("tidak dapat mendengarkan {0}: {1}")]
    Dengar(SocketAddr, std::io::Error),
}

/// What the server has to tell its operator while it starts; the binary prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kabar {
    ContohDimuat,
    BelumAdaAkun,
    Melayani {
        alamat: SocketAddr,
        backend: &'static str,
        url: String,
    },
}

impl std::fmt::Display for Kabar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Kabar::ContohDimuat => {
                write!(
                    f,
                    "basis data kosong: contoh Kecamatan Mumbulsari 2020 dimuat"
                )
            }
            Kabar::BelumAdaAkun => write!(
                f,
                "belum ada akun: buat dengan `kinerja pengguna tambah --nama admin --peran admin`"
            ),
            Kabar::Melayani {
                alamat,
                backend,
                url,
            } => write!(f, "kinerja melayani http://{alamat} ({backend}: {url})"),
        }
    }
}

/// Serves until Ctrl-C. Refuses a non-loopback address unless `publik`. An empty database
/// first gets `contoh` (the bundled examples: Mumbulsari, then the example pemda's data sets),
/// so that a newcomer sees real data. What the operator should know goes to `kabar`.
pub async fn layani(
    url: &str,
    alamat: SocketAddr,
    publik: bool,
    contoh: &[DataInstansi],
    kabar: impl Fn(Kabar),
) -> Result<(), GalatServer> {
    if !alamat.ip().is_loopback() && !publik {
        return Err(GalatServer::BukanLokal(alamat));
    }
    let toko = Toko::buka(url).await?;
    let mut n = negara(toko.clone());
    n.https = publik;
    if !contoh.is_empty() && halaman::isi_contoh(&n, contoh).await? {
        kabar(Kabar::ContohDimuat);
    }
    if toko.jumlah_akun().await? == 0 {
        kabar(Kabar::BelumAdaAkun);
    }
    let app = aplikasi(n).into_make_service_with_connect_info::<SocketAddr>();
    let pendengar = tokio::net::TcpListener::bind(alamat)
        .await
        .map_err(|e| GalatServer::Dengar(alamat, e))?;
    kabar(Kabar::Melayani {
        alamat: pendengar.local_addr().unwrap_or(alamat),
        backend: toko.kolam().nama_backend(),
        url: url.to_string(),
    });
    axum::serve(pendengar, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| GalatServer::Dengar(alamat, e))?;
    toko.tutup().await;
    Ok(())
}
