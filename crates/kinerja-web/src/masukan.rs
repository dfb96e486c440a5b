//! Text from clients, checked once at the boundary for every route: the body (at most
//! [`BATAS_BODY`] bytes, else 413), each form field, each JSON string and each query parameter.
//! A text holding a control character other than line feed, carriage return and tab (NUL
//! among them, which PostgreSQL refuses), or longer than [`BATAS_TEKS`] characters, is a 422
//! naming the field, before any handler or the database sees it.

use crate::galat::{GalatHttp, Rincian};
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// The largest body: a year's realisasi form of a large instansi is a few tens of kilobytes.
pub const BATAS_BODY: usize = 1024 * 1024;
/// The body of a POST of an Evaluasi AKIP answer with its evidence file: the file's limit and
/// 256 KiB for the other fields and the multipart framing.
pub const BATAS_BODY_UNGGAH: usize = kinerja_simpan::BATAS_BUKTI + 256 * 1024;

/// The body limit of a request: [`BATAS_BODY_UNGGAH`] for a POST of an evaluation answer
/// (`/instansi/{id}/tahun/{tahun}/evaluasi` and `.../evaluasi/evaluator`, the routes made with
/// `rute::rute_unggah`), [`BATAS_BODY`] otherwise.
pub fn batas_body(metode: &axum::http::Method, jalur: &str) -> usize {
    let bagian: Vec<&str> = jalur.trim_end_matches('/').split('/').collect();
    let unggah = matches!(
        bagian.as_slice(),
        ["", "instansi", _, "tahun", _, "evaluasi"]
            | ["", "instansi", _, "tahun", _, "evaluasi", "evaluator"]
    );
    if metode == axum::http::Method::POST && unggah {
        BATAS_BODY_UNGGAH
    } else {
        BATAS_BODY
    }
}
/// The longest text of one field: a narrative or a reviewer's note, in characters.
pub const BATAS_TEKS: usize = 20_000;

/// Why `teks` cannot be taken, in the user's terms.
pub fn periksa_teks(teks: &str) -> Result<(), String> {
    if let Some(c) = teks
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(format!(
            "berisi karakter kendali U+{:04X} yang tidak diizinkan",
            u32::from(c)
        ));
    }
    let n = teks.chars().count();
    if n > BATAS_TEKS {
        let angka = |n: usize| kinerja_core::angka::format_angka((n as u64).into(), 0);
        return Err(format!(
            "terlalu panjang: {} karakter, paling banyak {} karakter",
            angka(n),
            angka(BATAS_TEKS)
        ));
    }
    Ok(())
}

fn tolak(rincian: Vec<Rincian>) -> GalatHttp {
    // Pages show only the message: it names the fields too.
    let daftar: Vec<String> = rincian
        .iter()
        .map(|r| format!("{}: {}", r.letak, r.pesan))
        .collect();
    let mut g = GalatHttp::baru(
        StatusCode::UNPROCESSABLE_ENTITY,
        "isian_tidak_sah",
        format!("isian tidak dapat diterima ({})", daftar.join("; ")),
    );
    g.rincian = rincian;
    g
}

fn pasangan(letak: &str, b: &[u8], salah: &mut Vec<Rincian>) {
    for (k, v) in form_urlencoded::parse(b) {
        for (apa, s) in [("nama", &k), ("nilai", &v)] {
            if let Err(pesan) = periksa_teks(s) {
                salah.push(Rincian {
                    letak: format!(
                        "{letak} {}{}",
                        if apa == "nama" { "nama " } else { "" },
                        k.escape_debug()
                    ),
                    pesan,
                });
            }
        }
    }
}

fn json(letak: &str, v: &Value, salah: &mut Vec<Rincian>) {
    match v {
        Value::String(s) => {
            if let Err(pesan) = periksa_teks(s) {
                salah.push(Rincian {
                    letak: letak.to_string(),
                    pesan,
                });
            }
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| json(&format!("{letak}[{i}]"), x, salah)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            if let Err(pesan) = periksa_teks(k) {
                salah.push(Rincian {
                    letak: letak.to_string(),
                    pesan,
                });
            }
            json(&format!("{letak}.{}", k.escape_debug()), x, salah)
        }),
        _ => {}
    }
}

/// Middleware: refuses a request with an unacceptable text before it reaches a handler.
pub async fn saring(req: Request, next: Next) -> Response {
    let (bagian, body) = req.into_parts();
    let batas = batas_body(&bagian.method, bagian.uri.path());
    let Ok(b) = to_bytes(body, batas).await else {
        return GalatHttp::baru(
            StatusCode::PAYLOAD_TOO_LARGE,
            "terlalu_besar",
            format!("isi permintaan melebihi {} KB", batas / 1024),
        )
        .into_response();
    };
    let mut salah = Vec::new();
    if let Some(q) = bagian.uri.query() {
        pasangan("kueri", q.as_bytes(), &mut salah);
    }
    let jenis = bagian
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if jenis.starts_with("application/x-www-form-urlencoded") {
        pasangan("isian", &b, &mut salah);
    } else if jenis.starts_with("application/json")
        && let Ok(v) = serde_json::from_slice::<Value>(&b)
    {
        json("$", &v, &mut salah);
    }
    if !salah.is_empty() {
        return tolak(salah).into_response();
    }
    next.run(Request::from_parts(bagian, Body::from(b))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_long_text_are_refused_line_breaks_kept() {
        assert!(periksa_teks("baris satu\nbaris dua\r\n\tmenjorok").is_ok());
        assert!(periksa_teks("a\0b").unwrap_err().contains("U+0000"));
        assert!(periksa_teks("a\u{1b}[31m").unwrap_err().contains("U+001B"));
        assert!(periksa_teks("\u{7f}").is_err());
        // Exactly the limit passes, one more character does not (counted in characters:
        // "é" is two bytes).
        assert!(periksa_teks(&"é".repeat(BATAS_TEKS)).is_ok());
        assert!(periksa_teks(&"é".repeat(BATAS_TEKS + 1)).is_err());
    }
}
