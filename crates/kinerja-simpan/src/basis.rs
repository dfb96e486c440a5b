//! The two backends behind one small surface: SQL text is shared (`$1` placeholders and
//! `ON CONFLICT` work in both), only binding and reading differ. Money is the one real
//! difference: INTEGER sen in SQLite (sqlx cannot bind `Decimal` there, and SUM over integers
//! stays exact), NUMERIC(20,2) in PostgreSQL.

use crate::Galat;
use crate::generasi::Generasi;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{PgPool, Postgres, Row, Sqlite, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;
use time::OffsetDateTime;

static MIGRASI_SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static MIGRASI_POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

macro_rules! ikat {
    ($q:expr, $ps:expr, $uang:expr, $json:expr) => {{
        let mut q = $q;
        for p in $ps {
            q = match p {
                P::T(s) => q.bind(s),
                P::OT(s) => q.bind(s),
                P::I(n) => q.bind(n),
                P::OI(n) => q.bind(n),
                P::U(d) => q.bind($uang(d)?),
                P::OU(d) => q.bind(d.map($uang).transpose()?),
                P::J(v) => q.bind(v.map($json)),
                P::W(w) => q.bind(w),
                P::B(b) => q.bind(b),
            };
        }
        q
    }};
}

#[derive(Clone, Debug)]
pub enum Kolam {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A parameter. Owned, so a statement's parameters can be built before choosing the backend.
#[derive(Debug, Clone)]
pub(crate) enum P {
    T(String),
    OT(Option<String>),
    I(i64),
    OI(Option<i64>),
    /// Money (at most two decimal places: `Rupiah` guarantees it).
    U(Decimal),
    OU(Option<Decimal>),
    J(Option<Value>),
    W(OffsetDateTime),
    /// Bytes (BLOB in SQLite, BYTEA in PostgreSQL).
    B(Vec<u8>),
}

impl From<&str> for P {
    fn from(s: &str) -> P {
        P::T(s.to_string())
    }
}
impl From<String> for P {
    fn from(s: String) -> P {
        P::T(s)
    }
}
impl From<Option<String>> for P {
    fn from(s: Option<String>) -> P {
        P::OT(s)
    }
}
impl From<i64> for P {
    fn from(n: i64) -> P {
        P::I(n)
    }
}

impl P {
    /// The value in PostgreSQL's COPY text format (`\\N` for NULL; backslash, tab, newline and
    /// carriage return escaped), appended to `buf`.
    pub(crate) fn salin(&self, buf: &mut String) {
        use std::fmt::Write;
        fn teks(buf: &mut String, s: &str) {
            // Runs without a character to escape are copied whole (most text has none).
            let mut awal = 0;
            for (i, b) in s.bytes().enumerate() {
                let ganti = match b {
                    b'\\' => "\\\\",
                    b'\t' => "\\t",
                    b'\n' => "\\n",
                    b'\r' => "\\r",
                    _ => continue,
                };
                buf.push_str(&s[awal..i]);
                buf.push_str(ganti);
                awal = i + 1;
            }
            buf.push_str(&s[awal..]);
        }
        match self {
            P::T(s) | P::OT(Some(s)) => teks(buf, s),
            P::I(n) | P::OI(Some(n)) => {
                let _ = write!(buf, "{n}");
            }
            P::U(d) | P::OU(Some(d)) => {
                let _ = write!(buf, "{d}");
            }
            P::J(Some(v)) => teks(buf, &v.to_string()),
            P::W(w) => {
                let f = w
                    .format(&time::format_description::well_known::Rfc3339)
                    .expect("a time of this century formats");
                buf.push_str(&f);
            }
            // bytea's hex form `\x…`, its backslash escaped for COPY.
            P::B(b) => {
                buf.push_str("\\\\x");
                for x in b {
                    let _ = write!(buf, "{x:02x}");
                }
            }
            P::OT(None) | P::OI(None) | P::OU(None) | P::J(None) => buf.push_str("\\N"),
        }
    }
}

fn sen(d: Decimal) -> Result<i64, Galat> {
    (d * Decimal::ONE_HUNDRED)
        .to_i64()
        .filter(|_| (d * Decimal::ONE_HUNDRED).fract().is_zero())
        .ok_or_else(|| Galat::Rusak(format!("jumlah uang {d} tidak dapat disimpan sebagai sen")))
}

/// Which backend a database URL names: `postgres://...` and `postgresql://...` are PostgreSQL,
/// anything else SQLite (a file path or `sqlite://...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisBasis {
    Sqlite,
    Postgres,
}

impl JenisBasis {
    pub fn dari_url(url: &str) -> JenisBasis {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            JenisBasis::Postgres
        } else {
            JenisBasis::Sqlite
        }
    }
}

/// An SQLite URL or path as connection options, nothing else set.
pub(crate) fn opsi_sqlite(url: &str) -> Result<SqliteConnectOptions, Galat> {
    Ok(if url.starts_with("sqlite:") {
        SqliteConnectOptions::from_str(url)?
    } else {
        SqliteConnectOptions::new().filename(url)
    })
}

impl Kolam {
    /// Opens (creating an SQLite file on first use) and migrates.
    pub(crate) async fn buka(url: &str) -> Result<Kolam, Galat> {
        let kolam = match JenisBasis::dari_url(url) {
            JenisBasis::Postgres => {
                let opsi = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(opsi)
                    .await?;
                MIGRASI_POSTGRES.run(&pool).await?;
                Kolam::Postgres(pool)
            }
            JenisBasis::Sqlite => {
                let opsi = opsi_sqlite(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10));
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .connect_with(opsi)
                    .await?;
                MIGRASI_SQLITE.run(&pool).await?;
                Kolam::Sqlite(pool)
            }
        };
        Ok(kolam)
    }

    pub fn nama_backend(&self) -> &'static str {
        match self {
            Kolam::Sqlite(_) => "SQLite",
            Kolam::Postgres(_) => "PostgreSQL",
        }
    }

    /// A read outside any transaction: one round trip, for single-statement reads.
    pub(crate) async fn ambil(&self, sql: &'static str, ps: Vec<P>) -> Result<Vec<Baris>, Galat> {
        crate::generasi::tandai();
        self.ambil_tanpa_tanda(sql, ps).await
    }

    /// A write of derived data, outside any transaction (the roll-up's stored summaries,
    /// `ringkas`): it raises no generation, since it changes nothing a reader uses without
    /// checking it against the data sets' versions. Never for data.
    pub(crate) async fn tulis_turunan(&self, sql: String, ps: Vec<P>) -> Result<u64, Galat> {
        let teks = sqlx::AssertSqlSafe(sql);
        Ok(match self {
            Kolam::Sqlite(p) => ikat!(sqlx::query(teks), ps, sen, |v: Value| v.to_string())
                .execute(p)
                .await?
                .rows_affected(),
            Kolam::Postgres(p) => ikat!(sqlx::query(teks), ps, uang_pg, sqlx::types::Json)
                .execute(p)
                .await?
                .rows_affected(),
        })
    }

    /// `ambil`, not recorded as a read of the caller (the generations themselves).
    async fn ambil_tanpa_tanda(&self, sql: &'static str, ps: Vec<P>) -> Result<Vec<Baris>, Galat> {
        Ok(match self {
            Kolam::Sqlite(p) => ikat!(sqlx::query(sql), ps, sen, |v: Value| v.to_string())
                .fetch_all(p)
                .await?
                .into_iter()
                .map(Baris::Sqlite)
                .collect(),
            Kolam::Postgres(p) => ikat!(sqlx::query(sql), ps, uang_pg, sqlx::types::Json)
                .fetch_all(p)
                .await?
                .into_iter()
                .map(Baris::Postgres)
                .collect(),
        })
    }

    pub(crate) async fn mulai(&self) -> Result<Tx, Galat> {
        crate::generasi::tandai();
        Ok(match self {
            Kolam::Sqlite(p) => Tx::baru(TxIsi::Sqlite(p.begin().await?)),
            Kolam::Postgres(p) => Tx::baru(TxIsi::Postgres(p.begin().await?)),
        })
    }

    /// A transaction that will write outside a data set (accounts, sessions, tokens, notes).
    /// SQLite takes the write lock at BEGIN: a deferred transaction that reads and then
    /// writes cannot wait for another writer (SQLITE_BUSY at once, whatever the busy timeout).
    pub(crate) async fn mulai_tulis(&self) -> Result<Tx, Galat> {
        crate::generasi::tandai();
        Ok(match self {
            Kolam::Sqlite(p) => Tx::baru(TxIsi::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?)),
            Kolam::Postgres(p) => Tx::baru(TxIsi::Postgres(p.begin().await?)),
        })
    }

    /// The database's generation: a number that every committed write raises (see
    /// `Tx::selesai`), whichever process wrote. Equal numbers mean nothing was written between
    /// the two reads, so anything computed from the database may be reused.
    pub(crate) async fn generasi(&self) -> Result<i64, Galat> {
        let b = self.ambil("SELECT n FROM generasi", vec![]).await?;
        b.first()
            .map(|r| r.int(0))
            .transpose()
            .map(|n| n.unwrap_or(0))
    }

    /// Every generation (see `generasi`), in one query.
    pub(crate) async fn baca_generasi(&self) -> Result<Generasi, Galat> {
        let b = self
            .ambil_tanpa_tanda(
                "SELECT '', n, umum FROM generasi \
                 UNION ALL SELECT pelapor, versi, 0 FROM versi_data",
                vec![],
            )
            .await?;
        let mut g = Generasi::default();
        for r in &b {
            let p = r.teks(0)?;
            if p.is_empty() {
                g.semua = r.int(1)?;
                g.umum = r.int(2)?;
            } else {
                g.data.insert(p, r.int(1)?);
            }
        }
        Ok(g)
    }

    pub(crate) async fn tutup(&self) {
        match self {
            Kolam::Sqlite(p) => p.close().await,
            Kolam::Postgres(p) => p.close().await,
        }
    }
}

/// Whether a statement only reads (SELECT, including one run for its effect such as an
/// advisory lock). Every other statement is counted as a write.
fn baca_saja(sql: &str) -> bool {
    let s = sql.trim_start();
    s.get(..6).is_some_and(|a| a.eq_ignore_ascii_case("SELECT"))
}

pub(crate) enum TxIsi {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// A transaction. Whether it changed a row is remembered, so that its commit raises the
/// database's generation: every writer goes through here, so no writer can forget to.
pub(crate) struct Tx {
    isi: TxIsi,
    menulis: bool,
    /// The writes are a data set's (`Toko::mulai_tulis`), which raises its version itself:
    /// the commit raises the common generation only if `ubah_umum` is set.
    data_saja: bool,
    ubah_umum: bool,
}

fn uang_pg(d: Decimal) -> Result<Decimal, Galat> {
    Ok(d)
}

impl Tx {
    pub(crate) fn baru(isi: TxIsi) -> Tx {
        Tx {
            isi,
            menulis: false,
            data_saja: false,
            ubah_umum: false,
        }
    }

    /// Marks the transaction as a data set's write (see `generasi`).
    pub(crate) fn hanya_data(&mut self) {
        self.data_saja = true;
    }

    /// A data set's write that changes the instansi list (an instansi record, a new data set).
    pub(crate) fn ubah_umum(&mut self) {
        self.ubah_umum = true;
    }

    pub(crate) fn postgres(&self) -> bool {
        matches!(self.isi, TxIsi::Postgres(_))
    }

    fn catat_tulis(&mut self, sql: &str, baris: u64) -> u64 {
        // A SELECT run for its effect (an advisory lock) changes no row.
        if baris > 0 && !baca_saja(sql) {
            self.menulis = true;
        }
        baris
    }

    pub(crate) async fn jalankan(&mut self, sql: &'static str, ps: Vec<P>) -> Result<u64, Galat> {
        let n = match &mut self.isi {
            TxIsi::Sqlite(tx) => ikat!(sqlx::query(sql), ps, sen, |v: Value| v.to_string())
                .execute(&mut **tx)
                .await?
                .rows_affected(),
            TxIsi::Postgres(tx) => ikat!(sqlx::query(sql), ps, uang_pg, sqlx::types::Json)
                .execute(&mut **tx)
                .await?
                .rows_affected(),
        };
        Ok(self.catat_tulis(sql, n))
    }

    /// For statements built at run time (multi-row inserts); the text is made by this crate
    /// from fixed pieces and placeholders, never from input.
    pub(crate) async fn jalankan_rakitan(&mut self, sql: String, ps: Vec<P>) -> Result<u64, Galat> {
        let teks = sqlx::AssertSqlSafe(sql.clone());
        let n = match &mut self.isi {
            TxIsi::Sqlite(tx) => ikat!(sqlx::query(teks), ps, sen, |v: Value| v.to_string())
                .execute(&mut **tx)
                .await?
                .rows_affected(),
            TxIsi::Postgres(tx) => ikat!(sqlx::query(teks), ps, uang_pg, sqlx::types::Json)
                .execute(&mut **tx)
                .await?
                .rows_affected(),
        };
        Ok(self.catat_tulis(&sql, n))
    }

    /// A read, or a write that returns rows (`INSERT ... RETURNING`), which counts as a write.
    pub(crate) async fn ambil(
        &mut self,
        sql: &'static str,
        ps: Vec<P>,
    ) -> Result<Vec<Baris>, Galat> {
        if !baca_saja(sql) {
            self.menulis = true;
        }
        Ok(match &mut self.isi {
            TxIsi::Sqlite(tx) => ikat!(sqlx::query(sql), ps, sen, |v: Value| v.to_string())
                .fetch_all(&mut **tx)
                .await?
                .into_iter()
                .map(Baris::Sqlite)
                .collect(),
            TxIsi::Postgres(tx) => ikat!(sqlx::query(sql), ps, uang_pg, sqlx::types::Json)
                .fetch_all(&mut **tx)
                .await?
                .into_iter()
                .map(Baris::Postgres)
                .collect(),
        })
    }

    pub(crate) async fn selesai(mut self) -> Result<(), Galat> {
        if self.menulis {
            // Last, so the row lock (PostgreSQL) is held only for the commit.
            if self.data_saja && !self.ubah_umum {
                self.jalankan("UPDATE generasi SET n = n + 1", vec![])
                    .await?;
            } else {
                self.jalankan("UPDATE generasi SET n = n + 1, umum = umum + 1", vec![])
                    .await?;
            }
        }
        match self.isi {
            TxIsi::Sqlite(tx) => tx.commit().await?,
            TxIsi::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }

    pub(crate) async fn batal(self) -> Result<(), Galat> {
        match self.isi {
            TxIsi::Sqlite(tx) => tx.rollback().await?,
            TxIsi::Postgres(tx) => tx.rollback().await?,
        }
        Ok(())
    }
}

pub(crate) enum Baris {
    Sqlite(SqliteRow),
    Postgres(PgRow),
}

impl Baris {
    pub(crate) fn teks(&self, i: usize) -> Result<String, Galat> {
        Ok(match self {
            Baris::Sqlite(r) => r.try_get(i)?,
            Baris::Postgres(r) => r.try_get(i)?,
        })
    }
    pub(crate) fn opsi_teks(&self, i: usize) -> Result<Option<String>, Galat> {
        Ok(match self {
            Baris::Sqlite(r) => r.try_get(i)?,
            Baris::Postgres(r) => r.try_get(i)?,
        })
    }
    pub(crate) fn int(&self, i: usize) -> Result<i64, Galat> {
        Ok(match self {
            Baris::Sqlite(r) => r.try_get(i)?,
            Baris::Postgres(r) => {
                // INTEGER columns are int4 in PostgreSQL, BIGINT int8: asked by the column's
                // type, not by a failed read (whose error text costs more than the read).
                use sqlx::{Column, Row, TypeInfo};
                match r.columns().get(i).map(|c| c.type_info().name()) {
                    Some("INT4") => i64::from(r.try_get::<i32, _>(i)?),
                    _ => r.try_get::<i64, _>(i)?,
                }
            }
        })
    }
    pub(crate) fn bita(&self, i: usize) -> Result<Vec<u8>, Galat> {
        Ok(match self {
            Baris::Sqlite(r) => r.try_get(i)?,
            Baris::Postgres(r) => r.try_get(i)?,
        })
    }
    pub(crate) fn opsi_uang(&self, i: usize) -> Result<Option<Decimal>, Galat> {
        Ok(match self {
            Baris::Sqlite(r) => r
                .try_get::<Option<i64>, _>(i)?
                .map(|s| Decimal::new(s, 2).normalize()),
            Baris::Postgres(r) => r.try_get::<Option<Decimal>, _>(i)?.map(|d| d.normalize()),
        })
    }
    pub(crate) fn uang(&self, i: usize) -> Result<Decimal, Galat> {
        self.opsi_uang(i)?
            .ok_or_else(|| Galat::Rusak(format!("kolom uang ke-{i} kosong")))
    }
    pub(crate) fn opsi_json(&self, i: usize) -> Result<Option<Value>, Galat> {
        Ok(match self {
            Baris::Sqlite(r) => match r.try_get::<Option<String>, _>(i)? {
                Some(s) => Some(serde_json::from_str(&s).map_err(|e| Galat::Rusak(e.to_string()))?),
                None => None,
            },
            Baris::Postgres(r) => r
                .try_get::<Option<sqlx::types::Json<Value>>, _>(i)?
                .map(|j| j.0),
        })
    }
    pub(crate) fn json(&self, i: usize) -> Result<Value, Galat> {
        self.opsi_json(i)?
            .ok_or_else(|| Galat::Rusak(format!("kolom JSON ke-{i} kosong")))
    }
    pub(crate) fn waktu(&self, i: usize) -> Result<OffsetDateTime, Galat> {
        Ok(match self {
            Baris::Sqlite(r) => r.try_get(i)?,
            Baris::Postgres(r) => r.try_get(i)?,
        })
    }
    pub fn opsi_waktu(&self, i: usize) -> Result<Option<OffsetDateTime>, Galat> {
        Ok(match self {
            Baris::Sqlite(r) => r.try_get(i)?,
            Baris::Postgres(r) => r.try_get(i)?,
        })
    }
}
