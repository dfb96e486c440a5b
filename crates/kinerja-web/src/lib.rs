//! The HTTP server: the JSON API (`api`, `/api/v1`, with its OpenAPI document) and the web
//! interface, both over the same store (`kinerja_simpan::Toko`). Handlers parse input into
//! domain types, call the store or the core, and hand the result to `kinerja_json` (API) or
//! `kinerja_tampilan` (HTML). No computation lives here.

pub mod api;
pub mod openapi;

use axum::Router;
use kinerja_simpan::Toko;
use std::net::SocketAddr;

#[derive(Clone)]
pub struct Negara {
    pub toko: Toko,
}

pub fn aplikasi(toko: Toko) -> Router {
    let n = Negara { toko };
    Router::new().merge(api::rute()).with_state(n)
}

#[derive(Debug, thiserror::Error)]
pub enum GalatServer {
    #[error(
        "alamat {0} bukan localhost: API belum berautentikasi, jadi server hanya boleh \
         mendengarkan 127.0.0.1 atau ::1 (pakai --publik bila jaringan ini memang tepercaya)"
    )]
    BukanLokal(SocketAddr),
    #[error("{0}")]
    Simpan(#[from] kinerja_simpan::Galat),
    #[error("tidak dapat mendengarkan {0}: {1}")]
    Dengar(SocketAddr, std::io::Error),
}

/// Serves until Ctrl-C. Refuses a non-loopback address unless `publik`.
pub async fn layani(url: &str, alamat: SocketAddr, publik: bool) -> Result<(), GalatServer> {
    if !alamat.ip().is_loopback() && !publik {
        return Err(GalatServer::BukanLokal(alamat));
    }
    let toko = Toko::buka(url).await?;
    let app = aplikasi(toko.clone());
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
