//! `kinerja pengguna`: its arguments, accounts (`tambah`), and API tokens (`token`,
//! `daftar-token`, `cabut-token`): programs
//! send a token (`Authorization: Bearer`) instead of a password, so that no request of theirs
//! costs the server a password hash, and a token can be revoked without changing a password.

use crate::basis::{buka, jalan, pelaku};
use crate::tampil::{self, Format};
use kinerja_simpan::akun::{CabutToken, TokenApi};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::galat::GalatPerintah;
use clap::Subcommand;
#[derive(Subcommand)]
pub(crate) enum PerintahPengguna {
    /// Membuat akun. Kata sandi dibaca dari masukan standar (satu baris) atau ditanyakan;
    /// tidak pernah dari baris perintah.
    Tambah(ArgPenggunaTambah),
    /// Membuat token API untuk program (dikirim sebagai `Authorization: Bearer`), menggantikan
    /// kata sandi. Token dicetak sekali; yang disimpan hanya SHA-256-nya.
    Token(ArgToken),
    /// Daftar token API: label, waktu dibuat, terakhir dipakai, dicabut (tanpa tokennya)
    DaftarToken(ArgDaftarToken),
    /// Mencabut token API: satu (--id) atau semua milik seorang pengguna (--nama)
    CabutToken(ArgCabutToken),
}

#[derive(clap::Args)]
pub(crate) struct ArgToken {
    #[command(flatten)]
    basis: crate::ArgBasis,
    /// Pengguna pemilik token; program memakai perannya
    #[arg(long)]
    nama: String,
    /// Untuk apa token ini (mis. "sinkron SIPD"), agar dapat dikenali saat dicabut
    #[arg(long, default_value = "")]
    label: String,
}

#[derive(clap::Args)]
pub(crate) struct ArgDaftarToken {
    #[command(flatten)]
    basis: crate::ArgBasis,
    /// Hanya token pengguna ini
    #[arg(long)]
    nama: Option<String>,
    #[arg(long, value_enum, default_value = "tabel")]
    format: Format,
}

#[derive(clap::Args)]
pub(crate) struct ArgCabutToken {
    #[command(flatten)]
    basis: crate::ArgBasis,
    /// Id token (lihat `kinerja pengguna daftar-token`)
    #[arg(long, conflicts_with = "nama")]
    id: Option<i64>,
    /// Cabut semua token yang masih berlaku milik pengguna ini
    #[arg(long)]
    nama: Option<String>,
}

#[derive(clap::Args)]
pub(crate) struct ArgPenggunaTambah {
    #[command(flatten)]
    basis: crate::ArgBasis,
    /// Nama pengguna untuk masuk
    #[arg(long)]
    nama: String,
    /// admin, operator, pimpinan atau pereviu
    #[arg(long)]
    peran: String,
    /// Instansi (wajib untuk operator dan pimpinan)
    #[arg(long)]
    instansi: Option<String>,
}

/// `kinerja pengguna …`: what the command prints.
pub(crate) fn jalankan(p: PerintahPengguna) -> Result<String, GalatPerintah> {
    Ok(match p {
        PerintahPengguna::Tambah(a) => crate::basis::tambah_pengguna(
            a.basis.db.as_deref(),
            &a.nama,
            &a.peran,
            a.instansi.as_deref(),
        )?,
        PerintahPengguna::Token(a) => {
            token(a.basis.db.as_deref(), &a.nama, &a.label).map_err(GalatPerintah::masukan)?
        }
        PerintahPengguna::DaftarToken(a) => {
            daftar(a.basis.db.as_deref(), a.nama.as_deref(), a.format)
                .map_err(GalatPerintah::masukan)?
        }
        PerintahPengguna::CabutToken(a) => {
            cabut(a.basis.db.as_deref(), a.id, a.nama.as_deref()).map_err(GalatPerintah::masukan)?
        }
    })
}

/// Makes a token; standard output gets the token alone (for a script to capture), standard
/// error says that it is shown only this once.
pub fn token(db: Option<&str>, nama: &str, label: &str) -> Result<String, String> {
    let token = kinerja_web::akun::token_api_baru();
    let digest = kinerja_web::akun::digest(&token);
    let id = jalan(async {
        let t = buka(db).await.map_err(|e| e.to_string())?;
        let r = t
            .tambah_token(
                nama,
                &digest,
                label,
                &pelaku(None, "kinerja pengguna token".into()),
            )
            .await
            .map_err(|e| e.to_string());
        t.tutup().await;
        r
    })?;
    eprintln!(
        "token API {id} untuk \"{nama}\" dibuat. Simpan sekarang: token ini tidak dapat \
         ditampilkan lagi. Kirim sebagai `Authorization: Bearer <token>`; cabut dengan \
         `kinerja pengguna cabut-token --id {id}`."
    );
    Ok(format!("{token}\n"))
}

pub fn daftar(db: Option<&str>, nama: Option<&str>, format: Format) -> Result<String, String> {
    let v = jalan(async {
        let t = buka(db).await.map_err(|e| e.to_string())?;
        let r = t.daftar_token(nama).await.map_err(|e| e.to_string());
        t.tutup().await;
        r
    })?;
    let waktu = |w: OffsetDateTime| w.format(&Rfc3339).unwrap_or_default();
    if matches!(format, Format::Json) {
        let j: Vec<serde_json::Value> = v
            .iter()
            .map(|k| {
                serde_json::json!({
                    "id": k.id, "pengguna": k.pengguna, "label": k.label,
                    "dibuat": waktu(k.dibuat), "terakhir": k.terakhir.map(waktu),
                    "dicabut": k.dicabut.map(waktu),
                })
            })
            .collect();
        return Ok(serde_json::to_string_pretty(&j).expect("JSON") + "\n");
    }
    let kepala = [
        "Id",
        "Pengguna",
        "Label",
        "Dibuat (UTC)",
        "Terakhir dipakai",
        "Dicabut",
    ]
    .map(tampil::kiri);
    let baris: Vec<Vec<String>> = v
        .iter()
        .map(|k: &TokenApi| {
            vec![
                k.id.to_string(),
                k.pengguna.clone(),
                k.label.clone(),
                waktu(k.dibuat),
                k.terakhir.map(waktu).unwrap_or_default(),
                k.dicabut.map(waktu).unwrap_or_default(),
            ]
        })
        .collect();
    match format {
        Format::Csv => tampil::csv(&kepala, &baris).map_err(|e| e.to_string()),
        _ if v.is_empty() => Ok("belum ada token API\n".into()),
        _ => Ok(tampil::tabel(&kepala, &baris)),
    }
}

/// Revokes one token (`id`) or every valid token of an account (`nama`).
pub fn cabut(db: Option<&str>, id: Option<i64>, nama: Option<&str>) -> Result<String, String> {
    let apa = match (id, nama) {
        (Some(id), None) => CabutToken::Satu(id),
        (None, Some(n)) => CabutToken::SemuaMilik(n),
        _ => {
            return Err(
                "sebutkan salah satu: --id N (satu token) atau --nama (semua token)".into(),
            );
        }
    };
    let n = jalan(async {
        let t = buka(db).await.map_err(|e| e.to_string())?;
        let r = t
            .cabut_token(apa, &pelaku(None, "kinerja pengguna cabut-token".into()))
            .await
            .map_err(|e| e.to_string());
        t.tutup().await;
        r
    })?;
    Ok(match apa {
        CabutToken::Satu(id) => format!("token {id} dicabut\n"),
        CabutToken::SemuaMilik(nama) => format!("{n} token milik \"{nama}\" dicabut\n"),
    })
}
