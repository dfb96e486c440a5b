//! The headers every response carries, set in one middleware so that no route can miss them.

use crate::Negara;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, SET_COOKIE, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::Response;

/// No script at all; styles from the stylesheet and the `style` attributes of the bar charts.
pub const CSP: &str = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Security headers on every response; `no-store` on everything that did not choose its own
/// caching (every page may carry the session's CSRF token, and error pages do too); `Secure`
/// on cookies when the client reached us over HTTPS: `--publik` (behind an HTTPS proxy) or the
/// proxy's `X-Forwarded-Proto: https`.
pub async fn pasang(State(n): State<Negara>, req: Request, next: Next) -> Response {
    let https = n.https
        || req
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if !h.contains_key(CACHE_CONTROL) {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        let kue: Vec<HeaderValue> = h.get_all(SET_COOKIE).iter().cloned().collect();
        h.remove(SET_COOKIE);
        for k in kue {
            let aman = match k.to_str() {
                Ok(s) if !s.contains("; Secure") => HeaderValue::from_str(&format!("{s}; Secure")),
                _ => Ok(k.clone()),
            };
            h.append(SET_COOKIE, aman.unwrap_or(k));
        }
    }
    res
}
