//! API tokens: machines authenticate with a long random token instead of a password, so that
//! no request of theirs costs an argon2 hash. The store sees only the token's SHA-256 digest
//! (the web layer makes and hashes tokens, as it does session cookies); a revoked token keeps
//! its row (created, last used, revoked), and creation and revocation have audit rows.

use super::{Akun, akun_dari};
use crate::basis::{P, Tx};
use crate::{Galat, Pelaku, Toko};
use serde_json::json;
use time::{Duration, OffsetDateTime};

/// Last use is recorded to the minute: an API read should not be a database write each time.
const SELANG_PAKAI: Duration = Duration::minutes(1);

const LABEL_MAKS: usize = 100;

/// One token as listed to its owner or an administrator (never the token or its digest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenApi {
    pub id: i64,
    pub pengguna: String,
    pub label: String,
    pub dibuat: OffsetDateTime,
    pub terakhir: Option<OffsetDateTime>,
    pub dicabut: Option<OffsetDateTime>,
}

/// Which tokens a revocation ends.
#[derive(Debug, Clone, Copy)]
pub enum CabutToken<'a> {
    Satu(i64),
    /// Every valid token of the account.
    SemuaMilik(&'a str),
}

impl Toko {
    /// Stores a new token of an existing account by its digest; returns the token's id.
    pub async fn tambah_token(
        &self,
        pengguna: &str,
        digest: &str,
        label: &str,
        pelaku: &Pelaku,
    ) -> Result<i64, Galat> {
        let label = label.trim();
        if label.chars().count() > LABEL_MAKS {
            return Err(Galat::Akun(format!(
                "label token lebih dari {LABEL_MAKS} karakter"
            )));
        }
        let mut tx = self.kolam().mulai_tulis().await?;
        let Some(pelapor) = pelapor_akun(&mut tx, pengguna).await? else {
            tx.batal().await?;
            return Err(Galat::Akun(format!("pengguna \"{pengguna}\" tidak ada")));
        };
        let waktu = OffsetDateTime::now_utc();
        let b = tx
            .ambil(
                "INSERT INTO token_api (digest, pengguna, label, dibuat) VALUES ($1, $2, $3, $4) \
                 RETURNING id",
                vec![
                    P::from(digest),
                    P::from(pengguna),
                    P::from(label),
                    P::W(waktu),
                ],
            )
            .await?;
        let id = b
            .first()
            .ok_or_else(|| Galat::Rusak("INSERT token_api tanpa id".into()))?
            .int(0)?;
        let r = rekaman(id, pengguna, label);
        let c = crate::tulis::Catatan {
            rekaman: &r,
            aksi: "tambah",
            lama: None,
            baru: Some(&r.isi),
        };
        crate::tulis::catat(&mut tx, waktu, pelaku, &pelapor, &[c]).await?;
        tx.selesai().await?;
        Ok(id)
    }

    /// The account of a valid (not revoked) token, recording its use.
    pub async fn akun_token(&self, digest: &str) -> Result<Option<Akun>, Galat> {
        let b = self
            .kolam()
            .ambil(
                "SELECT p.nama, p.hash, p.peran, p.instansi, t.id, t.terakhir FROM token_api t \
                 JOIN pengguna p ON p.nama = t.pengguna WHERE t.digest = $1 AND t.dicabut IS NULL",
                vec![P::from(digest)],
            )
            .await?;
        let Some(r) = b.first() else {
            return Ok(None);
        };
        let kini = OffsetDateTime::now_utc();
        if r.opsi_waktu(5)?.is_none_or(|t| kini - t >= SELANG_PAKAI) {
            let mut tx = self.kolam().mulai_tulis().await?;
            tx.jalankan(
                "UPDATE token_api SET terakhir = $1 WHERE id = $2",
                vec![P::W(kini), P::I(r.int(4)?)],
            )
            .await?;
            tx.selesai().await?;
        }
        akun_dari(r).map(Some)
    }

    /// Tokens, valid and revoked, of one account or of all, oldest first.
    pub async fn daftar_token(&self, pengguna: Option<&str>) -> Result<Vec<TokenApi>, Galat> {
        self.kolam()
            .ambil(
                "SELECT id, pengguna, label, dibuat, terakhir, dicabut FROM token_api \
                 WHERE ($1 IS NULL OR pengguna = $1) ORDER BY id",
                vec![P::OT(pengguna.map(str::to_string))],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(TokenApi {
                    id: r.int(0)?,
                    pengguna: r.teks(1)?,
                    label: r.teks(2)?,
                    dibuat: r.waktu(3)?,
                    terakhir: r.opsi_waktu(4)?,
                    dicabut: r.opsi_waktu(5)?,
                })
            })
            .collect()
    }

    /// Revokes tokens, each with an audit row; returns how many. A token that does not exist
    /// or is already revoked is an error when named alone (the caller mistyped its id).
    pub async fn cabut_token(&self, apa: CabutToken<'_>, pelaku: &Pelaku) -> Result<usize, Galat> {
        let mut tx = self.kolam().mulai_tulis().await?;
        let (sql, p): (&'static str, P) = match apa {
            CabutToken::Satu(id) => (
                "SELECT id, pengguna, label FROM token_api WHERE id = $1 AND dicabut IS NULL",
                P::I(id),
            ),
            CabutToken::SemuaMilik(nama) => (
                "SELECT id, pengguna, label FROM token_api WHERE pengguna = $1 \
                 AND dicabut IS NULL ORDER BY id",
                P::from(nama),
            ),
        };
        let b = tx.ambil(sql, vec![p]).await?;
        if let (CabutToken::Satu(id), true) = (apa, b.is_empty()) {
            tx.batal().await?;
            return Err(Galat::Akun(format!(
                "token {id} tidak ada atau sudah dicabut"
            )));
        }
        let waktu = OffsetDateTime::now_utc();
        for r in &b {
            let (id, pengguna, label) = (r.int(0)?, r.teks(1)?, r.teks(2)?);
            tx.jalankan(
                "UPDATE token_api SET dicabut = $1 WHERE id = $2",
                vec![P::W(waktu), P::I(id)],
            )
            .await?;
            let pelapor = pelapor_akun(&mut tx, &pengguna)
                .await?
                .unwrap_or_else(|| "-".into());
            let r = rekaman(id, &pengguna, &label);
            let baru = json!({"id": id, "pengguna": pengguna, "label": label, "dicabut": true});
            let c = crate::tulis::Catatan {
                rekaman: &r,
                aksi: "ubah",
                lama: Some(&r.isi),
                baru: Some(&baru),
            };
            crate::tulis::catat(&mut tx, waktu, pelaku, &pelapor, &[c]).await?;
        }
        tx.selesai().await?;
        Ok(b.len())
    }
}

/// The audit trail's `pelapor` of an account's changes: its instansi, or `-` for accounts of
/// every instansi (as for the account's own creation). `None`: no such account.
async fn pelapor_akun(tx: &mut Tx, pengguna: &str) -> Result<Option<String>, Galat> {
    let b = tx
        .ambil(
            "SELECT instansi FROM pengguna WHERE nama = $1",
            vec![P::from(pengguna)],
        )
        .await?;
    b.first()
        .map(|r| Ok(r.opsi_teks(0)?.unwrap_or_else(|| "-".into())))
        .transpose()
}

/// The audit record of a token: who owns it and its label, never the digest.
fn rekaman(id: i64, pengguna: &str, label: &str) -> crate::rekaman::Rekaman {
    crate::rekaman::Rekaman {
        tabel: "token_api".into(),
        kunci: id.to_string(),
        isi: json!({"id": id, "pengguna": pengguna, "label": label, "dicabut": false}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::semua_basis;
    use kinerja_core::id::InstansiId;

    fn pelaku() -> Pelaku {
        Pelaku {
            pengguna: "admin".into(),
            sumber: "uji".into(),
            hak: crate::Hak::Semua,
        }
    }

    #[tokio::test]
    async fn tokens_authenticate_until_revoked_and_are_audited() {
        let contoh = kinerja_berkas::baca(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
        )
        .unwrap();
        let m = InstansiId::new("mumbulsari").unwrap();
        for b in semua_basis().await {
            let t = Toko::buka(&b.url).await.unwrap();
            t.impor(&contoh, None, crate::ModeImpor::Gabung, &pelaku())
                .await
                .unwrap();
            let op = Akun {
                nama: "op".into(),
                hash: "-".into(),
                peran: "operator".into(),
                instansi: Some(m.clone()),
            };
            t.tambah_akun(&op, &pelaku()).await.unwrap();
            let satu = t
                .tambah_token("op", "digest-satu", " sinkron SIPD ", &pelaku())
                .await
                .unwrap();
            let dua = t
                .tambah_token("op", "digest-dua", "", &pelaku())
                .await
                .unwrap();
            assert_ne!(satu, dua);
            let e = t.tambah_token("siapa", "digest-x", "", &pelaku()).await;
            assert!(matches!(e, Err(Galat::Akun(_))), "{}: {e:?}", b.nama);
            let panjang = "x".repeat(101);
            let e = t.tambah_token("op", "digest-y", &panjang, &pelaku()).await;
            assert!(matches!(e, Err(Galat::Akun(_))));

            assert_eq!(t.akun_token("digest-satu").await.unwrap(), Some(op.clone()));
            assert_eq!(t.akun_token("digest-lain").await.unwrap(), None);
            let daftar = t.daftar_token(Some("op")).await.unwrap();
            assert_eq!(daftar.len(), 2, "{}", b.nama);
            assert_eq!(daftar[0].label, "sinkron SIPD", "trimmed");
            assert!(daftar[0].terakhir.is_some(), "the use is recorded");
            assert!(daftar[1].terakhir.is_none(), "never used");

            assert_eq!(
                t.cabut_token(CabutToken::Satu(satu), &pelaku())
                    .await
                    .unwrap(),
                1
            );
            assert_eq!(t.akun_token("digest-satu").await.unwrap(), None, "revoked");
            assert_eq!(t.akun_token("digest-dua").await.unwrap(), Some(op.clone()));
            let e = t.cabut_token(CabutToken::Satu(satu), &pelaku()).await;
            assert!(matches!(e, Err(Galat::Akun(_))), "already revoked");
            let n = t.cabut_token(CabutToken::SemuaMilik("op"), &pelaku()).await;
            assert_eq!(n.unwrap(), 1, "only the valid one");
            assert_eq!(t.akun_token("digest-dua").await.unwrap(), None);
            assert!(
                t.daftar_token(None)
                    .await
                    .unwrap()
                    .iter()
                    .all(|k| k.dicabut.is_some())
            );

            // Two creations and two revocations, newest first; no digest in the trail.
            let j = t.jejak(&m, Some("token_api"), None, 100).await.unwrap();
            let aksi: Vec<(&str, &str)> = j
                .iter()
                .map(|r| (r.aksi.as_str(), r.kunci.as_str()))
                .collect();
            let (s, d) = (satu.to_string(), dua.to_string());
            assert_eq!(
                aksi,
                [
                    ("ubah", d.as_str()),
                    ("ubah", s.as_str()),
                    ("tambah", d.as_str()),
                    ("tambah", s.as_str())
                ],
                "{}",
                b.nama
            );
            assert_eq!(j[1].baru.as_ref().unwrap()["dicabut"], true);
            assert!(!format!("{j:?}").contains("digest-"));
            t.tutup().await;
            b.selesai().await;
        }
    }
}
