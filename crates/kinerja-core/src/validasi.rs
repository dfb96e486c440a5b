//! Structural validation of one instansi's data: unique ids, references that resolve, years
//! inside the plan period, targets whose form fits the indicator's polarity. Every input path
//! (file, database, form, API) goes through `periksa` before the data is used, so the
//! computations can rely on references resolving.
//!
//! What is checked here is what makes data *meaningless*, never what makes it *wrong*: a stated
//! total that does not add up, or a target that differs between the Renstra and the PK, is valid
//! data (published documents contain both) and is the reviu's business.

use crate::id::*;
use crate::model::*;
use crate::nilai::Bentuk;
use std::collections::{HashMap, HashSet};
use std::fmt;

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

struct Pemeriksa {
    hasil: Vec<Pelanggaran>,
}

fn kumpulan<'a, T, I: Eq + std::hash::Hash + 'a>(
    xs: &'a [T],
    id: impl Fn(&'a T) -> &'a I,
) -> HashSet<&'a I> {
    xs.iter().map(id).collect()
}

impl Pemeriksa {
    fn lapor(
        &mut self,
        tabel: &'static str,
        indeks: usize,
        id: Option<&dyn fmt::Display>,
        medan: &'static str,
        pesan: impl Into<String>,
    ) {
        self.hasil.push(Pelanggaran {
            letak: Letak {
                tabel,
                indeks,
                id: id.map(|i| i.to_string()),
                medan,
            },
            pesan: pesan.into(),
        });
    }

    fn unik<T, I: Eq + std::hash::Hash + fmt::Display>(
        &mut self,
        tabel: &'static str,
        xs: &[T],
        id: impl Fn(&T) -> &I,
    ) {
        let mut seen: HashMap<&I, usize> = HashMap::new();
        for (i, x) in xs.iter().enumerate() {
            let k = id(x);
            if let Some(first) = seen.insert(k, i) {
                self.lapor(
                    tabel,
                    i,
                    Some(k),
                    "id",
                    format!("id ganda: sudah dipakai oleh [[{tabel}]] ke-{}", first + 1),
                );
            }
        }
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
    p.unik("laporan", &data.laporan, |x| &x.id);
    p.unik("skala", &data.skala, |x| &x.id);

    let instansi = kumpulan(&data.instansi, |x| &x.id);
    let pejabat = kumpulan(&data.pejabat, |x| &x.id);
    let renstra = kumpulan(&data.renstra, |x| &x.id);
    let tujuan = kumpulan(&data.tujuan, |x| &x.id);
    let sasaran = kumpulan(&data.sasaran, |x| &x.id);
    let strategi = kumpulan(&data.strategi, |x| &x.id);
    let program = kumpulan(&data.program, |x| &x.id);
    let kegiatan = kumpulan(&data.kegiatan, |x| &x.id);
    let sub_kegiatan = kumpulan(&data.sub_kegiatan, |x| &x.id);
    let survei = kumpulan(&data.skm, |x| &x.id);
    let indikator: HashMap<&IndikatorId, &Indikator> =
        data.indikator.iter().map(|i| (&i.id, i)).collect();

    macro_rules! rujuk {
        ($tabel:literal, $i:expr, $id:expr, $medan:literal, $set:expr, $ref:expr, $jenis:literal) => {{
            let r = $ref;
            if !$set.contains(r) {
                p.lapor(
                    $tabel,
                    $i,
                    Some($id),
                    $medan,
                    format!("merujuk {} \"{}\" yang tidak ada", $jenis, r),
                );
            }
        }};
    }

    for (i, x) in data.instansi.iter().enumerate() {
        if let Some(induk) = &x.induk {
            rujuk!("instansi", i, &x.id, "induk", instansi, induk, "instansi");
            if induk == &x.id {
                p.lapor(
                    "instansi",
                    i,
                    Some(&x.id),
                    "induk",
                    "instansi tidak boleh menjadi induk dirinya sendiri",
                );
            }
        }
    }
    p.hasil.extend(crate::hierarki::siklus(&data.instansi));
    for (i, x) in data.pejabat.iter().enumerate() {
        rujuk!(
            "pejabat",
            i,
            &x.id,
            "instansi",
            instansi,
            &x.instansi,
            "instansi"
        );
    }
    for (i, x) in data.renstra.iter().enumerate() {
        rujuk!(
            "renstra",
            i,
            &x.id,
            "instansi",
            instansi,
            &x.instansi,
            "instansi"
        );
        if x.tahun_akhir < x.tahun_awal {
            p.lapor(
                "renstra",
                i,
                Some(&x.id),
                "tahun_akhir",
                format!(
                    "tahun akhir {} sebelum tahun awal {}",
                    x.tahun_akhir, x.tahun_awal
                ),
            );
        }
        if let Some(ttd) = x.dasar.as_ref().and_then(|k| k.penandatangan.as_ref()) {
            rujuk!(
                "renstra",
                i,
                &x.id,
                "dasar.penandatangan",
                pejabat,
                ttd,
                "pejabat"
            );
        }
    }
    for (i, x) in data.tujuan.iter().enumerate() {
        rujuk!(
            "tujuan", i, &x.id, "renstra", renstra, &x.renstra, "renstra"
        );
    }
    for (i, x) in data.sasaran.iter().enumerate() {
        rujuk!("sasaran", i, &x.id, "tujuan", tujuan, &x.tujuan, "tujuan");
    }
    for (i, x) in data.strategi.iter().enumerate() {
        for s in &x.sasaran {
            rujuk!("strategi", i, &x.id, "sasaran", sasaran, s, "sasaran");
        }
    }
    for (i, x) in data.kebijakan.iter().enumerate() {
        rujuk!(
            "kebijakan",
            i,
            &x.id,
            "strategi",
            strategi,
            &x.strategi,
            "strategi"
        );
    }
    for (i, x) in data.program.iter().enumerate() {
        if let Some(s) = &x.sasaran {
            rujuk!("program", i, &x.id, "sasaran", sasaran, s, "sasaran");
        }
    }
    for (i, x) in data.kegiatan.iter().enumerate() {
        rujuk!(
            "kegiatan", i, &x.id, "program", program, &x.program, "program"
        );
    }
    for (i, x) in data.sub_kegiatan.iter().enumerate() {
        rujuk!(
            "sub_kegiatan",
            i,
            &x.id,
            "kegiatan",
            kegiatan,
            &x.kegiatan,
            "kegiatan"
        );
    }
    for (i, x) in data.indikator.iter().enumerate() {
        match &x.pemilik {
            Pemilik::Tujuan(r) => rujuk!("indikator", i, &x.id, "pemilik", tujuan, r, "tujuan"),
            Pemilik::Sasaran(r) => rujuk!("indikator", i, &x.id, "pemilik", sasaran, r, "sasaran"),
            Pemilik::Program(r) => rujuk!("indikator", i, &x.id, "pemilik", program, r, "program"),
            Pemilik::Kegiatan(r) => {
                rujuk!("indikator", i, &x.id, "pemilik", kegiatan, r, "kegiatan")
            }
            Pemilik::SubKegiatan(r) => {
                rujuk!(
                    "indikator",
                    i,
                    &x.id,
                    "pemilik",
                    sub_kegiatan,
                    r,
                    "sub-kegiatan"
                )
            }
        }
        if let Some(t) = &x.target_akhir {
            periksa_bentuk_target(&mut p, "indikator", i, &x.id, "target_akhir", x, t.bentuk());
        }
    }

    // The years a plan covers: a target or realisasi outside every Renstra period of the data is
    // a typo (2200) or belongs to another plan. Without a Renstra there is nothing to check
    // against.
    let periode: Vec<(u16, u16)> = data
        .renstra
        .iter()
        .map(|r| (r.tahun_awal.get(), r.tahun_akhir.get()))
        .collect();
    let dalam_periode = |t: crate::waktu::Tahun| {
        periode.is_empty() || periode.iter().any(|(a, b)| (*a..=*b).contains(&t.get()))
    };
    let teks_periode = || {
        periode
            .iter()
            .map(|(a, b)| format!("{a}-{b}"))
            .collect::<Vec<_>>()
            .join(", ")
    };

    let mut kunci_target = HashMap::new();
    for (i, x) in data.target.iter().enumerate() {
        let Some(ind) = indikator.get(&x.indikator) else {
            p.lapor(
                "target",
                i,
                Some(&x.indikator),
                "indikator",
                format!("merujuk indikator \"{}\" yang tidak ada", x.indikator),
            );
            continue;
        };
        periksa_bentuk_target(
            &mut p,
            "target",
            i,
            &x.indikator,
            "nilai",
            ind,
            x.nilai.bentuk(),
        );
        if !dalam_periode(x.tahun) {
            p.lapor(
                "target",
                i,
                Some(&x.indikator),
                "tahun",
                format!(
                    "tahun {} di luar periode Renstra ({})",
                    x.tahun,
                    teks_periode()
                ),
            );
        }
        if let Some(j) = kunci_target.insert((&x.indikator, x.tahun, x.dokumen), i) {
            p.lapor(
                "target",
                i,
                Some(&x.indikator),
                "tahun",
                format!(
                    "target ganda untuk tahun {} di dokumen {}: sudah ada di [[target]] ke-{}",
                    x.tahun,
                    x.dokumen.label(),
                    j + 1
                ),
            );
        }
    }
    let mut kunci_realisasi = HashMap::new();
    for (i, x) in data.realisasi.iter().enumerate() {
        if !indikator.contains_key(&x.indikator) {
            p.lapor(
                "realisasi",
                i,
                Some(&x.indikator),
                "indikator",
                format!("merujuk indikator \"{}\" yang tidak ada", x.indikator),
            );
        }
        if x.nilai.is_rentang() {
            p.lapor(
                "realisasi",
                i,
                Some(&x.indikator),
                "nilai",
                format!(
                    "realisasi \"{}\" berupa rentang; realisasi harus satu nilai",
                    x.nilai
                ),
            );
        }
        if !dalam_periode(x.tahun) {
            p.lapor(
                "realisasi",
                i,
                Some(&x.indikator),
                "tahun",
                format!(
                    "realisasi untuk tahun {} yang di luar periode Renstra ({})",
                    x.tahun,
                    teks_periode()
                ),
            );
        }
        if let Some(j) = kunci_realisasi.insert((&x.indikator, x.tahun, x.periode), i) {
            p.lapor(
                "realisasi",
                i,
                Some(&x.indikator),
                "periode",
                format!(
                    "realisasi ganda untuk {} {}: sudah ada di [[realisasi]] ke-{}",
                    x.periode.label(),
                    x.tahun,
                    j + 1
                ),
            );
        }
    }
    for (i, x) in data.pembanding.iter().enumerate() {
        if !indikator.contains_key(&x.indikator) {
            p.lapor(
                "pembanding",
                i,
                Some(&x.indikator),
                "indikator",
                format!("merujuk indikator \"{}\" yang tidak ada", x.indikator),
            );
        }
    }
    for (i, x) in data.rkt.iter().enumerate() {
        rujuk!(
            "rkt",
            i,
            &x.id,
            "instansi",
            instansi,
            &x.instansi,
            "instansi"
        );
        for r in &x.program {
            rujuk!("rkt", i, &x.id, "program", program, r, "program");
        }
        for r in &x.kegiatan {
            rujuk!(
                "rkt",
                i,
                &x.id,
                "kegiatan",
                kegiatan,
                &r.kegiatan,
                "kegiatan"
            );
        }
    }
    for (i, x) in data.perjanjian_kinerja.iter().enumerate() {
        rujuk!(
            "perjanjian_kinerja",
            i,
            &x.id,
            "instansi",
            instansi,
            &x.instansi,
            "instansi"
        );
        rujuk!(
            "perjanjian_kinerja",
            i,
            &x.id,
            "pihak_pertama",
            pejabat,
            &x.pihak_pertama,
            "pejabat"
        );
        rujuk!(
            "perjanjian_kinerja",
            i,
            &x.id,
            "pihak_kedua",
            pejabat,
            &x.pihak_kedua,
            "pejabat"
        );
        for r in &x.indikator {
            if !indikator.contains_key(r) {
                p.lapor(
                    "perjanjian_kinerja",
                    i,
                    Some(&x.id),
                    "indikator",
                    format!("merujuk indikator \"{r}\" yang tidak ada"),
                );
            }
        }
        for a in &x.anggaran {
            rujuk!(
                "perjanjian_kinerja",
                i,
                &x.id,
                "anggaran.program",
                program,
                &a.program,
                "program"
            );
        }
    }
    for (i, x) in data.iku.iter().enumerate() {
        rujuk!(
            "iku",
            i,
            &x.id,
            "instansi",
            instansi,
            &x.instansi,
            "instansi"
        );
        if let Some(ttd) = &x.keputusan.penandatangan {
            rujuk!(
                "iku",
                i,
                &x.id,
                "keputusan.penandatangan",
                pejabat,
                ttd,
                "pejabat"
            );
        }
        for b in &x.baris {
            if !indikator.contains_key(&b.indikator) {
                p.lapor(
                    "iku",
                    i,
                    Some(&x.id),
                    "baris.indikator",
                    format!("merujuk indikator \"{}\" yang tidak ada", b.indikator),
                );
            }
            for u in &b.penanggung_jawab {
                rujuk!(
                    "iku",
                    i,
                    &x.id,
                    "baris.penanggung_jawab",
                    instansi,
                    u,
                    "unit/instansi"
                );
            }
        }
    }
    let mut struktur_tahun = HashMap::new();
    for (i, x) in data.anggaran.iter().enumerate() {
        match &x.tempat {
            TempatAnggaran::Instansi => {}
            TempatAnggaran::Kegiatan(r) => {
                rujuk!("anggaran", i, &x.id, "tempat", kegiatan, r, "kegiatan")
            }
            TempatAnggaran::SubKegiatan(r) => {
                rujuk!(
                    "anggaran",
                    i,
                    &x.id,
                    "tempat",
                    sub_kegiatan,
                    r,
                    "sub-kegiatan"
                )
            }
        }
        let s = x.jenis.struktur();
        if let Some((s0, j)) = struktur_tahun.get(&x.tahun).copied() {
            if s0 != s {
                p.lapor("anggaran", i, Some(&x.id), "jenis", format!(
                    "jenis belanja \"{}\" dari struktur lain daripada [[anggaran]] ke-{} untuk tahun {}: satu tahun memakai satu struktur (Permendagri 13/2006 atau 90/2019)",
                    x.jenis.label(), j + 1, x.tahun
                ));
            }
        } else {
            struktur_tahun.insert(x.tahun, (s, i));
        }
    }
    for (i, x) in data.skm.iter().enumerate() {
        rujuk!(
            "skm",
            i,
            &x.id,
            "instansi",
            instansi,
            &x.instansi,
            "instansi"
        );
        if let Some(r) = &x.indikator
            && !indikator.contains_key(r)
        {
            p.lapor(
                "skm",
                i,
                Some(&x.id),
                "indikator",
                format!("merujuk indikator \"{r}\" yang tidak ada"),
            );
        }
        let mut nomor = HashSet::new();
        for u in &x.unsur {
            if !nomor.insert(u.nomor) {
                p.lapor(
                    "skm",
                    i,
                    Some(&x.id),
                    "unsur.nomor",
                    format!("nomor unsur {} ganda", u.nomor),
                );
            }
        }
    }
    for (i, x) in data.laporan.iter().enumerate() {
        rujuk!(
            "laporan",
            i,
            &x.id,
            "instansi",
            instansi,
            &x.instansi,
            "instansi"
        );
        if let Some(ttd) = &x.penandatangan {
            rujuk!(
                "laporan",
                i,
                &x.id,
                "penandatangan",
                pejabat,
                ttd,
                "pejabat"
            );
        }
        for a in &x.analisis {
            rujuk!(
                "laporan",
                i,
                &x.id,
                "analisis.sasaran",
                sasaran,
                &a.sasaran,
                "sasaran"
            );
        }
    }
    for (i, x) in data.tercatat.iter().enumerate() {
        let ada = match &x.subjek {
            Subjek::Instansi | Subjek::Belanja(_) | Subjek::Label(_) => true,
            Subjek::Sasaran(r) => sasaran.contains(r),
            Subjek::Indikator(r) => indikator.contains_key(r),
            Subjek::Program(r) => program.contains(r),
            Subjek::Kegiatan(r) => kegiatan.contains(r),
            Subjek::Survei(r) => survei.contains(r),
            Subjek::UnsurSkm { survei: s, nomor } => data
                .skm
                .iter()
                .any(|x| &x.id == s && x.unsur.iter().any(|u| u.nomor == *nomor)),
        };
        if !ada {
            p.lapor(
                "tercatat",
                i,
                None,
                "subjek",
                format!("merujuk {:?} yang tidak ada", x.subjek),
            );
        }
    }
    for (i, s) in data.skala.iter().enumerate() {
        if let Err(e) = s.periksa() {
            p.lapor("skala", i, Some(&s.id), "pita", e.to_string());
        }
    }
    if let Some(peng) = &data.pengaturan {
        let ada = data.skala.iter().any(|s| s.id == peng.skala)
            || crate::predikat::SkalaPredikat::bawaan()
                .iter()
                .any(|s| s.id == peng.skala);
        if !ada {
            p.lapor(
                "pengaturan",
                0,
                None,
                "skala",
                format!("skala predikat \"{}\" tidak dikenal", peng.skala),
            );
        }
    }
    p.hasil
}

fn periksa_bentuk_target(
    p: &mut Pemeriksa,
    tabel: &'static str,
    i: usize,
    id: &IndikatorId,
    medan: &'static str,
    ind: &Indikator,
    b: &Bentuk,
) {
    let rentang = matches!(b, Bentuk::Rentang { .. });
    if rentang != (ind.polaritas == Polaritas::Rentang) && !matches!(b, Bentuk::Kualitatif { .. }) {
        let pesan = if rentang {
            "target berupa rentang, tetapi polaritas indikator bukan `rentang`"
        } else {
            "indikator berpolaritas `rentang` memerlukan target rentang (\"80 - 90\")"
        };
        p.lapor(tabel, i, Some(id), medan, pesan);
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
    fn range_targets_need_range_polarity() {
        let mut d = mumbulsari();
        d.target
            .push(target("SKM", 2019, DokumenTarget::Pengukuran, "80 - 90"));
        assert!(pesan(&d)[0].contains("polaritas indikator bukan `rentang`"));
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
}
