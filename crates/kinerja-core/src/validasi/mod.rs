//! Structural validation of one instansi's data: unique ids, references that resolve, years
//! inside the plan period, targets whose form fits the indicator's polarity. Every input path
//! (file, database, form, API) goes through `periksa` before the data is used, so the
//! computations can rely on references resolving.
//!
//! What is checked here is what makes data *meaningless*, never what makes it *wrong*: a stated
//! total that does not add up, or a target that differs between the Renstra and the PK, is valid
//! data (published documents contain both) and is the reviu's business.
//!
//! What is valid but probably not meant (a `≤` target on a "makin tinggi makin baik" indicator,
//! a negative target, a predikat scale with gaps) is a warning (`peringatan`), which the reviu
//! lists and which never refuses data.
//!
//! Every text is bounded by the kind of its field (`teks`: a name 500 characters, a sentence
//! 2.000, a narrative 100.000), whatever door it came through.
//!
//! Numbers are not checked here: their bounds are enforced where they are read (`angka`,
//! `uang::Rupiah`, `nilai::Nilai`, `serde_angka`), so no value out of bounds reaches the data.

mod anggaran;
mod evaluasi;
mod kode;
mod laporan;
mod pengaturan;
mod pengukuran;
mod peringatan;
mod pohon;
mod rencana;
mod reorganisasi;
mod rumus;
mod tahunan;
mod teks;

pub use peringatan::{Peringatan, peringatan};
pub use teks::{JenisTeks, batas_medan, jenis_medan};

use crate::id::*;
use crate::model::*;
use crate::nilai::Bentuk;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

/// Where in the data a problem is: table, position (0-based), the record's id, the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letak {
    pub tabel: &'static str,
    pub indeks: usize,
    pub id: Option<String>,
    pub medan: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pelanggaran {
    pub letak: Letak,
    pub pesan: String,
}

impl fmt::Display for Letak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[[{}]] ke-{}", self.tabel, self.indeks + 1)?;
        if let Some(id) = &self.id {
            write!(f, " (id \"{id}\")")?;
        }
        write!(f, ", medan `{}`", self.medan)
    }
}

impl fmt::Display for Pelanggaran {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.letak, self.pesan)
    }
}

/// Checks the data; an empty list means it is structurally sound.
pub fn periksa(data: &DataInstansi) -> Vec<Pelanggaran> {
    let mut p = Pemeriksa { hasil: Vec::new() };
    p.unik("instansi", &data.instansi, |x| &x.id);
    p.unik("pejabat", &data.pejabat, |x| &x.id);
    p.unik("renstra", &data.renstra, |x| &x.id);
    p.unik("tujuan", &data.tujuan, |x| &x.id);
    p.unik("sasaran", &data.sasaran, |x| &x.id);
    p.unik("strategi", &data.strategi, |x| &x.id);
    p.unik("kebijakan", &data.kebijakan, |x| &x.id);
    p.unik("program", &data.program, |x| &x.id);
    p.unik("kegiatan", &data.kegiatan, |x| &x.id);
    p.unik("sub_kegiatan", &data.sub_kegiatan, |x| &x.id);
    p.unik("indikator", &data.indikator, |x| &x.id);
    p.unik("rkt", &data.rkt, |x| &x.id);
    p.unik("perjanjian_kinerja", &data.perjanjian_kinerja, |x| &x.id);
    p.unik("iku", &data.iku, |x| &x.id);
    p.unik("anggaran", &data.anggaran, |x| &x.id);
    p.unik("skm", &data.skm, |x| &x.id);
    p.unik("tindak_lanjut_skm", &data.tindak_lanjut_skm, |x| &x.id);
    p.unik("kuesioner_skm", &data.kuesioner_skm, |x| &x.id);
    p.unik("laporan", &data.laporan, |x| &x.id);
    p.unik("skala", &data.skala, |x| &x.id);
    p.unik("pohon", &data.pohon, |x| &x.id);
    p.unik("simpul", &data.simpul, |x| &x.id);
    p.unik("crosscutting", &data.crosscutting, |x| &x.id);
    p.unik("data_elemen", &data.data_elemen, |x| &x.id);

    // Tables in the order of the file format, so messages come in the order a reader meets them.
    let r = Rujukan::new(data);
    reorganisasi::periksa(&mut p, data, &r);
    rencana::periksa(&mut p, data, &r);
    kode::periksa(&mut p, data);
    pengukuran::periksa(&mut p, data, &r);
    rumus::periksa(&mut p, data, &r);
    tahunan::periksa(&mut p, data, &r);
    anggaran::periksa(&mut p, data, &r);
    laporan::periksa(&mut p, data, &r);
    pohon::periksa(&mut p, data, &r);
    evaluasi::periksa(&mut p, data);
    pengaturan::periksa(&mut p, data);
    p.hasil.extend(teks::periksa(data));
    p.hasil
}

/// The ids a reference may point at, per table.
struct Rujukan<'a> {
    instansi: HashSet<&'a InstansiId>,
    pejabat: HashSet<&'a PejabatId>,
    renstra: HashSet<&'a RenstraId>,
    tujuan: HashSet<&'a TujuanId>,
    sasaran: HashSet<&'a SasaranId>,
    strategi: HashSet<&'a StrategiId>,
    program: HashSet<&'a ProgramId>,
    kegiatan: HashSet<&'a KegiatanId>,
    sub_kegiatan: HashSet<&'a SubKegiatanId>,
    survei: HashSet<&'a SurveiId>,
    indikator: HashMap<&'a IndikatorId, &'a Indikator>,
}

fn kumpulan<'a, T, I: Eq + Hash + 'a>(xs: &'a [T], id: impl Fn(&'a T) -> &'a I) -> HashSet<&'a I> {
    xs.iter().map(id).collect()
}

impl<'a> Rujukan<'a> {
    fn new(data: &'a DataInstansi) -> Rujukan<'a> {
        Rujukan {
            instansi: kumpulan(&data.instansi, |x| &x.id),
            pejabat: kumpulan(&data.pejabat, |x| &x.id),
            renstra: kumpulan(&data.renstra, |x| &x.id),
            tujuan: kumpulan(&data.tujuan, |x| &x.id),
            sasaran: kumpulan(&data.sasaran, |x| &x.id),
            strategi: kumpulan(&data.strategi, |x| &x.id),
            program: kumpulan(&data.program, |x| &x.id),
            kegiatan: kumpulan(&data.kegiatan, |x| &x.id),
            sub_kegiatan: kumpulan(&data.sub_kegiatan, |x| &x.id),
            survei: kumpulan(&data.skm, |x| &x.id),
            indikator: data.indikator.iter().map(|i| (&i.id, i)).collect(),
        }
    }
}

/// A set of ids a reference is looked up in.
trait Ada<I> {
    fn ada(&self, id: &I) -> bool;
}
impl<I: Eq + Hash> Ada<I> for HashSet<&I> {
    fn ada(&self, id: &I) -> bool {
        self.contains(id)
    }
}
impl<I: Eq + Hash, V> Ada<I> for HashMap<&I, V> {
    fn ada(&self, id: &I) -> bool {
        self.contains_key(id)
    }
}

struct Pemeriksa {
    hasil: Vec<Pelanggaran>,
}

impl Pemeriksa {
    /// The record at `indeks` of `tabel`, named by `id` in the messages about it.
    fn di(
        &mut self,
        tabel: &'static str,
        indeks: usize,
        id: Option<&dyn fmt::Display>,
    ) -> Baris<'_> {
        Baris {
            p: self,
            tabel,
            indeks,
            id: id.map(|i| i.to_string()),
        }
    }

    fn unik<T, I: Eq + Hash + fmt::Display>(
        &mut self,
        tabel: &'static str,
        xs: &[T],
        id: impl Fn(&T) -> &I,
    ) {
        let mut seen: HashMap<&I, usize> = HashMap::new();
        for (i, x) in xs.iter().enumerate() {
            let k = id(x);
            if let Some(first) = seen.insert(k, i) {
                self.di(tabel, i, Some(k)).lapor(
                    "id",
                    format!("id ganda: sudah dipakai oleh [[{tabel}]] ke-{}", first + 1),
                );
            }
        }
    }
}

/// One record being checked: every problem found is reported at its place.
struct Baris<'p> {
    p: &'p mut Pemeriksa,
    tabel: &'static str,
    indeks: usize,
    id: Option<String>,
}

impl Baris<'_> {
    fn lapor(&mut self, medan: &'static str, pesan: impl Into<String>) {
        self.p.hasil.push(Pelanggaran {
            letak: Letak {
                tabel: self.tabel,
                indeks: self.indeks,
                id: self.id.clone(),
                medan,
            },
            pesan: pesan.into(),
        });
    }

    /// Reports `r` unless it is in `ada`; `jenis` names the table it should be in.
    fn rujuk<I: fmt::Display>(
        &mut self,
        medan: &'static str,
        ada: &impl Ada<I>,
        r: &I,
        jenis: &str,
    ) {
        if !ada.ada(r) {
            self.lapor(medan, format!("merujuk {jenis} \"{r}\" yang tidak ada"));
        }
    }

    /// A target's form must fit the indicator's polarity: `rentang` needs a range (a
    /// qualitative target fits any). A range on a positive or negative indicator is measured by
    /// PermenPANRB 8/2021's rule (`capaian`).
    fn bentuk_target(&mut self, medan: &'static str, ind: &Indikator, b: &Bentuk) {
        if ind.polaritas == Polaritas::Rentang && matches!(b, Bentuk::Angka { .. }) {
            self.lapor(
                medan,
                "indikator berpolaritas `rentang` memerlukan target rentang (\"80 - 90\")",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::*;
    use crate::waktu::Periode;

    fn pesan(d: &DataInstansi) -> Vec<String> {
        periksa(d).iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn the_seed_fixture_is_valid() {
        assert_eq!(pesan(&mumbulsari()), Vec::<String>::new());
    }

    #[test]
    fn indicative_pagu_once_a_year_not_negative_and_within_the_renstra() {
        let mut d = mumbulsari();
        let pagu = |t, s| PaguIndikatif {
            tahun: tahun(t),
            pagu: rp(s),
        };
        let periode = format!("{}-{}", d.renstra[0].tahun_awal, d.renstra[0].tahun_akhir);
        d.program[0].pagu_indikatif = vec![
            pagu(2020, "210000000"),
            pagu(2021, "0"),
            pagu(2020, "200000000"),
            pagu(2019, "-5"),
            pagu(2030, "1"),
        ];
        let id = d.program[0].id.to_string();
        let awal = format!("[[program]] ke-1 (id \"{id}\"), medan `pagu_indikatif`: ");
        assert_eq!(
            pesan(&d),
            [
                format!("{awal}pagu indikatif tahun 2020 tercatat lebih dari sekali"),
                format!("{awal}pagu indikatif tahun 2019 bernilai negatif"),
                format!("{awal}pagu indikatif tahun 2030 di luar periode Renstra ({periode})"),
            ]
        );
        // Without a Renstra there is no plan for an indicative pagu to belong to.
        d.program[0].pagu_indikatif = vec![pagu(2020, "210000000")];
        d.renstra.clear();
        assert!(
            pesan(&d).iter().any(|p| p
                == &format!(
                    "{awal}pagu indikatif tahun 2020 tanpa Renstra: pagu indikatif adalah bagian dari Renstra"
                )),
            "{:?}",
            pesan(&d)
        );
    }

    #[test]
    fn an_indicator_pointing_at_a_missing_sasaran_is_refused() {
        let mut d = mumbulsari();
        d.indikator
            .push(indikator("X", "S9", 1, Polaritas::Positif));
        let p = pesan(&d);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("[[indikator]] ke-4 (id \"X\")"), "{}", p[0]);
        assert!(p[0].contains("sasaran \"S9\" yang tidak ada"), "{}", p[0]);
    }

    #[test]
    fn dangling_references_are_reported_in_table_order() {
        let mut d = mumbulsari();
        // Appended in reverse table order: the messages still come in the file format's order.
        d.tercatat.push(Tercatat {
            lokasi: Lokasi {
                dokumen: "LKjIP".into(),
                bagian: "Tabel 3.1".into(),
                baris: None,
            },
            subjek: Subjek::Program(ProgramId::new("P9").unwrap()),
            ukuran: Ukuran::Pagu,
            tahun: None,
            nilai: NilaiTercatat::Teks("-".into()),
            tertulis: None,
            catatan: None,
        });
        d.anggaran[0].tempat = TempatAnggaran::Kegiatan(KegiatanId::new("K9").unwrap());
        d.pembanding.push(Pembanding {
            indikator: IndikatorId::new("X").unwrap(),
            tahun: tahun(2020),
            lingkup: "nasional".into(),
            nilai: n("5"),
            sumber: None,
            catatan: None,
        });
        d.sasaran[1].tujuan = TujuanId::new("T9").unwrap();
        assert_eq!(
            pesan(&d),
            [
                "[[sasaran]] ke-2 (id \"S2\"), medan `tujuan`: merujuk tujuan \"T9\" yang tidak ada",
                "[[pembanding]] ke-1 (id \"X\"), medan `indikator`: merujuk indikator \"X\" yang tidak ada",
                "[[anggaran]] ke-1 (id \"pos-K1-1\"), medan `tempat`: merujuk kegiatan \"K9\" yang tidak ada",
                "[[tercatat]] ke-1, medan `subjek`: merujuk Program(ProgramId(\"P9\")) yang tidak ada",
            ]
        );
    }

    #[test]
    fn a_realisasi_for_a_year_outside_the_renstra_is_refused() {
        let mut d = mumbulsari();
        d.realisasi
            .push(realisasi("SKM", 2030, Periode::Tahunan, "80"));
        let p = pesan(&d);
        assert!(
            p.iter()
                .any(|m| m.contains("tahun 2030") && m.contains("2016-2021")),
            "{p:?}"
        );
    }

    #[test]
    fn a_realisasi_source_or_note_past_2000_characters_is_refused_at_its_field() {
        let mut d = mumbulsari();
        let mut r = realisasi("SKM", 2020, Periode::Tw1, "80");
        r.sumber = Some("é".repeat(2_000));
        r.catatan = Some("x".repeat(2_001));
        d.realisasi.push(r);
        let v = periksa(&d);
        let panjang: Vec<_> = v
            .iter()
            .filter(|p| p.pesan.contains("terlalu panjang"))
            .collect();
        assert_eq!(panjang.len(), 1, "{v:?}");
        assert_eq!(panjang[0].letak.medan, "catatan");
        assert!(
            panjang[0]
                .pesan
                .contains("2.001 karakter, paling banyak 2.000"),
            "{}",
            panjang[0].pesan
        );
    }

    #[test]
    fn duplicates_are_refused() {
        let mut d = mumbulsari();
        d.realisasi
            .push(realisasi("SKM", 2020, Periode::Tahunan, "71"));
        d.target
            .push(target("SKM", 2020, DokumenTarget::Renstra, "90"));
        d.indikator
            .push(indikator("SKM", "S1", 2, Polaritas::Positif));
        let p = pesan(&d);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p.iter().any(|m| m.contains("realisasi ganda")));
        assert!(p.iter().any(|m| m.contains("target ganda")));
        assert!(p.iter().any(|m| m.contains("id ganda")));
    }

    #[test]
    fn range_polarity_needs_range_targets() {
        // A range on a positive indicator is PermenPANRB 8/2021's rule, not an error.
        let mut d = mumbulsari();
        d.target
            .push(target("SKM", 2019, DokumenTarget::Pengukuran, "80 - 90"));
        assert_eq!(pesan(&d), Vec::<String>::new());
        let mut d = mumbulsari();
        d.indikator[0].polaritas = Polaritas::Rentang;
        // Every numeric target of SKM now conflicts (6 Renstra + PK + Pengukuran).
        assert_eq!(periksa(&d).len(), 8);
    }

    #[test]
    fn mixing_budget_structures_in_a_year_is_refused() {
        let mut d = mumbulsari();
        d.anggaran[0].jenis = JenisBelanja::Operasi;
        assert!(pesan(&d).iter().any(|m| m.contains("struktur lain")));
    }

    #[test]
    fn a_budget_code_that_does_not_fit_its_level_is_named() {
        let mut d = mumbulsari();
        d.program[0].kode = Some("7.01".into());
        let p = pesan(&d);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("medan `kode`"), "{}", p[0]);
        assert!(
            p[0].contains("kode program \"7.01\" tidak sesuai tingkatnya"),
            "{}",
            p[0]
        );
    }

    #[test]
    fn a_kegiatan_code_outside_its_program_is_refused() {
        let mut d = mumbulsari();
        let prog = d.kegiatan[0].program.clone();
        let ip = d.program.iter().position(|p| p.id == prog).unwrap();
        d.program[ip].kode = Some("7.01.02".into());
        // Written with a two-digit fourth segment: the same code as 7.01.02.2.01.
        d.kegiatan[0].kode = Some("7.01.02.02.01".into());
        assert_eq!(pesan(&d), Vec::<String>::new());
        d.kegiatan[0].kode = Some("7.01.03.2.01".into());
        let p = pesan(&d);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].contains("tidak berada di bawah kode program"),
            "{}",
            p[0]
        );
    }

    #[test]
    fn a_line_with_both_a_year_figure_and_months_is_refused() {
        let mut d = mumbulsari();
        d.anggaran[0]
            .realisasi_bulanan
            .insert(crate::waktu::Bulan::Januari, rp("1000"));
        assert!(d.anggaran[0].realisasi.is_some());
        let p = pesan(&d);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("realisasi tahunan dan realisasi_bulanan sekaligus"));
        d.anggaran[0].realisasi = None;
        assert_eq!(pesan(&d), Vec::<String>::new());
    }
}
