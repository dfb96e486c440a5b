//! Set-up shared by the web tests: a store holding the bundled example, and accounts with a
//! live session. Each test file uses part of it.
#![allow(dead_code)]

use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_simpan::akun::Akun;
use kinerja_simpan::{Hak, ModeImpor, Pelaku, Toko};
use kinerja_web::akun::{digest, token_acak};
use std::path::Path;

/// The bundled example (Kecamatan Mumbulsari, LKjIP 2020).
pub fn contoh() -> DataInstansi {
    kinerja_berkas::baca(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"))
        .unwrap()
}

/// Who the set-up writes as: the command line's rights.
pub fn pelaku() -> Pelaku {
    Pelaku {
        pengguna: "uji".into(),
        sumber: "uji".into(),
        hak: Hak::Semua,
    }
}

/// A store at `url` holding the example (not published).
pub async fn toko_contoh(url: &str) -> Toko {
    let toko = Toko::buka(url).await.unwrap();
    toko.impor(&contoh(), None, ModeImpor::Gabung, &pelaku())
        .await
        .unwrap();
    toko
}

/// Adds an account (`peran` of `instansi`, password hash `hash`) and a session of one hour;
/// returns the session cookie's value and its CSRF token.
pub async fn akun_bersesi(
    toko: &Toko,
    nama: &str,
    peran: &str,
    instansi: Option<&str>,
    hash: String,
) -> (String, String) {
    toko.tambah_akun(
        &Akun {
            nama: nama.into(),
            hash,
            peran: peran.into(),
            instansi: instansi.map(|i| InstansiId::new(i).unwrap()),
        },
        &pelaku(),
    )
    .await
    .unwrap();
    let (token, csrf) = (token_acak(), token_acak());
    let kedaluwarsa = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    toko.buat_sesi(&digest(&token), nama, &csrf, kedaluwarsa)
        .await
        .unwrap();
    (token, csrf)
}
