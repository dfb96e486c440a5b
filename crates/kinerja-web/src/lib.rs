//! The HTTP server: the JSON API (`api`, `/api/v1`, with its OpenAPI document) and the web
//! interface, both over the same store (`kinerja_simpan::Toko`). Handlers parse input into
//! domain types, call the store or the core, and hand the result to `kinerja_json` (API) or
//! `kinerja_tampilan` (HTML). No computation lives here.

pub mod akun;
pub mod api;
pub mod halaman;
pub mod openapi;

use axum::Router;
use kinerja_core::model::DataInstansi;
use kinerja_simpan::Toko;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Clone)]
pub struct Negara {
    pub toko: Toko,
    pub pembatas: Arc<akun::Pembatas>,
    pub sandi: Arc<akun::KolamSandi>,
}

pub fn negara(toko: Toko) -> Negara {
    Negara {
        toko,
        pembatas: Arc::default(),
        sandi: Arc::default(),
    }
}

pub fn aplikasi(n: Negara) -> Router {
    Router::new()
        .merge(api::rute())
        .merge(halaman::rute())
        .layer(axum::middleware::from_fn_with_state(
            n.clone(),
            halaman::konteks_galat,
        ))
        .with_state(n)
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

/// Serves until Ctrl-C. Refuses a non-loopback address unless `publik`. An empty database
/// first gets `contoh` (the bundled example), so that a newcomer sees real data.
pub async fn layani(
    url: &str,
    alamat: SocketAddr,
    publik: bool,
    contoh: Option<&DataInstansi>,
) -> Result<(), GalatServer> {
    if !alamat.ip().is_loopback() && !publik {
        return Err(GalatServer::BukanLokal(alamat));
    }
    let toko = Toko::buka(url).await?;
    let n = negara(toko.clone());
    if let Some(c) = contoh
        && halaman::isi_contoh(&n, c).await?
    {
        eprintln!("basis data kosong: contoh Kecamatan Mumbulsari 2020 dimuat");
    }
    if toko.jumlah_akun().await? == 0 {
        eprintln!(
            "belum ada akun: buat dengan `kinerja pengguna tambah --nama admin --peran admin`"
        );
    }
    let app = aplikasi(n).into_make_service_with_connect_info::<SocketAddr>();
    let pendengar = tokio::net::TcpListener::bind(alamat)
        .await
        .map_err(|e| GalatServer::Dengar(alamat, e))?;
    eprintln!(
        "kinerja melayani http://{} ({}: {url})",
        pendengar.local_addr().unwrap_or(alamat),
        toko.kolam().nama_backend()
    );
    axum::serve(pendengar, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| GalatServer::Dengar(alamat, e))?;
    toko.tutup().await;
    Ok(())
}
