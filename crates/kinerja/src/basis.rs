//! The database commands (`impor`, `ekspor`, `instansi`, `jejak`, `cadangan`) and loading data from a
//! database for the others. The store is async (sqlx); a command runs it on a small runtime.

use crate::galat::GalatPerintah;
use crate::tampil::{self, Format};
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_simpan::{Hak, JenisBasis, ModeImpor, Pelaku, Toko};
use std::path::Path;

pub fn jalan<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(f)
}

/// The server: a runtime with a worker per core.
pub fn jalan_server<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(f)
}

/// The database: `--db`, else `$KINERJA_DB`, else `kinerja.db` in the working directory (a
/// kecamatan's laptop keeps its data next to its files).
pub fn url(db: Option<&str>) -> String {
    db.map(str::to_string)
        .or_else(|| std::env::var("KINERJA_DB").ok())
        .unwrap_or_else(|| "kinerja.db".to_string())
}

pub fn instansi_id(s: &str) -> Result<InstansiId, GalatPerintah> {
    InstansiId::new(s).map_err(|e| GalatPerintah::masukan(format!("--instansi: {e}")))
}

pub async fn buka(db: Option<&str>) -> Result<Toko, GalatPerintah> {
    let u = url(db);
    Toko::buka(&u)
        .await
        .map_err(|e| GalatPerintah::masukan(format!("tidak dapat membuka basis data {u}: {e}")))
}

pub fn pelaku(oleh: Option<&str>, sumber: String) -> Pelaku {
    Pelaku {
        pengguna: oleh
            .map(str::to_string)
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| "cli".into()),
        sumber,
        // Whoever runs the command holds the database itself.
        hak: Hak::Semua,
    }
}

pub fn muat(db: Option<&str>, instansi: &str) -> Result<DataInstansi, GalatPerintah> {
    let id = instansi_id(instansi)?;
    jalan(async {
        let t = buka(db).await?;
        let d = t.muat(&id).await.map_err(GalatPerintah::masukan);
        t.tutup().await;
        d
    })
}

/// The stored data sets of the predecessors of `instansi` (`data` is its data set) when a
/// reorganisation formed it, back along every chain (`reorganisasi::pendahulu`); a
/// predecessor with no data set in the store is left out (the report names it as absent).
pub async fn pendahulu_di(
    t: &Toko,
    data: &DataInstansi,
    instansi: &InstansiId,
) -> Result<Vec<(InstansiId, DataInstansi)>, GalatPerintah> {
    let asal = kinerja_core::reorganisasi::pendahulu(&data.reorganisasi, instansi);
    if asal.is_empty() {
        return Ok(Vec::new());
    }
    let pelapor = t.daftar_pelapor().await.map_err(GalatPerintah::masukan)?;
    let mut v = Vec::new();
    for p in asal {
        if pelapor.contains(&p) {
            let d = t.muat(&p).await.map_err(GalatPerintah::masukan)?;
            v.push((p, d));
        }
    }
    Ok(v)
}

/// [`pendahulu_di`] on the database `db`.
pub fn muat_pendahulu(
    db: Option<&str>,
    data: &DataInstansi,
    instansi: &str,
) -> Result<Vec<(InstansiId, DataInstansi)>, GalatPerintah> {
    let id = instansi_id(instansi)?;
    jalan(async {
        let t = buka(db).await?;
        let hasil = pendahulu_di(&t, data, &id).await;
        t.tutup().await;
        hasil
    })
}

/// The data sets of every reporting instansi below `instansi` (its OPDs, at any depth), for the
/// pemda reviu of a stored pemda.
pub fn muat_bawahan(db: Option<&str>, instansi: &str) -> Result<Vec<DataInstansi>, GalatPerintah> {
    let id = instansi_id(instansi)?;
    jalan(async {
        let t = buka(db).await?;
        let hasil = async {
            let semua = t.daftar_instansi().await?;
            let bawah: Vec<InstansiId> = kinerja_core::hierarki::keturunan(&semua, &id)
                .into_iter()
                .map(|i| i.id.clone())
                .collect();
            let mut v = Vec::new();
            for p in t.daftar_pelapor().await? {
                if bawah.contains(&p) {
                    v.push(t.muat(&p).await?);
                }
            }
            Ok::<_, kinerja_simpan::Galat>(v)
        }
        .await
        .map_err(GalatPerintah::masukan);
        t.tutup().await;
        hasil
    })
}

pub fn impor(
    data: &Path,
    db: Option<&str>,
    instansi: Option<&str>,
    ganti: bool,
    oleh: Option<&str>,
) -> Result<String, GalatPerintah> {
    let d = kinerja_berkas::baca(data).map_err(GalatPerintah::masukan)?;
    let pelapor = instansi.map(instansi_id).transpose()?;
    let mode = if ganti {
        ModeImpor::Ganti
    } else {
        ModeImpor::Gabung
    };
    let p = pelaku(oleh, format!("impor {}", data.display()));
    jalan(async {
        let t = buka(db).await?;
        let hasil = t.impor(&d, pelapor.as_ref(), mode, &p).await;
        let backend = t.kolam().nama_backend();
        t.tutup().await;
        let (id, r) = hasil.map_err(|e| {
            GalatPerintah::ditolak(format!("impor dibatalkan, tidak ada yang berubah: {e}"))
        })?;
        Ok(hasil_impor(&id, &r, backend))
    })
}

/// Imports several data sets (each a file or folder) one after another, each in its own
/// transaction, with a progress bar (`kemajuan`). The first refusal stops the run: the data sets
/// before it stay imported, and the message names them and the refused one.
pub fn impor_banyak(
    semua: &[std::path::PathBuf],
    db: Option<&str>,
    ganti: bool,
    oleh: Option<&str>,
    diam: bool,
) -> Result<String, GalatPerintah> {
    let mode = if ganti {
        ModeImpor::Ganti
    } else {
        ModeImpor::Gabung
    };
    jalan(async {
        let t = buka(db).await?;
        let backend = t.kolam().nama_backend();
        let bar = crate::kemajuan::batang(semua.len(), "data", diam);
        let mut keluaran = String::new();
        for (i, data) in semua.iter().enumerate() {
            bar.set_message(data.display().to_string());
            let hasil = match kinerja_berkas::baca(data) {
                Ok(d) => {
                    let p = pelaku(oleh, format!("impor {}", data.display()));
                    t.impor(&d, None, mode, &p).await.map_err(|e| e.to_string())
                }
                Err(e) => Err(e.to_string()),
            };
            match hasil {
                Ok((id, r)) => keluaran.push_str(&hasil_impor(&id, &r, backend)),
                Err(e) => {
                    bar.abandon();
                    t.tutup().await;
                    return Err(GalatPerintah::ditolak(format!(
                        "{keluaran}impor {} dibatalkan, data itu tidak berubah: {e}
                         ({i} data sebelumnya sudah diimpor; {} berikutnya tidak)",
                        data.display(),
                        semua.len() - i - 1
                    )));
                }
            }
            bar.inc(1);
        }
        bar.finish_and_clear();
        t.tutup().await;
        Ok(keluaran)
    })
}

/// What an import did, for the terminal.
pub fn hasil_impor(id: &InstansiId, r: &kinerja_simpan::Ringkasan, backend: &str) -> String {
    if r.tidak_berubah() {
        format!(
            "{id}: tidak ada perubahan ({} rekaman sudah sama) di {backend}\n",
            r.tetap
        )
    } else {
        format!(
            "{id}: {} ditambah, {} diubah, {} dihapus, {} tetap ({backend}; tercatat di jejak audit)\n",
            r.ditambah, r.diubah, r.dihapus, r.tetap
        )
    }
}

pub fn ekspor(
    db: Option<&str>,
    instansi: &str,
    tahun: Option<u16>,
    keluaran: &Path,
) -> Result<String, GalatPerintah> {
    let d = muat(db, instansi)?;
    let d = match tahun {
        Some(t) => {
            let t = Tahun::new(t.into()).map_err(GalatPerintah::masukan)?;
            kinerja_simpan::rekaman::sampai_tahun(&d, t)
        }
        None => d,
    };
    kinerja_berkas::tulis(&d, keluaran).map_err(GalatPerintah::masukan)?;
    Ok(format!(
        "{} ditulis: {} indikator, {} target, {} realisasi, {} pos anggaran\n",
        keluaran.display(),
        d.indikator.len(),
        d.target.len(),
        d.realisasi.len(),
        d.anggaran.len()
    ))
}

pub fn daftar_instansi(db: Option<&str>, format: Format) -> Result<String, GalatPerintah> {
    let (semua, pelapor) = jalan(async {
        let t = buka(db).await?;
        let s = t.daftar_instansi().await.map_err(GalatPerintah::masukan)?;
        let p = t.daftar_pelapor().await.map_err(GalatPerintah::masukan)?;
        t.tutup().await;
        Ok::<_, GalatPerintah>((s, p))
    })?;
    let jenis = |j: &kinerja_core::model::JenisInstansi| {
        serde_json::to_value(j)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let kepala = [
        tampil::kiri("Id"),
        tampil::kiri("Nama"),
        tampil::kiri("Jenis"),
        tampil::kiri("Induk"),
        tampil::kiri("Data"),
    ];
    let baris: Vec<Vec<String>> = semua
        .iter()
        .map(|i| {
            vec![
                i.id.to_string(),
                i.nama.clone(),
                jenis(&i.jenis),
                i.induk.as_ref().map(|x| x.to_string()).unwrap_or_default(),
                if pelapor.contains(&i.id) { "ya" } else { "" }.to_string(),
            ]
        })
        .collect();
    Ok(match format {
        Format::Json => {
            let v: Vec<serde_json::Value> = semua
                .iter()
                .map(|i| {
                    serde_json::json!({
                        "id": i.id, "nama": i.nama, "jenis": i.jenis, "induk": i.induk,
                        "kode": i.kode, "punya_data": pelapor.contains(&i.id),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&v).expect("JSON") + "\n"
        }
        Format::Csv => tampil::csv(&kepala, &baris).map_err(GalatPerintah::masukan)?,
        Format::Tabel => {
            if semua.is_empty() {
                "basis data belum berisi instansi; muat data dengan `kinerja impor DATA`\n".into()
            } else {
                tampil::tabel(&kepala, &baris)
            }
        }
    })
}

pub fn jejak(
    db: Option<&str>,
    instansi: &str,
    tabel: Option<&str>,
    kunci: Option<&str>,
    batas: i64,
    format: Format,
) -> Result<String, GalatPerintah> {
    let id = instansi_id(instansi)?;
    let baris = jalan(async {
        let t = buka(db).await?;
        let j = t
            .jejak(&id, tabel, kunci, batas)
            .await
            .map_err(GalatPerintah::masukan);
        t.tutup().await;
        j
    })?;
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&baris).expect("JSON") + "\n",
        _ => {
            let kepala = [
                "Waktu (UTC)",
                "Pengguna",
                "Aksi",
                "Tabel",
                "Kunci",
                "Lama",
                "Baru",
            ]
            .map(tampil::kiri);
            let isi = |v: &Option<serde_json::Value>| {
                v.as_ref().map(|v| v.to_string()).unwrap_or_default()
            };
            let b: Vec<Vec<String>> = baris
                .iter()
                .map(|j| {
                    vec![
                        j.waktu
                            .format(&time::format_description::well_known::Rfc3339)
                            .unwrap_or_default(),
                        j.pengguna.clone(),
                        j.aksi.clone(),
                        j.tabel.clone(),
                        j.kunci.clone(),
                        isi(&j.lama),
                        isi(&j.baru),
                    ]
                })
                .collect();
            if matches!(format, Format::Csv) {
                tampil::csv(&kepala, &b).map_err(GalatPerintah::masukan)?
            } else {
                tampil::tabel(&kepala, &b)
            }
        }
    })
}

/// `kinerja cadangan`: an SQLite database copied while it may be in use. PostgreSQL is backed
/// up with its own tool; the message says how.
pub fn cadangan(db: Option<&str>, keluaran: &Path) -> Result<String, GalatPerintah> {
    let u = url(db);
    if JenisBasis::dari_url(&u) == JenisBasis::Postgres {
        return Err(GalatPerintah::masukan(format!(
            "basis data PostgreSQL dicadangkan dengan pg_dump, mis.\n  \
             pg_dump --format=custom --file {} '{u}'\n\
             dan dipulihkan ke basis data kosong dengan\n  \
             pg_restore --dbname 'postgres://.../kinerja_baru' {}",
            keluaran.display(),
            keluaran.display()
        )));
    }
    jalan(kinerja_simpan::cadangkan(&u, keluaran))
        .map_err(|e| GalatPerintah::masukan(format!("tidak dapat mencadangkan {u}: {e}")))?;
    Ok(format!(
        "{u} dicadangkan ke {} ({} bait); pulihkan dengan --db {}\n",
        keluaran.display(),
        std::fs::metadata(keluaran).map(|m| m.len()).unwrap_or(0),
        keluaran.display()
    ))
}

/// Reads the password: one line from standard input when it is not a terminal (scripts),
/// else asked twice without echo.
fn baca_sandi() -> Result<String, String> {
    use std::io::{BufRead, IsTerminal};
    let sandi = if std::io::stdin().is_terminal() {
        let a = rpassword::prompt_password("Kata sandi: ").map_err(|e| e.to_string())?;
        let b = rpassword::prompt_password("Ulangi kata sandi: ").map_err(|e| e.to_string())?;
        if a != b {
            return Err("kedua kata sandi tidak sama".into());
        }
        a
    } else {
        let mut baris = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut baris)
            .map_err(|e| e.to_string())?;
        baris.trim_end_matches(['\n', '\r']).to_string()
    };
    if sandi.chars().count() < 10 {
        return Err("kata sandi minimal 10 karakter".into());
    }
    Ok(sandi)
}

pub fn tambah_pengguna(
    db: Option<&str>,
    nama: &str,
    peran: &str,
    instansi: Option<&str>,
) -> Result<String, GalatPerintah> {
    use kinerja_web::akun::Peran;
    let p = Peran::parse(peran).ok_or_else(|| {
        GalatPerintah::masukan(format!(
            "peran \"{peran}\" tidak dikenal: admin, operator, pimpinan atau pereviu"
        ))
    })?;
    if nama.is_empty() || nama.len() > 64 || nama.chars().any(|c| c.is_whitespace() || c == ':') {
        return Err(GalatPerintah::masukan(
            "nama pengguna: 1-64 karakter, tanpa spasi dan titik dua",
        ));
    }
    let instansi = match (p.perlu_instansi(), instansi) {
        (true, None) => {
            return Err(GalatPerintah::masukan(format!(
                "peran {peran} perlu --instansi"
            )));
        }
        (false, Some(_)) => {
            return Err(GalatPerintah::masukan(format!(
                "peran {peran} berlaku untuk semua instansi: tanpa --instansi"
            )));
        }
        (_, i) => i.map(instansi_id).transpose()?,
    };
    let sandi = baca_sandi().map_err(GalatPerintah::Masukan)?;
    let hash = kinerja_web::akun::hash_sandi(&sandi).map_err(GalatPerintah::Masukan)?;
    let akun = kinerja_simpan::akun::Akun {
        nama: nama.to_string(),
        hash,
        peran: p.nama().to_string(),
        instansi,
    };
    jalan(async {
        let t = buka(db).await?;
        let r = t
            .tambah_akun(&akun, &pelaku(None, "kinerja pengguna tambah".into()))
            .await
            .map_err(GalatPerintah::masukan);
        t.tutup().await;
        r
    })?;
    Ok(format!("akun \"{nama}\" ({}) dibuat\n", p.label()))
}
