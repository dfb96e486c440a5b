//! What every page handler shares: the frame's context, the role check and loading of one
//! instansi and year (`siapkan`), forms and their CSRF token, responses, and how times print.

use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::galat::GalatHttp;
use crate::jalur;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use axum::response::{Html, IntoResponse, Response};
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_core::{cakupan, hierarki};
use kinerja_simpan::{Galat, Pelaku};
use kinerja_tampilan as t;
use serde::Deserialize;
use std::sync::Arc;

pub(crate) type Hasil = Result<Response, GalatHttp>;
/// `/instansi/{id}/tahun/{tahun}...`
pub(super) type JalurTahun = Path<(String, String)>;

pub(crate) fn halaman_galat(k: &t::Konteks, kode: StatusCode, pesan: &str) -> Response {
    (kode, Html(t::galat(k, kode.as_u16(), pesan))).into_response()
}

pub(crate) fn konteks_dasar(sesi: &Sesi) -> t::Konteks {
    t::Konteks {
        pengguna: sesi.0.as_ref().map(|p| t::PenggunaTampil {
            nama: p.nama.clone(),
            peran_label: p.peran.label().to_string(),
        }),
        csrf: sesi.0.as_ref().map(|p| p.csrf.clone()).unwrap_or_default(),
        ..Default::default()
    }
}

/// The years a data set covers, as the year selector lists them.
pub(super) fn tahun_pilihan(d: &DataInstansi) -> Vec<u16> {
    cakupan::tahun(d).into_iter().map(|t| t.get()).collect()
}

/// The kabupaten above an instansi, for the navigation link to its roll-up.
pub(super) fn kabupaten_di_atas(d: &DataInstansi, id: &InstansiId) -> Option<(String, String)> {
    hierarki::kabupaten_di_atas(&d.instansi, id).map(|k| (k.id.to_string(), k.nama.clone()))
}

/// What every page of one instansi and year needs, after the role check.
pub(super) struct Laman {
    pub k: t::Konteks,
    pub id: InstansiId,
    pub data: Arc<DataInstansi>,
    pub tahun: Tahun,
    pub terbit: bool,
}

pub(super) async fn siapkan(
    n: &Negara,
    sesi: &Sesi,
    id: &str,
    tahun: &str,
    perlu: Tindakan,
) -> Result<Laman, GalatHttp> {
    let id = jalur::instansi(id)?;
    let tahun = jalur::tahun(tahun)?;
    let terbit = n.toko.terbit(&id, Some(tahun)).await?;
    if !boleh(sesi.0.as_ref(), perlu, &id, terbit) {
        return Err(dilarang(sesi));
    }
    let data = crate::baca::data_terlihat(n, sesi, &id).await?;
    let mut k = konteks_dasar(sesi);
    k.instansi_aktif = Some(id.to_string());
    k.tahun = Some(tahun.get());
    k.tahun_pilihan = tahun_pilihan(&data);
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
    k.kabupaten = kabupaten_di_atas(&data, &id);
    Ok(Laman {
        k,
        id,
        data,
        tahun,
        terbit,
    })
}

/// What every page of one instansi (no year) needs, after the role check.
pub(super) struct LamanInstansi {
    pub k: t::Konteks,
    pub id: InstansiId,
    pub nama: String,
}

/// The frame of a page of one instansi without a year (audit trail, import): its selectors
/// and, when the caller may read its data, its years and the kabupaten above it.
pub(super) async fn siapkan_instansi(
    n: &Negara,
    sesi: &Sesi,
    id: &str,
    perlu: Tindakan,
) -> Result<LamanInstansi, GalatHttp> {
    let id = jalur::instansi(id)?;
    if !boleh(sesi.0.as_ref(), perlu, &id, false) {
        return Err(dilarang(sesi));
    }
    let mut k = konteks_dasar(sesi);
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
    if let Ok(d) = crate::baca::data_terlihat(n, sesi, &id).await {
        k.tahun_pilihan = tahun_pilihan(&d);
        k.tahun = k.tahun_pilihan.last().copied();
        k.kabupaten = kabupaten_di_atas(&d, &id);
    }
    Ok(LamanInstansi {
        nama: nama_dari(&id),
        k,
        id,
    })
}

pub(super) fn dilarang(sesi: &Sesi) -> GalatHttp {
    if sesi.0.is_none() {
        GalatHttp::baru(
            StatusCode::FORBIDDEN,
            "perlu_masuk",
            "halaman ini hanya untuk pengguna yang masuk, atau datanya belum diterbitkan; silakan masuk",
        )
    } else {
        GalatHttp::baru(
            StatusCode::FORBIDDEN,
            "dilarang",
            "peran Anda tidak mengizinkan tindakan ini",
        )
    }
}

/// What the user may do on an entry page of `l`.
pub(super) fn izin(sesi: &Sesi, l: &Laman) -> t::Izin {
    let p = sesi.0.as_ref();
    t::Izin {
        ubah: boleh(p, Tindakan::Ubah, &l.id, l.terbit),
        ajukan: boleh(p, Tindakan::Ajukan, &l.id, l.terbit),
        setujui: boleh(p, Tindakan::Setujui, &l.id, l.terbit),
        buka: boleh(p, Tindakan::Buka, &l.id, l.terbit),
    }
}

pub(super) fn html(s: String) -> Response {
    ([(CACHE_CONTROL, "no-store")], Html(s)).into_response()
}

pub(super) fn ke(alamat: &str) -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, alamat.to_string())]).into_response()
}

pub(super) async fn css() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        t::CSS,
    )
        .into_response()
}

pub(super) async fn tidak_ada() -> GalatHttp {
    GalatHttp::tidak_ada()
}

/// A form's fields, in order; a body that is not a form is a 400.
pub(super) fn isian_form(
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Vec<(String, String)>, GalatHttp> {
    form.map(|Form(v)| v).map_err(|e| {
        GalatHttp::baru(
            StatusCode::BAD_REQUEST,
            "permintaan_tidak_sah",
            format!("isian formulir tidak sah: {e}"),
        )
    })
}

/// A posted form of one instansi and year: its fields (400 if not a form), its CSRF token
/// checked (403), then the page context for `perlu` (the role policy), in that order.
pub(super) async fn kiriman(
    n: &Negara,
    sesi: &Sesi,
    id: &str,
    tahun: &str,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
    perlu: Tindakan,
) -> Result<(Vec<(String, String)>, Laman), GalatHttp> {
    let isian = isian_form(form)?;
    periksa_csrf(sesi, &isian)?;
    Ok((isian, siapkan(n, sesi, id, tahun, perlu).await?))
}

/// A posted multipart form: its text fields in order (each checked like any form field) and
/// its file field `berkas` (the client's file name, "berkas" without one, and the bytes).
pub(super) async fn baca_multipart(
    form: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(Vec<(String, String)>, Option<(String, Vec<u8>)>), GalatHttp> {
    let rusak = |pesan: String| {
        GalatHttp::baru(
            StatusCode::BAD_REQUEST,
            "permintaan_tidak_sah",
            format!("unggahan tidak dapat dibaca: {pesan}"),
        )
    };
    let mut form = form.map_err(|e| rusak(e.body_text()))?;
    let mut isian: Vec<(String, String)> = Vec::new();
    let mut berkas: Option<(String, Vec<u8>)> = None;
    while let Some(bagian) = form.next_field().await.map_err(|e| rusak(e.body_text()))? {
        let nama = bagian.name().unwrap_or_default().to_string();
        if nama == "berkas" {
            let nama_berkas = bagian.file_name().unwrap_or("berkas").to_string();
            let isi = bagian.bytes().await.map_err(|e| rusak(e.body_text()))?;
            berkas = Some((nama_berkas, isi.to_vec()));
        } else {
            let nilai = bagian.text().await.map_err(|e| rusak(e.body_text()))?;
            crate::masukan::periksa_teks(&nilai).map_err(|pesan| {
                GalatHttp::baru(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "isian_tidak_sah",
                    format!("{nama}: {pesan}"),
                )
            })?;
            isian.push((nama, nilai));
        }
    }
    Ok((isian, berkas))
}

/// Checks a form's CSRF token against the session's.
pub(super) fn periksa_csrf(sesi: &Sesi, isian: &[(String, String)]) -> Result<(), GalatHttp> {
    let dikirim = isian
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str());
    match &sesi.0 {
        Some(p) if !p.csrf.is_empty() && dikirim == Some(p.csrf.as_str()) => Ok(()),
        Some(_) => Err(GalatHttp::baru(
            StatusCode::FORBIDDEN,
            "csrf",
            "formulir kedaluwarsa atau tidak berasal dari halaman ini (CSRF); muat ulang halaman",
        )),
        None => Err(dilarang(sesi)),
    }
}

/// Who changed data through the web interface, for the audit trail.
pub(super) fn pelaku_web(sesi: &Sesi) -> Pelaku {
    Pelaku {
        pengguna: sesi.0.as_ref().map(|p| p.nama.clone()).unwrap_or_default(),
        sumber: "web".into(),
        hak: crate::akun::hak(sesi),
    }
}

/// After a save from an entry page: back to the page with the count (Post/Redirect/Get); or,
/// when the store refused the data, `Err` with the status of its reason (`crate::galat`), the
/// reason added to the page's messages, for the page to be shown again.
pub(super) fn setelah_simpan(
    hasil: Result<kinerja_simpan::Ringkasan, Galat>,
    l: &mut Laman,
    halaman: &str,
) -> Result<Result<Response, StatusCode>, GalatHttp> {
    match hasil {
        Ok(r) => Ok(Ok(ke(&format!(
            "/instansi/{}/tahun/{}/{halaman}?disimpan={}",
            l.id,
            l.tahun,
            r.ditambah + r.diubah
        )))),
        Err(
            e @ (Galat::TidakSah(_)
            | Galat::Terkunci(_)
            | Galat::PkTerkunci(_)
            | Galat::EvaluasiTerkunci(_)),
        ) => {
            let g = GalatHttp::from(e);
            l.k.pesan.push(t::Pesan {
                jenis: t::JenisPesan::Galat,
                teks: format!("tidak disimpan: {}", g.pesan),
            });
            Ok(Err(g.status))
        }
        Err(e) => Err(e.into()),
    }
}

/// After a save through `Toko::ubah_data` whose change refuses with field errors: `Ok` the
/// redirect back to the page (Post/Redirect/Get), or `Err` the errors beside the fields and
/// the status to show the page again with (a store's refusal is a message on the page).
pub(super) fn setelah_ubah(
    hasil: Result<kinerja_simpan::Ringkasan, kinerja_simpan::GagalUbah<Vec<t::KesalahanIsian>>>,
    l: &mut Laman,
    halaman: &str,
) -> Result<Result<Response, (Vec<t::KesalahanIsian>, StatusCode)>, GalatHttp> {
    use kinerja_simpan::GagalUbah;
    let simpan = match hasil {
        Ok(r) => Ok(r),
        Err(GagalUbah::Ditolak(k)) => return Ok(Err((k, StatusCode::UNPROCESSABLE_ENTITY))),
        Err(GagalUbah::Toko(g)) => Err(g),
    };
    Ok(setelah_simpan(simpan, l, halaman)?.map_err(|kode| (Vec::new(), kode)))
}

/// The value of the form field `nama` (empty when absent).
pub(super) fn medan<'a>(isian: &'a [(String, String)], nama: &str) -> &'a str {
    isian
        .iter()
        .find(|(k, _)| k == nama)
        .map_or("", |(_, v)| v.as_str())
}

/// Times print in WIB (UTC+7), the zone of most users; the audit trail stores UTC.
pub(super) fn waktu_wib(w: time::OffsetDateTime) -> String {
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

/// The flash messages after a redirect: `?disimpan=3`, `?catatan=1`, `?langkah=diajukan`.
#[derive(Deserialize, Default)]
pub(super) struct KueriPesan {
    disimpan: Option<usize>,
    dihapus: Option<usize>,
    langkah: Option<String>,
    catatan: Option<u8>,
}

pub(super) fn pesan_sukses(k: &mut t::Konteks, q: &KueriPesan) {
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
    if let Some(n) = q.dihapus {
        k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: if n == 0 {
                "tidak ada nilai yang dihapus".into()
            } else {
                format!("{n} nilai dihapus; nilai lamanya tetap tercatat di jejak audit")
            },
        });
    }
    if q.catatan.is_some() {
        k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: "catatan pereviu disimpan".into(),
        });
    }
    // Only a known step names the banner: text from the address is never echoed.
    let langkah = match q.langkah.as_deref() {
        Some("diajukan") => Some("periode berhasil diajukan"),
        Some("disetujui") => Some("periode berhasil disetujui"),
        Some("dibuka") => Some("periode berhasil dibuka kembali"),
        _ => None,
    };
    if let Some(teks) = langkah {
        k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: teks.into(),
        });
    }
}
