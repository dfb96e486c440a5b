//! The Evaluasi AKIP answering pages: the OPD's self-assessment (`Pihak::Opd`) and the
//! evaluator's page (`Pihak::Evaluator`: the OPD's answer and the data's proposal with its
//! reasons beside each criterion, confirm or override). Grouped by component and
//! sub-component; the running scores and grades come finished from `kinerja-evaluasi` (through
//! the server): this module prints text it is given and computes nothing. One small form per
//! criterion (multipart, for the evidence file), so a refusal shows its error beside the field
//! of that criterion and keeps what was typed. Without JavaScript.

use crate::bantu::render;
use crate::tata::{Bagian, Tata};
use crate::{KesalahanIsian, Konteks};
use askama::Template;

/// Whose page it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PihakHalaman {
    Opd,
    Evaluator,
}

/// An answer as the page prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JawabanTampil {
    pub kode: String,
    /// The answer's value on 0-100, printed.
    pub nilai: String,
    pub catatan: String,
    pub bukti: Vec<BuktiTampil>,
    /// The proposal stored with the evaluator's answer when it was given.
    pub usulan_tersimpan: Option<String>,
}

/// One piece of evidence: its label, where to open it, and the form value that keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuktiTampil {
    pub label: String,
    pub href: Option<String>,
    /// `dokumen:tabel/id` or `berkas:SHA256:nama`.
    pub nilai: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsulanTampil {
    /// `None`: the data cannot say.
    pub jawaban: Option<String>,
    pub alasan: Vec<String>,
    pub bukti: Vec<BuktiTampil>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KriteriaTampil {
    pub id: String,
    pub uraian: String,
    /// Points of the total 100, printed.
    pub poin: String,
    /// `(kode, label)` of the criterion's scale, best first.
    pub pilihan: Vec<(String, String)>,
    /// What evidence the evaluator looks for.
    pub petunjuk_bukti: Option<String>,
    pub opd: Option<JawabanTampil>,
    pub evaluator: Option<JawabanTampil>,
    pub usulan: Option<UsulanTampil>,
    pub rekomendasi: String,
    /// Kerangka logis and other findings of the scoring on this criterion.
    pub temuan: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubTampil {
    pub id: String,
    pub nama: String,
    pub bobot: String,
    pub nilai_opd: String,
    pub nilai_evaluator: String,
    pub kriteria: Vec<KriteriaTampil>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KomponenTampil {
    pub id: String,
    pub nama: String,
    pub bobot: String,
    pub nilai_opd: String,
    pub nilai_evaluator: String,
    pub sub: Vec<SubTampil>,
}

/// A workflow button: a POST to `aksi`; `alasan`: the form asks for a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TombolLangkah {
    pub aksi: String,
    pub label: String,
    pub alasan: bool,
}

/// Everything the page shows, finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluasiTampil {
    pub pihak: PihakHalaman,
    pub instansi: String,
    pub tahun: u16,
    pub lke: String,
    /// The stage's label, and the reason of the last reopening.
    pub tahap: String,
    pub alasan: Option<String>,
    pub total_opd: String,
    pub predikat_opd: String,
    pub total_evaluator: String,
    pub predikat_evaluator: String,
    /// Criteria the evaluator has not answered.
    pub belum_dijawab: usize,
    /// Every component as `(address, label, shown)`: the page shows one component at a time
    /// (80 criteria with their forms are too long for one page, and for a screen reader).
    pub bagian: Vec<(String, String, bool)>,
    /// The component shown.
    pub komponen: Vec<KomponenTampil>,
    /// The page's forms are open (role and stage).
    pub boleh_jawab: bool,
    /// Why they are closed, when they are.
    pub tertutup: Option<String>,
    pub langkah: Vec<TombolLangkah>,
    /// `(nilai, label)` of the records of the data that evidence may link to.
    pub dokumen: Vec<(String, String)>,
    /// Where the forms post.
    pub aksi: String,
    /// The other party's page and the report.
    pub tautan: Vec<(String, String)>,
}

/// What a refused form had typed, to show it again beside its error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IsianKriteria {
    pub kriteria: String,
    pub jawaban: String,
    pub catatan: String,
    pub rekomendasi: String,
}

#[derive(Template)]
#[template(path = "evaluasi_isian.html")]
struct Halaman<'a> {
    l: Tata,
    h: &'a EvaluasiTampil,
    evaluator: bool,
    galat: Vec<(String, String)>,
    isian: Option<&'a IsianKriteria>,
}

impl Halaman<'_> {
    /// The error of field `medan` of criterion `k`.
    fn galat_di(&self, k: &str, medan: &str) -> Option<&str> {
        let nama = format!("{k}.{medan}");
        self.galat
            .iter()
            .find(|(m, _)| *m == nama)
            .map(|(_, p)| p.as_str())
    }
    /// What the field shows: the refused form's text for its criterion, else the stored one.
    fn isi<'b>(&'b self, k: &'b KriteriaTampil, medan: &str) -> &'b str {
        if let Some(i) = self.isian.filter(|i| i.kriteria == k.id) {
            return match medan {
                "jawaban" => &i.jawaban,
                "catatan" => &i.catatan,
                _ => &i.rekomendasi,
            };
        }
        let j = if self.evaluator { &k.evaluator } else { &k.opd };
        match (medan, j) {
            ("jawaban", Some(j)) => &j.kode,
            // The evaluator's form starts on the proposal, else the OPD's answer.
            ("jawaban", None) if self.evaluator => k
                .usulan
                .as_ref()
                .and_then(|u| u.jawaban.as_deref())
                .or(k.opd.as_ref().map(|o| o.kode.as_str()))
                .unwrap_or(""),
            ("catatan", Some(j)) => &j.catatan,
            ("rekomendasi", _) => &k.rekomendasi,
            _ => "",
        }
    }
    fn bukti_sendiri<'b>(&'b self, k: &'b KriteriaTampil) -> &'b [BuktiTampil] {
        let j = if self.evaluator { &k.evaluator } else { &k.opd };
        j.as_ref().map(|j| j.bukti.as_slice()).unwrap_or_default()
    }
}

/// The page. `kesalahan`: field errors as `KRITERIA.medan` (`1.a.1.jawaban`, `1.a.1.berkas`).
pub fn evaluasi_isian(
    k: &Konteks,
    h: &EvaluasiTampil,
    kesalahan: &[KesalahanIsian],
    isian: Option<&IsianKriteria>,
) -> String {
    let judul = match h.pihak {
        PihakHalaman::Opd => format!("Penilaian Mandiri Evaluasi AKIP {}", h.tahun),
        PihakHalaman::Evaluator => format!("Penilaian Evaluator Evaluasi AKIP {}", h.tahun),
    };
    let l = Tata::baru(k, judul, Bagian::Evaluasi, None);
    render(&Halaman {
        l,
        h,
        evaluator: h.pihak == PihakHalaman::Evaluator,
        galat: kesalahan
            .iter()
            .map(|e| (e.medan.clone(), e.pesan.clone()))
            .collect(),
        isian,
    })
}
