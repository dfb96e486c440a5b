//! Bab I Pendahuluan: the user's sections `bab1.*` as written.

use super::Penyusun;
use super::sel::{bab, tidak_tersedia};
use crate::dokumen::*;

impl Penyusun<'_> {
    pub(super) fn bab1(&self) -> Bab {
        let mut isi = self.narasi("bab1.", &mut |_| vec![]);
        if isi.is_empty() {
            isi.push(tidak_tersedia("Uraian pendahuluan"));
        }
        bab("I", "PENDAHULUAN", isi)
    }
}
