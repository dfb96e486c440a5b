//! Online backup of an SQLite database. `VACUUM INTO` copies one read transaction's snapshot,
//! so the copy is consistent while other connections go on writing, and the copy is a plain
//! SQLite file: restoring is opening it (`--db COPY`). PostgreSQL has its own tool, `pg_dump`.

use crate::Galat;
use crate::basis::{JenisBasis, opsi_sqlite};
use sqlx::{ConnectOptions, Connection};
use std::path::Path;
use std::time::Duration;

/// Copies the SQLite database `url` to the new file `tujuan`. Neither migrates nor creates the
/// source (a backup taken before an upgrade must be the old schema, and a mistyped path must not
/// back up an empty database), and never overwrites: an existing `tujuan` is refused.
pub async fn cadangkan(url: &str, tujuan: &Path) -> Result<(), Galat> {
    if JenisBasis::dari_url(url) == JenisBasis::Postgres {
        return Err(Galat::Cadangan(
            "basis data PostgreSQL dicadangkan dengan pg_dump".into(),
        ));
    }
    if tujuan.exists() {
        return Err(Galat::Cadangan(format!(
            "{} sudah ada; cadangan tidak menimpa berkas",
            tujuan.display()
        )));
    }
    let berkas = tujuan
        .to_str()
        .ok_or_else(|| Galat::Cadangan(format!("nama berkas {} bukan UTF-8", tujuan.display())))?;
    let mut c = opsi_sqlite(url)?
        .create_if_missing(false)
        .read_only(true)
        .busy_timeout(Duration::from_secs(10))
        .connect()
        .await?;
    // SQLite itself also refuses a target that is not empty, should one appear meanwhile.
    let hasil = sqlx::query("VACUUM INTO $1")
        .bind(berkas)
        .execute(&mut c)
        .await;
    c.close().await?;
    hasil?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::cadangkan;
    use crate::impor::gabung;
    use crate::rekaman::{self, Rekaman};
    use crate::tests::{contoh, id, pelaku};
    use crate::uji::sqlite;
    use crate::{Galat, ModeImpor, Toko};
    use kinerja_core::model::Realisasi;
    use kinerja_core::nilai::Nilai;
    use kinerja_core::waktu::{Periode, Tahun};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

    /// A backup taken while another task saves a realisasi again and again is one moment of
    /// the database: its integrity check passes, and its data set is the example after exactly
    /// as many saves as its audit trail records, k, with the k-th save's value (1000 + k - 1).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_backup_taken_during_writes_is_one_consistent_moment() {
        let d = contoh();
        let ind = d.realisasi[0].indikator.clone();
        let kunci = format!("{ind}|2020|tw1");
        let tw1 = move |n: u32| Realisasi {
            indikator: ind.clone(),
            tahun: Tahun::new(2020).unwrap(),
            periode: Periode::Tw1,
            nilai: Nilai::parse(&(1000 + n).to_string()).unwrap(),
            sumber: None,
            catatan: None,
        };
        let b = sqlite();
        assert_eq!(b.nama, "sqlite");
        let p = id("mumbulsari");
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();

        let berhenti = Arc::new(AtomicBool::new(false));
        let ditulis = Arc::new(AtomicU32::new(0));
        let penulis = {
            let (t, p, tw1) = (t.clone(), p.clone(), tw1.clone());
            let (berhenti, ditulis) = (berhenti.clone(), ditulis.clone());
            tokio::spawn(async move {
                let mut n = 0;
                while !berhenti.load(Ordering::SeqCst) {
                    t.simpan_realisasi(&p, vec![tw1(n)], &pelaku())
                        .await
                        .unwrap();
                    n += 1;
                    ditulis.store(n, Ordering::SeqCst);
                }
            })
        };
        while ditulis.load(Ordering::SeqCst) < 3 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        let tujuan = std::path::PathBuf::from(format!("{}-cadangan.db", b.url));
        cadangkan(&b.url, &tujuan).await.unwrap();
        berhenti.store(true, Ordering::SeqCst);
        penulis.await.unwrap();
        let sesudah = ditulis.load(Ordering::SeqCst);

        let c = Toko::buka(tujuan.to_str().unwrap()).await.unwrap();
        let periksa: Vec<String> = c
            .kolam()
            .ambil("PRAGMA integrity_check", vec![])
            .await
            .unwrap()
            .iter()
            .map(|r| r.teks(0).unwrap())
            .collect();
        assert_eq!(periksa, ["ok"]);
        let k = c
            .jejak(&p, Some("realisasi"), Some(&kunci), 1_000_000)
            .await
            .unwrap()
            .len() as u32;
        assert!(
            (3..=sesudah).contains(&k),
            "saves in the backup: {k}; at least 3 before it began, {sesudah} in all"
        );
        let isi = serde_json::to_value(tw1(k - 1)).unwrap();
        let simpanan = Rekaman {
            tabel: "realisasi".into(),
            kunci: rekaman::kunci("realisasi", &isi),
            isi,
        };
        let diharapkan = rekaman::rakit(gabung(rekaman::pecah(&d), vec![simpanan])).unwrap();
        assert_eq!(c.muat(&p).await.unwrap(), diharapkan);
        c.tutup().await;

        // Never over an existing file, whatever it holds; never from PostgreSQL or from a
        // database that is not there (it is not created either).
        let ukuran = std::fs::metadata(&tujuan).unwrap().len();
        for (url, apa) in [
            (b.url.clone(), "sudah ada"),
            ("postgres://x@127.0.0.1/y".to_string(), "pg_dump"),
        ] {
            let e = cadangkan(&url, &tujuan).await.unwrap_err();
            assert!(matches!(&e, Galat::Cadangan(s) if s.contains(apa)), "{e}");
        }
        assert_eq!(std::fs::metadata(&tujuan).unwrap().len(), ukuran);
        let hilang = format!("{}-tidak-ada.db", b.url);
        let lain = std::path::PathBuf::from(format!("{}-cadangan-2.db", b.url));
        assert!(cadangkan(&hilang, &lain).await.is_err());
        assert!(!std::path::Path::new(&hilang).exists() && !lain.exists());

        std::fs::remove_file(&tujuan).unwrap();
        t.tutup().await;
        b.selesai().await;
    }
}
