//! What the download tests share: a GET through the router with a session cookie.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The status and body of `alamat` fetched as the session `sesi`.
pub async fn unduh(app: &axum::Router, sesi: &str, alamat: &str) -> (StatusCode, Vec<u8>) {
    let r = Request::builder()
        .uri(alamat)
        .header("cookie", format!("kinerja_sesi={sesi}"))
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(r).await.unwrap();
    let s = res.status();
    (
        s,
        res.into_body().collect().await.unwrap().to_bytes().to_vec(),
    )
}
