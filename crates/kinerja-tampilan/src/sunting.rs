//! The plan editor: the Renstra (period, visi, misi), its tujuan, sasaran and their indicators
//! with the yearly targets, and program, kegiatan and sub kegiatan with codes and the indicative
//! pagu per year, as one small form per row. A form posts one row; `baca::ubah_rencana` (beside
//! this page, so the field names cannot drift apart) applies it to the data set for the store's
//! one write path. Forms work without JavaScript; after an error the posted form shows what the
//! user typed with the error beside the field.

pub(crate) mod baca;
pub(crate) mod hapus;
pub(crate) mod iku;
mod indikator;
pub(crate) mod pk;
pub(crate) mod pk_ubah;
mod program;
pub(crate) mod rkt;
mod strategi;
pub(crate) mod tanggungan;
mod urutan;

use crate::bantu::{instansi_utama, render};
use crate::isian::{galat_ringkas, id_instansi, pesan_sel};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{KesalahanIsian, Konteks};
use askama::Template;
use baca::{AKSI, CARA, ID, INDUK, JENIS, POLARITAS, awalan, kode_pemilik, renstra_tahun};
use kinerja_core::angka::format_angka;
use kinerja_core::model::*;
use kinerja_core::waktu::Tahun;
use std::collections::HashMap;

pub(crate) struct Pilihan {
    pub nilai: String,
    pub label: String,
    pub dipilih: bool,
}

/// One field of an editor form.
pub(crate) struct MedanForm {
    pub nama: String,
    pub label: String,
    pub nilai: String,
    /// `teks`, `angka` (decimal keyboard), `area`, `pilihan` or `centang`.
    pub jenis: &'static str,
    pub pilihan: Vec<Pilihan>,
    pub ket: Option<String>,
    pub galat: Option<String>,
    /// `sempit` for numbers and years, `lebar` for text spanning the row.
    pub kelas: &'static str,
    /// Rows of a text area.
    pub baris: u8,
}

/// One row's form: the hidden fields that name the row, its fields, the remove button.
pub(crate) struct FormBaris {
    pub judul: String,
    /// Nesting: `tingkat-0` (tujuan, program) to `tingkat-3`.
    pub kelas: &'static str,
    pub jenis: String,
    pub id: String,
    pub induk: String,
    /// The form's anchor, the prefix of its field names.
    pub jangkar: String,
    pub medan: Vec<MedanForm>,
    pub hapus: bool,
    /// The up and down buttons (`urutan`).
    pub geser: bool,
    pub galat_form: Option<String>,
    /// A form that adds a row: folded away (`<details>`) until opened or posted.
    pub baru: bool,
    pub terbuka: bool,
    pub tombol: &'static str,
}

pub(crate) struct BagianSunting {
    pub judul: String,
    pub ket: String,
    pub form: Vec<FormBaris>,
}

#[derive(Template)]
#[template(path = "sunting.html")]
struct HalamanSunting {
    l: Tata,
    instansi: String,
    judul: String,
    ket: String,
    kembali: String,
    aksi: String,
    /// The confirmation page a row's "Hapus" opens.
    aksi_hapus: String,
    bagian: Vec<BagianSunting>,
    galat: Vec<crate::isian::GalatRingkas>,
}

/// Fills the fields of the forms: the posted form from what was posted, the others from the
/// stored data; errors beside their fields.
pub(crate) struct Pengisi<'a> {
    kiriman: Option<String>,
    /// The page is one form: every field was posted.
    semua: bool,
    diisi: HashMap<&'a str, &'a str>,
    galat: HashMap<&'a str, &'a str>,
    pub label: HashMap<String, String>,
}

impl<'a> Pengisi<'a> {
    pub fn baru(isian: &'a [(String, String)], kesalahan: &'a [KesalahanIsian]) -> Self {
        let (diisi, galat) = crate::isian::per_medan(isian, kesalahan);
        let kiriman = (!isian.is_empty()).then(|| {
            let g = |k: &str| diisi.get(k).copied().unwrap_or("").trim();
            awalan(g(JENIS), g(ID), g(INDUK))
        });
        Pengisi {
            kiriman,
            semua: false,
            diisi,
            galat,
            label: HashMap::new(),
        }
    }

    fn dikirim(&self, awal: &str) -> bool {
        if self.semua {
            return self.kiriman.is_some();
        }
        self.kiriman.as_deref() == Some(awal)
    }

    /// The page is one form: after a post, every field shows what was posted.
    pub fn kirim_semua(&mut self) {
        self.semua = true;
    }

    /// A field of the form `awal`; `tersimpan` is the stored value.
    pub fn medan(
        &mut self,
        awal: &str,
        m: &str,
        label: impl Into<String>,
        tersimpan: String,
        jenis: &'static str,
    ) -> MedanForm {
        let nama = format!("{awal}.{m}");
        let label = label.into();
        self.label.insert(nama.clone(), label.clone());
        let nilai = if self.dikirim(awal) {
            self.diisi.get(nama.as_str()).unwrap_or(&"").to_string()
        } else {
            tersimpan
        };
        MedanForm {
            galat: self.galat.get(nama.as_str()).map(|s| pesan_sel(s)),
            kelas: if matches!(jenis, "angka" | "centang") {
                "sempit"
            } else {
                "lebar"
            },
            nama,
            label,
            nilai,
            jenis,
            pilihan: Vec::new(),
            ket: None,
            baris: 2,
        }
    }

    pub fn pilihan(
        &mut self,
        awal: &str,
        m: &str,
        label: &str,
        tersimpan: String,
        daftar: Vec<(String, String)>,
    ) -> MedanForm {
        let mut f = self.medan(awal, m, label, tersimpan, "pilihan");
        f.pilihan = daftar
            .into_iter()
            .map(|(nilai, label)| Pilihan {
                dipilih: nilai == f.nilai,
                nilai,
                label,
            })
            .collect();
        f
    }

    /// The form of a row; `id` empty for a new row under `induk`.
    #[allow(clippy::too_many_arguments)]
    pub fn form(
        &self,
        judul: String,
        kelas: &'static str,
        jenis: &str,
        id: &str,
        induk: &str,
        medan: Vec<MedanForm>,
    ) -> FormBaris {
        let jangkar = awalan(jenis, id, induk);
        let baru = id.is_empty();
        FormBaris {
            galat_form: [format!("{jangkar}.hapus"), AKSI.to_string()]
                .iter()
                .filter(|n| n.as_str() != AKSI || self.dikirim(&jangkar))
                .find_map(|n| self.galat.get(n.as_str()).map(|s| s.to_string())),
            terbuka: self.dikirim(&jangkar),
            judul,
            kelas,
            jenis: jenis.to_string(),
            id: id.to_string(),
            induk: induk.to_string(),
            jangkar,
            medan,
            hapus: !baru,
            geser: !baru && urutan::dapat_digeser(jenis),
            baru,
            tombol: if baru { "Tambah" } else { "Simpan" },
        }
    }
}

pub(super) fn rupiah_isian(r: kinerja_core::uang::Rupiah) -> String {
    format_angka(r.nilai(), 2)
}

/// The plan editor of the Renstra in force in `tahun`.
pub fn sunting_rencana(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let l = Tata::baru(
        k,
        format!("Ubah Renstra {}", tahun.get()),
        Bagian::Rencana,
        Some(data),
    );
    let id_i = id_instansi(k, data);
    let mut p = Pengisi::baru(isian, kesalahan);
    let renstra = renstra_tahun(data, tahun);
    let mut bagian = Vec::new();

    // The Renstra itself.
    let rid = renstra.map_or("", |r| r.id.as_str());
    let a = awalan("renstra", rid, "renstra");
    let mut medan = vec![
        p.medan(
            &a,
            "tahun_awal",
            "Tahun awal",
            renstra.map_or(String::new(), |r| r.tahun_awal.get().to_string()),
            "angka",
        ),
        p.medan(
            &a,
            "tahun_akhir",
            "Tahun akhir",
            renstra.map_or(String::new(), |r| r.tahun_akhir.get().to_string()),
            "angka",
        ),
        p.medan(
            &a,
            "visi",
            "Visi",
            renstra.and_then(|r| r.visi.clone()).unwrap_or_default(),
            "area",
        ),
    ];
    let mut misi = p.medan(
        &a,
        "misi",
        "Misi",
        renstra.map(|r| r.misi.join("\n")).unwrap_or_default(),
        "area",
    );
    misi.ket = Some("satu misi per baris".into());
    misi.baris = 5;
    medan.push(misi);
    // The legal basis: the decree that set the Renstra.
    let dasar = renstra.and_then(|r| r.dasar.as_ref());
    medan.push(p.medan(
        &a,
        "dasar.nomor",
        "Dasar hukum: nomor peraturan atau keputusan",
        dasar.map(|k| k.nomor.clone()).unwrap_or_default(),
        "teks",
    ));
    medan.push(p.medan(
        &a,
        "dasar.tentang",
        "Dasar hukum: tentang",
        dasar.and_then(|k| k.tentang.clone()).unwrap_or_default(),
        "area",
    ));
    let mut tanggal = p.medan(
        &a,
        "dasar.tanggal",
        "Dasar hukum: tanggal",
        dasar
            .and_then(|k| k.tanggal)
            .map(|t| t.to_string())
            .unwrap_or_default(),
        "teks",
    );
    tanggal.ket = Some("misalnya 12 April 2016".into());
    tanggal.kelas = "sempit";
    medan.push(tanggal);
    let mut f = p.form(
        match renstra {
            Some(r) => format!("Renstra {}–{}", r.tahun_awal.get(), r.tahun_akhir.get()),
            None => format!("Renstra baru yang mencakup tahun {}", tahun.get()),
        },
        "tingkat-0",
        "renstra",
        rid,
        if rid.is_empty() { "renstra" } else { "" },
        medan,
    );
    // The Renstra has no remove button: its tujuan hang on it.
    f.hapus = false;
    f.baru = false;
    f.tombol = if renstra.is_some() {
        "Simpan"
    } else {
        "Buat Renstra"
    };
    if renstra.is_none() {
        // A new Renstra: its id comes from the period.
        f.induk = "renstra".into();
    }
    bagian.push(BagianSunting {
        judul: "Renstra".into(),
        ket: "Periode, visi, misi dan dasar hukum rencana strategis.".into(),
        form: vec![f],
    });

    if let Some(r) = renstra {
        let mut form = Vec::new();
        let tujuan = data.tujuan_renstra(Some(&r.id));
        let pilihan_tujuan: Vec<(String, String)> = tujuan
            .iter()
            .map(|t| {
                (
                    t.id.to_string(),
                    format!("Tujuan {}: {}", t.nomor, t.uraian),
                )
            })
            .collect();
        for t in &tujuan {
            let a = awalan("tujuan", t.id.as_str(), "");
            let medan = vec![
                p.medan(&a, "nomor", "No.", t.nomor.to_string(), "angka"),
                p.medan(&a, "uraian", "Uraian tujuan", t.uraian.clone(), "area"),
            ];
            form.push(p.form(
                format!("Tujuan {}: {}", t.nomor, t.uraian),
                "tingkat-0",
                "tujuan",
                t.id.as_str(),
                "",
                medan,
            ));
            let pemilik = Pemilik::Tujuan(t.id.clone());
            for i in data.indikator_milik(&pemilik) {
                form.push(indikator::form_indikator(
                    &mut p,
                    data,
                    Some(r),
                    Some(i),
                    &pemilik,
                    "tingkat-1",
                ));
            }
            let mut baru =
                indikator::form_indikator(&mut p, data, Some(r), None, &pemilik, "tingkat-1");
            baru.judul = format!("Tambah indikator tujuan {}", t.nomor);
            form.push(baru);
            let sasaran = data.sasaran_tujuan(&t.id);
            for s in &sasaran {
                let a = awalan("sasaran", s.id.as_str(), "");
                let medan = vec![
                    p.medan(&a, "nomor", "No.", s.nomor.to_string(), "angka"),
                    p.pilihan(
                        &a,
                        "tujuan",
                        "Tujuan",
                        s.tujuan.to_string(),
                        pilihan_tujuan.clone(),
                    ),
                    p.medan(&a, "uraian", "Uraian sasaran", s.uraian.clone(), "area"),
                    p.medan(
                        &a,
                        "mendukung",
                        "Mendukung sasaran instansi induk",
                        s.mendukung.clone().unwrap_or_default(),
                        "teks",
                    ),
                ];
                form.push(p.form(
                    format!("Sasaran {}: {}", s.nomor, s.uraian),
                    "tingkat-1",
                    "sasaran",
                    s.id.as_str(),
                    "",
                    medan,
                ));
                let pemilik = Pemilik::Sasaran(s.id.clone());
                for i in data.indikator_milik(&pemilik) {
                    form.push(indikator::form_indikator(
                        &mut p,
                        data,
                        Some(r),
                        Some(i),
                        &pemilik,
                        "tingkat-2",
                    ));
                }
                let mut baru =
                    indikator::form_indikator(&mut p, data, Some(r), None, &pemilik, "tingkat-2");
                baru.judul = format!("Tambah indikator sasaran {}", s.nomor);
                form.push(baru);
            }
            let induk = t.id.as_str();
            let a = awalan("sasaran", "", induk);
            // Sasaran are numbered across the Renstra (Sasaran 1, 2, 3 under their tujuan).
            let nomor = data
                .sasaran
                .iter()
                .filter(|s| tujuan.iter().any(|t| t.id == s.tujuan))
                .map(|s| s.nomor)
                .max()
                .unwrap_or(0)
                + 1;
            let medan = vec![
                p.medan(&a, "nomor", "No.", nomor.to_string(), "angka"),
                p.medan(&a, "uraian", "Uraian sasaran", String::new(), "area"),
                p.medan(
                    &a,
                    "mendukung",
                    "Mendukung sasaran instansi induk",
                    String::new(),
                    "teks",
                ),
            ];
            form.push(p.form(
                format!("Tambah sasaran di bawah tujuan {}", t.nomor),
                "tingkat-1",
                "sasaran",
                "",
                induk,
                medan,
            ));
        }
        let a = awalan("tujuan", "", "renstra");
        let nomor = tujuan.iter().map(|t| t.nomor).max().unwrap_or(0) + 1;
        let medan = vec![
            p.medan(&a, "nomor", "No.", nomor.to_string(), "angka"),
            p.medan(&a, "uraian", "Uraian tujuan", String::new(), "area"),
        ];
        form.push(p.form(
            "Tambah tujuan".into(),
            "tingkat-0",
            "tujuan",
            "",
            "renstra",
            medan,
        ));
        bagian.push(BagianSunting {
            judul: "Tujuan, sasaran dan indikator".into(),
            ket: "Target ditulis seperti di dokumen: 80, 80 %, ≥ 80, 75 - 85, WTP. Target yang \
                  dikosongkan dihapus; nilai lamanya tetap tercatat di jejak audit."
                .into(),
            form,
        });
        bagian.push(BagianSunting {
            judul: "Strategi dan kebijakan".into(),
            ket: "Strategi mencapai sasaran (centang sasaran yang didukung) dan kebijakan tiap \
                  strategi."
                .into(),
            form: strategi::form_strategi(&mut p, data),
        });
        bagian.push(BagianSunting {
            judul: "Program, kegiatan dan sub kegiatan".into(),
            ket: "Kode menurut Permendagri 90/2019 (program 7.01.01, kegiatan 7.01.01.2.01, sub \
                  kegiatan 7.01.01.2.01.0001). Pagu indikatif dalam rupiah: 1.250.000.000,00."
                .into(),
            form: program::form_program(&mut p, data, r),
        });
    }

    let galat = galat_ringkas(kesalahan, &p.label);
    render(&HalamanSunting {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        judul: format!("Ubah Renstra (tahun {})", tahun.get()),
        ket: "Setiap baris disimpan sendiri. Sebelum disimpan seluruh data diperiksa seperti \
              impor berkas; setiap perubahan tercatat di jejak audit."
            .into(),
        kembali: instansi_href(&id_i, tahun.get(), "/rencana"),
        aksi: instansi_href(&id_i, tahun.get(), "/rencana/ubah"),
        aksi_hapus: instansi_href(&id_i, tahun.get(), "/rencana/hapus"),
        bagian,
        galat,
    })
}
