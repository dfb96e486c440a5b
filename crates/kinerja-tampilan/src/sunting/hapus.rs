//! The confirmation before a row of the plan is removed (`/rencana/hapus?jenis=&id=`): what the
//! row is, what goes with it, or why it cannot go (`tanggungan::periksa`, the same question the
//! removal asks); the form posts the removal to the editor with `konfirmasi=1`.

use super::tanggungan::periksa;
use crate::Konteks;
use crate::bantu::{instansi_utama, render};
use crate::isian::id_instansi;
use crate::tata::{Bagian, Tata, instansi_href};
use askama::Template;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;

#[derive(Template)]
#[template(path = "sunting_hapus.html")]
struct HalamanHapus {
    l: Tata,
    instansi: String,
    judul: String,
    uraian: String,
    ikut: Vec<String>,
    /// Why the row cannot be removed; then there is no form.
    tolak: Option<String>,
    aksi: String,
    kembali: String,
    jenis: String,
    id: String,
}

/// The confirmation page for removing the row `id` of `jenis` of the plan of `tahun`.
pub fn konfirmasi_hapus(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    jenis: &str,
    id: &str,
) -> String {
    let id_i = id_instansi(k, data);
    let editor = instansi_href(&id_i, tahun.get(), "/rencana/ubah");
    let (judul, uraian, ikut, tolak) = match periksa(data, jenis, id) {
        Ok(p) => (format!("Hapus {}?", p.label), p.uraian, p.ikut, None),
        Err(pesan) => (
            "Baris ini tidak dapat dihapus".to_string(),
            String::new(),
            Vec::new(),
            Some(pesan),
        ),
    };
    render(&HalamanHapus {
        l: Tata::baru(k, judul.clone(), Bagian::Rencana, Some(data)),
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        judul,
        uraian,
        ikut,
        tolak,
        kembali: format!("{editor}#{}", super::baca::awalan(jenis, id, "")),
        aksi: editor,
        jenis: jenis.to_string(),
        id: id.to_string(),
    })
}
