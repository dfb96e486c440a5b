//! The database commands on both backends (a fresh SQLite file and a fresh PostgreSQL database;
//! see `kinerja_simpan::uji`): import, export, the same figures from a file and from a database,
//! a bad file that changes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
mod buku_kerja_pemda;

fn contoh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari")
}

fn kinerja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env_remove("KINERJA_DB")
        .output()
        .expect("run kinerja")
}

fn ok(args: &[&str]) -> String {
    let o = kinerja(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn basis() -> Vec<kinerja_simpan::uji::Basis> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(kinerja_simpan::uji::semua_basis())
}

fn selesai(b: kinerja_simpan::uji::Basis) {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(b.selesai())
}

#[test]
fn import_export_and_the_same_answers_from_a_database() {
    let c = contoh();
    let c = c.to_str().unwrap();
    for b in basis() {
        let db = b.url.as_str();
        let s = ok(&["impor", c, "--db", db, "--oleh", "operator"]);
        // 310 records: every row of every table of the example (pecah counts them; the number
        // is the sum of the table sizes listed in contoh/mumbulsari).
        assert!(
            s.contains("mumbulsari: 310 ditambah, 0 diubah, 0 dihapus"),
            "{}: {s}",
            b.nama
        );
        let s = ok(&["impor", c, "--db", db]);
        assert!(
            s.contains("tidak ada perubahan (310 rekaman sudah sama)"),
            "{s}"
        );

        for cmd in ["capaian", "anggaran"] {
            for format in ["tabel", "json", "csv"] {
                let dari_berkas = ok(&[cmd, c, "--tahun", "2020", "--format", format]);
                let dari_basis = ok(&[
                    cmd,
                    "--db",
                    db,
                    "--instansi",
                    "mumbulsari",
                    "--tahun",
                    "2020",
                    "--format",
                    format,
                ]);
                assert_eq!(dari_berkas, dari_basis, "{} {cmd} {format}", b.nama);
            }
        }
        // The seed's figures, from the database: capaian 88,61 % (70,89 / 80) and the total
        // pagu 1.674.830.966,58.
        let s = ok(&["capaian", "--db", db, "--instansi", "mumbulsari"]);
        assert!(s.contains("88,61 %"), "{s}");
        let s = ok(&["anggaran", "--db", db, "--instansi", "mumbulsari"]);
        assert!(s.contains("1.674.830.966,58"), "{s}");

        let dir =
            std::env::temp_dir().join(format!("kinerja-ekspor-{}-{}", std::process::id(), b.nama));
        std::fs::create_dir_all(&dir).unwrap();
        let keluar = dir.join("mumbulsari.toml");
        ok(&[
            "ekspor",
            "--db",
            db,
            "--instansi",
            "mumbulsari",
            "-o",
            keluar.to_str().unwrap(),
        ]);
        assert_eq!(
            kinerja_berkas::baca(&keluar).unwrap(),
            kinerja_berkas::baca(Path::new(c)).unwrap(),
            "{}: file → database → file",
            b.nama
        );

        let j: serde_json::Value =
            serde_json::from_str(&ok(&["instansi", "--db", db, "--format", "json"])).unwrap();
        let ids: Vec<&str> = j
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 9);
        assert_eq!(ids[0], "jember");

        let j: serde_json::Value = serde_json::from_str(&ok(&[
            "jejak",
            "--db",
            db,
            "--instansi",
            "mumbulsari",
            "--format",
            "json",
            "--batas",
            "1000",
        ]))
        .unwrap();
        let j = j.as_array().unwrap();
        assert_eq!(j.len(), 310);
        assert!(
            j.iter()
                .all(|x| x["pengguna"] == "operator" && x["aksi"] == "tambah")
        );
        std::fs::remove_dir_all(&dir).ok();
        selesai(b);
    }
}

#[test]
fn a_bad_file_changes_nothing_and_names_the_place() {
    let c = contoh();
    for b in basis() {
        let db = b.url.as_str();
        ok(&["impor", c.to_str().unwrap(), "--db", db]);
        let dir =
            std::env::temp_dir().join(format!("kinerja-buruk-{}-{}", std::process::id(), b.nama));
        std::fs::create_dir_all(&dir).unwrap();
        let data = kinerja_berkas::baca(&c).unwrap();
        let mut teks = kinerja_berkas::ke_toml(&data).unwrap();
        // Change a budget line (a valid change) and add a realisasi whose value is not a number
        // the way Indonesians write it.
        teks = teks.replacen("pagu = \"1.274.830.966,58\"", "pagu = \"1.000,00\"", 1);
        teks.push_str("\n[[realisasi]]\nindikator = \"IK-1\"\ntahun = 2020\nperiode = \"tw1\"\nnilai = \"12.5.0\"\n");
        let berkas = dir.join("buruk.toml");
        std::fs::write(&berkas, teks).unwrap();
        let o = kinerja(&["impor", berkas.to_str().unwrap(), "--db", db]);
        assert_eq!(o.status.code(), Some(2));
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains("buruk.toml:") && e.contains("12.5.0"), "{e}");
        let s = ok(&["anggaran", "--db", db, "--instansi", "mumbulsari"]);
        assert!(s.contains("1.674.830.966,58"), "nothing changed: {s}");
        let j: serde_json::Value = serde_json::from_str(&ok(&[
            "jejak",
            "--db",
            db,
            "--instansi",
            "mumbulsari",
            "--format",
            "json",
            "--batas",
            "1000",
        ]))
        .unwrap();
        assert_eq!(j.as_array().unwrap().len(), 310);
        std::fs::remove_dir_all(&dir).ok();
        selesai(b);
    }
}

#[test]
fn database_arguments_are_checked() {
    let o = kinerja(&["capaian", "--db", "/tmp/x.db"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--db perlu --instansi"));
    let o = kinerja(&["capaian", "x.toml", "--instansi", "mumbulsari"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("pilih salah satu"));
}

fn kinerja_stdin(args: &[&str], masukan: &str) -> Output {
    use std::io::Write;
    let mut c = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env_remove("KINERJA_DB")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin
        .take()
        .unwrap()
        .write_all(masukan.as_bytes())
        .unwrap();
    c.wait_with_output().unwrap()
}

#[test]
fn accounts_are_made_with_a_password_from_standard_input() {
    let b = basis().remove(0);
    let db = b.url.as_str();
    ok(&["impor", contoh().to_str().unwrap(), "--db", db]);
    let tambah = |args: &[&str], sandi: &str| {
        let mut a = vec!["pengguna", "tambah", "--db", db];
        a.extend_from_slice(args);
        kinerja_stdin(&a, sandi)
    };
    let o = tambah(
        &[
            "--nama",
            "siti",
            "--peran",
            "operator",
            "--instansi",
            "mumbulsari",
        ],
        "sandi-siti-2020\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("akun \"siti\" (Operator) dibuat"));
    let gagal = [
        (
            vec!["--nama", "siti", "--peran", "admin"],
            "sandi-lain-2020\n",
            "sudah ada",
        ),
        (
            vec!["--nama", "budi", "--peran", "operator"],
            "sandi-budi-2020\n",
            "perlu --instansi",
        ),
        (
            vec![
                "--nama",
                "budi",
                "--peran",
                "admin",
                "--instansi",
                "mumbulsari",
            ],
            "sandi-budi-2020\n",
            "tanpa --instansi",
        ),
        (
            vec!["--nama", "budi", "--peran", "bupati"],
            "sandi-budi-2020\n",
            "tidak dikenal",
        ),
        (
            vec!["--nama", "budi", "--peran", "admin"],
            "pendek\n",
            "minimal 10",
        ),
        (
            vec![
                "--nama",
                "budi",
                "--peran",
                "operator",
                "--instansi",
                "kalisat",
            ],
            "sandi-budi-2020\n",
            "tidak ada",
        ),
    ];
    for (args, sandi, pesan) in gagal {
        let o = tambah(&args, sandi);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains(pesan), "{args:?}: {e}");
    }
    // The hash, never the password, is stored; the account's creation is in the audit trail.
    let j: serde_json::Value = serde_json::from_str(&ok(&[
        "jejak",
        "--db",
        db,
        "--instansi",
        "mumbulsari",
        "--tabel",
        "pengguna",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(j[0]["baru"]["nama"], "siti");
    assert!(!j.to_string().contains("sandi-siti"));
    selesai(b);
}

#[test]
fn a_backup_opens_as_the_same_database_and_never_overwrites() {
    let b = basis().remove(0);
    let db = b.url.as_str();
    ok(&["impor", contoh().to_str().unwrap(), "--db", db]);
    let cadangan = format!("{db}-cadangan.db");
    // The database named by $KINERJA_DB when there is no --db.
    let o = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["cadangan", "-o", &cadangan])
        .env("KINERJA_DB", db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(&format!("pulihkan dengan --db {cadangan}"))
    );
    // Restoring is opening the copy: the same figures and the same audit trail.
    for args in [
        vec!["capaian", "--instansi", "mumbulsari", "--format", "json"],
        vec!["anggaran", "--instansi", "mumbulsari", "--format", "json"],
        vec!["jejak", "--instansi", "mumbulsari", "--format", "json"],
    ] {
        let dari = |basis: &str| {
            let mut a = args.clone();
            a.extend(["--db", basis]);
            ok(&a)
        };
        assert_eq!(dari(db), dari(&cadangan), "{args:?}");
    }
    let o = kinerja(&["cadangan", "--db", db, "-o", &cadangan]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("sudah ada"));
    // PostgreSQL has pg_dump; the command says how, and writes nothing.
    let lain = format!("{db}-pg.dump");
    let o = kinerja(&[
        "cadangan",
        "--db",
        "postgres://u@127.0.0.1/kinerja",
        "-o",
        &lain,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("pg_dump --format=custom") && e.contains("pg_restore"),
        "{e}"
    );
    assert!(!Path::new(&lain).exists());
    std::fs::remove_file(&cadangan).unwrap();
    selesai(b);
}

#[test]
fn api_tokens_are_shown_once_stored_as_digests_and_revocable() {
    use sha2::{Digest, Sha256};
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for b in basis() {
        let db = b.url.as_str();
        ok(&["impor", contoh().to_str().unwrap(), "--db", db]);
        let o = kinerja_stdin(
            &[
                "pengguna", "tambah", "--db", db, "--nama", "siti", "--peran", "operator",
            ],
            "sandi-siti-2020\n",
        );
        assert_eq!(o.status.code(), Some(2), "operator needs --instansi");
        let o = kinerja_stdin(
            &[
                "pengguna",
                "tambah",
                "--db",
                db,
                "--nama",
                "siti",
                "--peran",
                "operator",
                "--instansi",
                "mumbulsari",
            ],
            "sandi-siti-2020\n",
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let o = kinerja(&[
            "pengguna",
            "token",
            "--db",
            db,
            "--nama",
            "siti",
            "--label",
            "sinkron SIPD",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        // Standard output is the token alone: "knj_" and 64 hex digits.
        let token = String::from_utf8(o.stdout).unwrap().trim_end().to_string();
        assert!(token.starts_with("knj_") && token.len() == 68, "{token}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("tidak dapat ditampilkan lagi"));
        let digest: String = Sha256::digest(token.as_bytes())
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect();
        let akun_token = |d: &str| {
            rt.block_on(async {
                let t = kinerja_simpan::Toko::buka(db).await.unwrap();
                let a = t.akun_token(d).await.unwrap();
                t.tutup().await;
                a.map(|a| a.nama)
            })
        };
        assert_eq!(akun_token(&digest), Some("siti".to_string()), "{}", b.nama);

        let j: serde_json::Value = serde_json::from_str(&ok(&[
            "pengguna",
            "daftar-token",
            "--db",
            db,
            "--format",
            "json",
        ]))
        .unwrap();
        assert_eq!(j[0]["pengguna"], "siti");
        assert_eq!(j[0]["label"], "sinkron SIPD");
        assert!(j[0]["terakhir"].is_string(), "used just now: {j}");
        assert!(j[0]["dicabut"].is_null());
        assert!(!j.to_string().contains(&token[4..]) && !j.to_string().contains(&digest));
        let id = j[0]["id"].to_string();

        let o = kinerja(&["pengguna", "token", "--db", db, "--nama", "tidak-ada"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("tidak ada"));
        let o = kinerja(&["pengguna", "cabut-token", "--db", db]);
        assert_eq!(o.status.code(), Some(2), "neither --id nor --nama");

        let s = ok(&["pengguna", "cabut-token", "--db", db, "--id", &id]);
        assert_eq!(s, format!("token {id} dicabut\n"));
        assert_eq!(akun_token(&digest), None, "revoked");
        let o = kinerja(&["pengguna", "cabut-token", "--db", db, "--id", &id]);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("sudah dicabut"));
        let s = ok(&["pengguna", "cabut-token", "--db", db, "--nama", "siti"]);
        assert_eq!(s, "0 token milik \"siti\" dicabut\n");

        let j: serde_json::Value = serde_json::from_str(&ok(&[
            "jejak",
            "--db",
            db,
            "--instansi",
            "mumbulsari",
            "--tabel",
            "token_api",
            "--format",
            "json",
        ]))
        .unwrap();
        let aksi: Vec<&str> = j
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["aksi"].as_str().unwrap())
            .collect();
        assert_eq!(aksi, ["ubah", "tambah"], "{}: {j}", b.nama);
        assert_eq!(j[0]["sumber"], "kinerja pengguna cabut-token");
        selesai(b);
    }
}
