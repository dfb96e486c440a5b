//! Test support shared by the crates whose tests need a database: a fresh SQLite file and a
//! fresh PostgreSQL database on the server named by `KINERJA_UJI_PG` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`). Without a server the PostgreSQL half is
//! skipped with a message, except under `KINERJA_CI=1`, where it fails.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn url_pg_uji() -> String {
    std::env::var("KINERJA_UJI_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

/// A throwaway database on the test server. Names carry the process id: databases of processes
/// that are gone (a test that panicked before `selesai`) are dropped here.
async fn pg_baru() -> Option<String> {
    use sqlx::Connection;
    let admin = url_pg_uji();
    let mut c = match sqlx::PgConnection::connect(&admin).await {
        Ok(c) => c,
        Err(e) => {
            if std::env::var("KINERJA_CI").is_ok_and(|v| v == "1") {
                panic!("PostgreSQL tidak dapat dihubungi di {admin} (KINERJA_CI=1): {e}");
            }
            eprintln!("LEWATI PostgreSQL: tidak dapat terhubung ke {admin}: {e}");
            return None;
        }
    };
    // Databases left by earlier runs whose process is gone (a panicking test skips its cleanup).
    let lama: Vec<String> =
        sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'kinerja_uji_%'")
            .fetch_all(&mut c)
            .await
            .unwrap_or_default();
    for nama in lama {
        // Only this module's own names (`kinerja_uji_PID_N`): `_` is a LIKE wildcard, and a
        // helper's base database (`kinerja_uji_h1`) has no process id and must be left alone.
        let bagian: Vec<&str> = nama.split('_').collect();
        let milik_uji = bagian.len() == 4 && bagian[2..].iter().all(|b| b.parse::<u64>().is_ok());
        if milik_uji && !Path::new("/proc").join(bagian[2]).exists() {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {nama} WITH (FORCE)"
            )))
            .execute(&mut c)
            .await;
        }
    }
    static N: AtomicUsize = AtomicUsize::new(0);
    let nama = format!(
        "kinerja_uji_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {nama}"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {nama}")))
        .execute(&mut c)
        .await
        .unwrap();
    let (dasar, _) = admin.rsplit_once('/').expect("URL with a database name");
    Some(format!("{dasar}/{nama}"))
}

/// A throwaway database. `selesai` removes it; one dropped without `selesai` (a test that
/// panicked, or kept only one of `semua_basis`) is removed on drop, so none outlives its test.
pub struct Basis {
    pub nama: &'static str,
    pub url: String,
    berkas: Option<PathBuf>,
    selesai: bool,
}

impl Basis {
    pub async fn selesai(mut self) {
        self.selesai = true;
        hapus_berkas(&self.berkas);
        if self.nama == "postgres" {
            hapus_pg(&self.url).await;
        }
    }
}

impl Drop for Basis {
    fn drop(&mut self) {
        if self.selesai {
            return;
        }
        hapus_berkas(&self.berkas);
        if self.nama == "postgres" {
            // Drop may run inside a runtime (which cannot block on another future): the
            // database is dropped from a thread with a runtime of its own.
            let url = self.url.clone();
            let _ = std::thread::spawn(move || {
                if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    rt.block_on(hapus_pg(&url));
                }
            })
            .join();
        }
    }
}

fn hapus_berkas(berkas: &Option<PathBuf>) {
    if let Some(b) = berkas {
        for akhiran in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{akhiran}", b.display()));
        }
    }
}

async fn hapus_pg(url: &str) {
    use sqlx::Connection;
    let nama = url.rsplit('/').next().unwrap_or_default();
    if let Ok(mut c) = sqlx::PgConnection::connect(&url_pg_uji()).await {
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {nama} WITH (FORCE)"
        )))
        .execute(&mut c)
        .await;
    }
}

/// Both backends: SQLite always, PostgreSQL when the test server answers.
pub async fn semua_basis() -> Vec<Basis> {
    let mut v = vec![sqlite()];
    v.extend(postgres().await);
    v
}

/// A fresh SQLite file only, for tests whose subject is not the storage backend. Taking one
/// element of `semua_basis` instead would make a PostgreSQL database that nobody drops.
pub fn sqlite() -> Basis {
    static M: AtomicUsize = AtomicUsize::new(0);
    let berkas = std::env::temp_dir().join(format!(
        "kinerja-uji-{}-{}.db",
        std::process::id(),
        M.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_file(&berkas);
    Basis {
        nama: "sqlite",
        url: berkas.to_string_lossy().into_owned(),
        berkas: Some(berkas),
        selesai: false,
    }
}

/// A fresh PostgreSQL database, or `None` (with a message) when no server answers outside CI.
pub async fn postgres() -> Option<Basis> {
    Some(Basis {
        nama: "postgres",
        url: pg_baru().await?,
        berkas: None,
        selesai: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database left behind by a test that panicked or kept only one of `semua_basis` is
    /// dropped with its `Basis`; `.ci/run` also fails when any is left after the tests.
    #[tokio::test]
    async fn a_database_dropped_without_selesai_is_removed() {
        use sqlx::Connection;
        let s = sqlite();
        std::fs::write(&s.url, b"").unwrap();
        let berkas = s.url.clone();
        drop(s);
        assert!(!Path::new(&berkas).exists(), "{berkas} removed");

        let Some(b) = postgres().await else {
            return;
        };
        let nama = b.url.rsplit('/').next().unwrap().to_string();
        let mut c = sqlx::PgConnection::connect(&url_pg_uji()).await.unwrap();
        let ada = async |c: &mut sqlx::PgConnection| -> i64 {
            sqlx::query_scalar("SELECT count(*) FROM pg_database WHERE datname = $1")
                .bind(&nama)
                .fetch_one(c)
                .await
                .unwrap()
        };
        assert_eq!(ada(&mut c).await, 1, "{nama} made");
        // Dropped inside this runtime, with a connection of the test's own open to it.
        let mut terbuka = sqlx::PgConnection::connect(&b.url).await.unwrap();
        sqlx::query("SELECT 1").execute(&mut terbuka).await.unwrap();
        drop(b);
        assert_eq!(ada(&mut c).await, 0, "{nama} dropped with its Basis");
    }
}
