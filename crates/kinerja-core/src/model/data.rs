//! The settings of an instansi and the aggregate of all its documents.

use crate::id::*;
use crate::model::*;
use crate::predikat::SkalaPredikat;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How capaian is computed for this instansi. Regulations differ; the choice is data, and the
/// report prints which rule it used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pengaturan {
    pub skala: SkalaId,
    pub rumus_negatif: crate::capaian::RumusNegatif,
    /// An upper cap on capaian (some pemda cap at 120 %); none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::serde_angka::desimal_opsi")]
    #[schemars(with = "Option<String>")]
    pub batas_atas: Option<Decimal>,
}

/// All documents of one instansi (its parents and units included for names and hierarchy).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataInstansi {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instansi: Vec<Instansi>,
    /// Splits, merges and renamings of the instansi (`crate::reorganisasi`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reorganisasi: Vec<Reorganisasi>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pejabat: Vec<Pejabat>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renstra: Vec<Renstra>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tujuan: Vec<Tujuan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sasaran: Vec<Sasaran>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategi: Vec<Strategi>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kebijakan: Vec<Kebijakan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub program: Vec<Program>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kegiatan: Vec<Kegiatan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_kegiatan: Vec<SubKegiatan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indikator: Vec<Indikator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<Target>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub realisasi: Vec<Realisasi>,
    /// Raw figures formulas refer to (`Indikator::rumus`), and their values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_elemen: Vec<DataElemen>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nilai_data: Vec<NilaiData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pembanding: Vec<Pembanding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rkt: Vec<Rkt>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub perjanjian_kinerja: Vec<PerjanjianKinerja>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub iku: Vec<Iku>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anggaran: Vec<PosAnggaran>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skm: Vec<SurveiSkm>,
    /// The Rencana Tindak Lanjut of the surveys, with their follow-up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tindak_lanjut_skm: Vec<TindakLanjutSkm>,
    /// The instansi's own SKM questionnaires (the hosted form and the reading of exports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kuesioner_skm: Vec<KuesionerSkm>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub laporan: Vec<Laporan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tercatat: Vec<Tercatat>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skala: Vec<SkalaPredikat>,
    /// The pemda's pohon kinerja (one per year), its nodes and crosscutting links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pohon: Vec<PohonKinerja>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub simpul: Vec<SimpulPohon>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosscutting: Vec<Crosscutting>,
    /// Reviu findings a reviewer accepted, with the reason (kept with the data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviu: Vec<PenerimaanTemuan>,
    /// Answers to the Evaluasi AKIP worksheet (LKE), per year and criterion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jawaban_evaluasi: Vec<JawabanEvaluasi>,
    /// Where each year's evaluation stands (draft, submitted, evaluated, final).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_evaluasi: Vec<StatusEvaluasi>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pengaturan: Option<Pengaturan>,
}

impl DataInstansi {
    /// Whether this data set's medium-term plan is an RPJMD (a pemda's): its `renstra` targets
    /// read "RPJMD" (`DokumenTarget::label_rencana`).
    pub fn rpjmd(&self) -> bool {
        self.renstra.iter().any(|r| r.jenis == JenisRencana::Rpjmd)
    }

    /// Lookups by id for printing names (linear: for a handful of calls; `pengukuran::Indeks`
    /// indexes what computations look up often).
    pub fn program(&self, id: &ProgramId) -> Option<&Program> {
        self.program.iter().find(|p| &p.id == id)
    }
    pub fn kegiatan(&self, id: &KegiatanId) -> Option<&Kegiatan> {
        self.kegiatan.iter().find(|k| &k.id == id)
    }
    pub fn sasaran(&self, id: &SasaranId) -> Option<&Sasaran> {
        self.sasaran.iter().find(|s| &s.id == id)
    }
    /// The tujuan of one Renstra (of every Renstra with `None`), in plan order: by nomor, ties
    /// in file order. Plan order is the one order every table, form and page lists them in.
    pub fn tujuan_renstra(&self, renstra: Option<&RenstraId>) -> Vec<&Tujuan> {
        let mut v: Vec<&Tujuan> = self
            .tujuan
            .iter()
            .filter(|t| renstra.is_none_or(|r| &t.renstra == r))
            .collect();
        v.sort_by_key(|t| t.nomor);
        v
    }
    /// The sasaran of one tujuan, in plan order (see `tujuan_renstra`).
    pub fn sasaran_tujuan(&self, tujuan: &TujuanId) -> Vec<&Sasaran> {
        let mut v: Vec<&Sasaran> = self
            .sasaran
            .iter()
            .filter(|s| &s.tujuan == tujuan)
            .collect();
        v.sort_by_key(|s| s.nomor);
        v
    }
    /// Every sasaran in plan order: by their tujuan's nomor (0 for a tujuan not found), then
    /// their own, as the report prints them.
    pub fn sasaran_urut(&self) -> Vec<&Sasaran> {
        let nomor_tujuan = |s: &Sasaran| {
            self.tujuan
                .iter()
                .find(|t| t.id == s.tujuan)
                .map_or(0, |t| t.nomor)
        };
        let mut v: Vec<&Sasaran> = self.sasaran.iter().collect();
        v.sort_by_key(|s| (nomor_tujuan(s), s.nomor));
        v
    }
    /// The indicators of one owner, in plan order (see `tujuan_renstra`).
    pub fn indikator_milik(&self, pemilik: &Pemilik) -> Vec<&Indikator> {
        let mut v: Vec<&Indikator> = self
            .indikator
            .iter()
            .filter(|i| &i.pemilik == pemilik)
            .collect();
        v.sort_by_key(|i| i.nomor);
        v
    }
    /// The indicators of a Renstra's tujuan and sasaran in plan order (each tujuan's own, then
    /// each of its sasaran's), with their owner as a form or list labels it: "Tujuan 1",
    /// "Sasaran 2".
    pub fn indikator_rencana(&self, renstra: Option<&RenstraId>) -> Vec<(&Indikator, String)> {
        let mut v = Vec::new();
        for t in self.tujuan_renstra(renstra) {
            for i in self.indikator_milik(&Pemilik::Tujuan(t.id.clone())) {
                v.push((i, format!("Tujuan {}", t.nomor)));
            }
            for s in self.sasaran_tujuan(&t.id) {
                for i in self.indikator_milik(&Pemilik::Sasaran(s.id.clone())) {
                    v.push((i, format!("Sasaran {}", s.nomor)));
                }
            }
        }
        v
    }
    /// The name a budget table prints for the sasaran a program serves.
    pub fn label_sasaran_anggaran(&self, id: Option<&SasaranId>) -> String {
        match id {
            Some(id) => self
                .sasaran(id)
                .map(|s| s.uraian.clone())
                .unwrap_or_default(),
            None => "(program tanpa sasaran)".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::indikator;

    fn tujuan(id: &str, renstra: &str, nomor: u32) -> Tujuan {
        Tujuan {
            id: TujuanId::new(id).unwrap(),
            renstra: RenstraId::new(renstra).unwrap(),
            nomor,
            uraian: id.into(),
            catatan: None,
        }
    }

    fn sasaran(id: &str, tujuan: &str, nomor: u32) -> Sasaran {
        Sasaran {
            id: SasaranId::new(id).unwrap(),
            tujuan: TujuanId::new(tujuan).unwrap(),
            nomor,
            uraian: id.into(),
            mendukung: None,
            catatan: None,
        }
    }

    /// Written out of order on purpose: T2 (nomor 2) before T1, a second Renstra's tujuan in
    /// between, sasaran numbered against their file order, two indicators with the same nomor.
    fn acak() -> DataInstansi {
        let a = indikator("I-a", "S-T1-1", 2, Polaritas::Positif);
        let b = indikator("I-b", "S-T1-1", 1, Polaritas::Positif);
        let c = indikator("I-c", "S-T1-1", 1, Polaritas::Positif);
        let mut t = indikator("I-t", "S-T1-1", 1, Polaritas::Positif);
        t.pemilik = Pemilik::Tujuan(TujuanId::new("T2").unwrap());
        let e = indikator("I-e", "S-T2-1", 1, Polaritas::Positif);
        DataInstansi {
            tujuan: vec![
                tujuan("T2", "R1", 2),
                tujuan("X1", "R2", 1),
                tujuan("T1", "R1", 1),
            ],
            sasaran: vec![
                sasaran("S-T2-1", "T2", 1),
                sasaran("S-T1-2", "T1", 2),
                sasaran("S-T1-1", "T1", 1),
            ],
            indikator: vec![a, b, t, c, e],
            ..Default::default()
        }
    }

    fn id<T>(v: Vec<&T>, f: impl Fn(&T) -> &str) -> Vec<String> {
        v.into_iter().map(|x| f(x).to_string()).collect()
    }

    #[test]
    fn plan_order_is_by_nomor_with_ties_in_file_order() {
        let d = acak();
        let r1 = RenstraId::new("R1").unwrap();
        assert_eq!(
            id(d.tujuan_renstra(Some(&r1)), |t| t.id.as_str()),
            ["T1", "T2"]
        );
        assert_eq!(
            id(d.tujuan_renstra(None), |t| t.id.as_str()),
            ["X1", "T1", "T2"]
        );
        let t1 = TujuanId::new("T1").unwrap();
        assert_eq!(
            id(d.sasaran_tujuan(&t1), |s| s.id.as_str()),
            ["S-T1-1", "S-T1-2"]
        );
        // T1's sasaran (tujuan nomor 1) come before T2's whatever their own nomor.
        assert_eq!(
            id(d.sasaran_urut(), |s| s.id.as_str()),
            ["S-T1-1", "S-T1-2", "S-T2-1"]
        );
        let s11 = Pemilik::Sasaran(SasaranId::new("S-T1-1").unwrap());
        // I-b and I-c share nomor 1: file order (b before c) decides.
        assert_eq!(
            id(d.indikator_milik(&s11), |i| i.id.as_str()),
            ["I-b", "I-c", "I-a"]
        );
    }

    #[test]
    fn the_plans_indicators_go_tujuan_then_its_sasaran() {
        let d = acak();
        let r1 = RenstraId::new("R1").unwrap();
        let v: Vec<(String, String)> = d
            .indikator_rencana(Some(&r1))
            .into_iter()
            .map(|(i, p)| (i.id.to_string(), p))
            .collect();
        let ke = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            v,
            [
                ke("I-b", "Sasaran 1"),
                ke("I-c", "Sasaran 1"),
                ke("I-a", "Sasaran 1"),
                ke("I-t", "Tujuan 2"),
                ke("I-e", "Sasaran 1"),
            ]
        );
    }
}
