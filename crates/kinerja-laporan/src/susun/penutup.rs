//! Bab IV Penutup: the user's closing text, kendala and langkah perbaikan, and the signature.

use super::Penyusun;
use super::sel::{bab, daftar, paragraf, tidak_tersedia};
use crate::dokumen::*;

impl Penyusun<'_> {
    pub(super) fn bab4(&self) -> Bab {
        let p = &self.laporan.penutup;
        let mut isi = paragraf(&p.teks);
        isi.extend(daftar("Kendala dan permasalahan", &p.kendala));
        isi.extend(daftar("Langkah perbaikan", &p.langkah_perbaikan));
        if isi.is_empty() {
            isi.push(tidak_tersedia("Penutup"));
        }
        isi.extend(self.penandatangan().map(Blok::TandaTangan));
        bab("IV", "PENUTUP", isi)
    }
}
