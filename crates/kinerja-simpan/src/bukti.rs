//! Uploaded evidence files of the Evaluasi AKIP (bukti dukung): the bytes kept in the database
//! (both backends), keyed by their SHA-256, so the same file uploaded twice is one copy. The
//! kind is read from the bytes (the client's name and content type are not trusted): PDF, PNG,
//! JPEG, or an Office Open XML/ODF document (a ZIP container); anything else is refused. An
//! answer names the file by name and digest (`Bukti::Berkas`); the file itself is not a record
//! of the data set (the answer that names it is, and is audited) and is never public: the web
//! serves it only to readers of an evaluation whose answers name it.

use crate::basis::P;
use crate::{Galat, Toko};
use sha2::{Digest, Sha256};

/// The largest evidence file kept: 10 MiB (a scanned decree of a few pages; larger scans are
/// better linked as a document of the system).
pub const BATAS_BUKTI: usize = 10 * 1024 * 1024;

/// A stored evidence file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BerkasBukti {
    pub sha256: String,
    /// The content type read from the bytes.
    pub jenis: &'static str,
    pub isi: Vec<u8>,
}

/// The content type of `isi` by its first bytes, or `None` for a kind not kept.
pub fn jenis_bukti(isi: &[u8]) -> Option<&'static str> {
    if isi.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if isi.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if isi.starts_with(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else if isi.starts_with(b"PK\x03\x04") {
        // DOCX, XLSX, ODT...: all ZIP containers; served as a download of that container.
        Some("application/zip")
    } else {
        None
    }
}

/// The SHA-256 of `isi`, 64 lower-case hexadecimal digits.
pub fn sha256(isi: &[u8]) -> String {
    Sha256::digest(isi)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why an upload was not kept: said to the user beside the field.
pub fn periksa_bukti(isi: &[u8]) -> Result<&'static str, String> {
    if isi.is_empty() {
        return Err("berkas kosong".into());
    }
    if isi.len() > BATAS_BUKTI {
        return Err(format!(
            "berkas {} bita melebihi batas {} MiB",
            isi.len(),
            BATAS_BUKTI / 1024 / 1024
        ));
    }
    jenis_bukti(isi).ok_or_else(|| {
        "jenis berkas tidak dikenali dari isinya: unggah PDF, PNG, JPEG, atau dokumen \
         DOCX/XLSX/ODT"
            .to_string()
    })
}

impl Toko {
    /// Keeps `isi` (checked by [`periksa_bukti`]) and returns its SHA-256; a file already kept
    /// is not written again.
    pub async fn simpan_bukti(&self, isi: &[u8]) -> Result<String, Galat> {
        let jenis = periksa_bukti(isi).map_err(Galat::Ditolak)?;
        let sha = sha256(isi);
        let mut tx = self.kolam.mulai_tulis().await?;
        tx.jalankan(
            "INSERT INTO berkas_bukti (sha256, jenis, ukuran, isi) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (sha256) DO NOTHING",
            vec![
                P::from(sha.as_str()),
                P::from(jenis),
                P::from(isi.len() as i64),
                P::B(isi.to_vec()),
            ],
        )
        .await?;
        tx.selesai().await?;
        Ok(sha)
    }

    /// The stored file with this digest.
    pub async fn bukti(&self, sha256: &str) -> Result<Option<BerkasBukti>, Galat> {
        let b = self
            .kolam
            .ambil(
                "SELECT sha256, isi FROM berkas_bukti WHERE sha256 = $1",
                vec![P::from(sha256)],
            )
            .await?;
        let Some(b) = b.first() else { return Ok(None) };
        let isi = b.bita(1)?;
        // The kind is read again from the bytes: what is served is what they are.
        let jenis = jenis_bukti(&isi)
            .ok_or_else(|| Galat::Rusak(format!("berkas bukti {sha256} tidak dikenali")))?;
        Ok(Some(BerkasBukti {
            sha256: b.teks(0)?,
            jenis,
            isi,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::semua_basis;

    /// The digest of "%PDF-1.4 bukti" computed with `printf '%%PDF-1.4 bukti' | sha256sum`.
    #[tokio::test]
    async fn a_file_is_kept_once_by_its_digest_and_its_kind_is_read_from_the_bytes() {
        let pdf = b"%PDF-1.4 bukti";
        let sha = "7e8c881c6eabdf509ab04ae595e44fb092427cd41fc13be8b54676488cc196a8";
        for b in semua_basis().await {
            let toko = Toko::buka(&b.url).await.unwrap();
            let a = toko.simpan_bukti(pdf).await.unwrap();
            assert_eq!(a, sha, "{}", b.nama);
            assert_eq!(toko.simpan_bukti(pdf).await.unwrap(), a);
            let n = toko
                .kolam
                .ambil("SELECT COUNT(*) FROM berkas_bukti", vec![])
                .await
                .unwrap()[0]
                .int(0)
                .unwrap();
            assert_eq!(n, 1, "{}: the same file twice is one copy", b.nama);
            let k = toko.bukti(&a).await.unwrap().unwrap();
            assert_eq!((k.jenis, k.isi.as_slice()), ("application/pdf", &pdf[..]));
            assert!(toko.bukti(&"0".repeat(64)).await.unwrap().is_none());
            // An HTML page named .pdf is refused, whatever the client says it is.
            let e = toko.simpan_bukti(b"<html><script>").await.unwrap_err();
            assert!(matches!(e, Galat::Ditolak(_)), "{e}");
            let besar = vec![b'%'; BATAS_BUKTI + 1];
            assert!(matches!(
                toko.simpan_bukti(&besar).await.unwrap_err(),
                Galat::Ditolak(m) if m.contains("melebihi batas 10 MiB")
            ));
            toko.tutup().await;
            b.selesai().await;
        }
    }
}
