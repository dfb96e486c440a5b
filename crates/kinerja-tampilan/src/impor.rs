//! The import and export page of an instansi: upload a data file, see what it would change
//! record by record (added, changed field by field, removed), confirm to apply it in one
//! transaction; or download the instansi's data as a file.

use crate::lain::{BarisJejak, baris_jejak};
use crate::tata::{Bagian, Tata};
use crate::{JejakTampil, Konteks};
use askama::Template;

/// Where the page stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeadaanImpor {
    /// The upload form.
    Kosong,
    /// The file could not be read, or its data is not valid: nothing was kept.
    Galat {
        berkas: String,
        masalah: Vec<String>,
    },
    /// The file is read and valid; `beda` is what applying it would change. The confirmation
    /// form sends `token` back.
    Pratinjau {
        berkas: String,
        ganti: bool,
        token: String,
        beda: Vec<JejakTampil>,
        /// What the file held that the import does not use (a workbook's unknown columns).
        peringatan: Vec<String>,
    },
}

#[derive(Template)]
#[template(path = "impor.html")]
struct HalamanImpor {
    l: Tata,
    instansi: String,
    id: String,
    format: String,
    berkas: String,
    masalah: Vec<String>,
    token: Option<String>,
    ganti: bool,
    jumlah: [usize; 3],
    baris: Vec<BarisJejak>,
    waktu_pengguna: bool,
    judul_tabel: String,
    peringatan: Vec<String>,
    /// The years a workbook to fill in can be downloaded for, newest first.
    tahun_templat: Vec<u16>,
}

/// `format`: the file forms the server reads, as the upload field lists them (".toml").
pub fn impor(
    k: &Konteks,
    instansi: &str,
    id: &str,
    format: &[&str],
    keadaan: &KeadaanImpor,
) -> String {
    let l = Tata::baru(
        k,
        format!("Impor dan ekspor {instansi}"),
        Bagian::Impor,
        None,
    );
    let (berkas, masalah, token, ganti, beda, peringatan) = match keadaan {
        KeadaanImpor::Kosong => (String::new(), Vec::new(), None, false, &[][..], &[][..]),
        KeadaanImpor::Galat { berkas, masalah } => (
            berkas.clone(),
            masalah.clone(),
            None,
            false,
            &[][..],
            &[][..],
        ),
        KeadaanImpor::Pratinjau {
            berkas,
            ganti,
            token,
            beda,
            peringatan,
        } => (
            berkas.clone(),
            Vec::new(),
            Some(token.clone()),
            *ganti,
            &beda[..],
            &peringatan[..],
        ),
    };
    let mut tahun_templat = k.tahun_pilihan.clone();
    tahun_templat.sort_unstable_by(|a, b| b.cmp(a));
    let n = |a: &str| beda.iter().filter(|b| b.aksi == a).count();
    crate::bantu::render(&HalamanImpor {
        l,
        instansi: instansi.to_string(),
        id: id.to_string(),
        format: format.join(","),
        berkas,
        masalah,
        token,
        ganti,
        jumlah: [n("tambah"), n("ubah"), n("hapus")],
        baris: beda.iter().map(baris_jejak).collect(),
        waktu_pengguna: false,
        judul_tabel: "Perubahan yang akan diterapkan, per rekaman".into(),
        peringatan: peringatan.to_vec(),
        tahun_templat,
    })
}
