//! Trends across a reorganisation (`model::Reorganisasi`): an instansi formed by a merge, a
//! split or a renaming has, for the years before it began, the figures of its predecessors,
//! rolled up the way the indicator declares (`CaraWilayah`, the region roll-up's code), so a
//! trend over years does not break where the organisation changed.
//!
//! Decisions:
//! - a merge's earlier years are its predecessors rolled up (a ratio of sums for a formula
//!   indicator: 1 of 2 desa and 18 of 20 make 19 of 22, not the mean of 50 % and 90 %);
//! - a split's successors each show the whole predecessor for the earlier years (the data
//!   cannot say which part of the predecessor's desa went where); the figure names its source;
//! - a renaming shows the old instansi's figure as is;
//! - chains are followed (renamed, then merged); the walk ends even on cyclic data (which
//!   validation refuses).
//!
//! - a predecessor whose data set is not at hand is no unit of the roll-up (it is named as
//!   absent beside the figure), so "1 dari 1 unit" never pretends a second unit was asked.
//!
//! Region roll-ups (a kabupaten's units in a year) count only the units that exist in that
//! year (`ada_pada`): the predecessors up to their last year, the successors from their first.

use crate::capaian::AlasanTidakTersedia;
use crate::id::InstansiId;
use crate::model::{CaraWilayah, DataInstansi, JenisReorganisasi, Reorganisasi};
use crate::waktu::Tahun;
use crate::wilayah::{RekapIndikator, RingkasUnit, rekap_indikator_ringkas};

/// The instansi whose figures stand for `instansi` in `tahun`: itself from the year it began,
/// before that its predecessors (their own predecessors before they began), in record order.
pub fn sumber_pada(reorg: &[Reorganisasi], instansi: &InstansiId, tahun: Tahun) -> Vec<InstansiId> {
    let mut hasil = vec![instansi.clone()];
    // Each pass replaces instansi formed after `tahun` by their predecessors; a valid chain
    // is at most as long as the records, so more passes mean a cycle: stop.
    for _ in 0..=reorg.len() {
        let mut berubah = false;
        let mut baru = Vec::with_capacity(hasil.len());
        for id in hasil {
            match reorg
                .iter()
                .find(|r| tahun < r.tahun && r.penerus.contains(&id))
            {
                Some(r) => {
                    berubah = true;
                    for p in &r.pendahulu {
                        if !baru.contains(p) {
                            baru.push(p.clone());
                        }
                    }
                }
                None if !baru.contains(&id) => baru.push(id),
                None => {}
            }
        }
        hasil = baru;
        if !berubah {
            break;
        }
    }
    hasil
}

/// Whether `instansi` exists in `tahun`: not before a reorganisation formed it, not from the
/// year one ended it (an instansi no record names always exists).
pub fn ada_pada(reorg: &[Reorganisasi], instansi: &InstansiId, tahun: Tahun) -> bool {
    !reorg.iter().any(|r| {
        (tahun < r.tahun && r.penerus.contains(instansi))
            || (tahun >= r.tahun && r.pendahulu.contains(instansi))
    })
}

/// The reorganisation that formed `instansi`, if one did.
pub fn pembentukan<'a>(
    reorg: &'a [Reorganisasi],
    instansi: &InstansiId,
) -> Option<&'a Reorganisasi> {
    reorg.iter().find(|r| r.penerus.contains(instansi))
}

/// Every instansi a trend of `instansi` may read, itself first, then its predecessors back
/// along every chain, each once (ends on cyclic data).
pub fn pendahulu_semua(reorg: &[Reorganisasi], instansi: &InstansiId) -> Vec<InstansiId> {
    let mut hasil = vec![instansi.clone()];
    let mut i = 0;
    while let Some(id) = hasil.get(i).cloned() {
        for r in reorg.iter().filter(|r| r.penerus.contains(&id)) {
            for p in &r.pendahulu {
                if !hasil.contains(p) {
                    hasil.push(p.clone());
                }
            }
        }
        i += 1;
    }
    hasil
}

/// The predecessors of `instansi` back along every chain ([`pendahulu_semua`] without
/// itself): none when no reorganisation formed it. The data sets a report or a trend of it reads
/// besides its own.
pub fn pendahulu(reorg: &[Reorganisasi], instansi: &InstansiId) -> Vec<InstansiId> {
    let mut v = pendahulu_semua(reorg, instansi);
    v.remove(0);
    v
}

/// The years a reorganised trend of `instansi` shows up to `sampai`: from the first year any
/// of its data sets or its predecessors' measured something (realisasi or data element
/// values), at most `BATAS_TAHUN` years; none when no reorganisation formed it.
pub fn tahun_riwayat<'a>(
    reorg: &[Reorganisasi],
    instansi: &InstansiId,
    sampai: Tahun,
    data: impl Fn(&InstansiId) -> Option<&'a DataInstansi>,
) -> Vec<Tahun> {
    if pembentukan(reorg, instansi).is_none() {
        return Vec::new();
    }
    let awal = pendahulu_semua(reorg, instansi)
        .iter()
        .filter_map(&data)
        .flat_map(|d| {
            d.realisasi
                .iter()
                .map(|r| r.tahun)
                .chain(d.nilai_data.iter().map(|n| n.tahun))
        })
        .filter(|t| *t <= sampai)
        .min()
        .unwrap_or(sampai);
    let batas = sampai.get().saturating_sub(BATAS_TAHUN - 1);
    (awal.get().max(batas)..=sampai.get())
        .filter_map(|t| Tahun::new(i64::from(t)).ok())
        .collect()
}

/// The longest trend a page shows (a hostile year far back must not make a page of centuries).
pub const BATAS_TAHUN: u16 = 10;

/// One year of an indicator's trend across a reorganisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitikRiwayat {
    pub tahun: Tahun,
    /// Whose figures it is: the instansi itself, or its predecessors.
    pub sumber: Vec<InstansiId>,
    /// Sources whose data set is not at hand: no units of the figure.
    pub tanpa_data: Vec<InstansiId>,
    /// The kind of the reorganisation that formed the instansi, when the figure is from its
    /// predecessors.
    pub jenis: Option<JenisReorganisasi>,
    pub rekap: RekapIndikator,
}

impl TitikRiwayat {
    /// Where the figure comes from, for a table's note, `None` for the instansi's own year:
    /// "gabungan dari A dan B (rasio jumlah pembilang dan penyebut unit, 2 dari 2 unit melapor)"; a renaming's old name;
    /// a split's whole predecessor. `nama` gives an instansi's name.
    pub fn keterangan(&self, nama: impl Fn(&InstansiId) -> String) -> Option<String> {
        let jenis = self.jenis?;
        let daftar = |v: &[InstansiId]| {
            let n: Vec<String> = v.iter().map(&nama).collect();
            match n.split_last() {
                Some((akhir, awal)) if !awal.is_empty() => {
                    format!("{} dan {akhir}", awal.join(", "))
                }
                _ => n.concat(),
            }
        };
        let mut teks = match (self.sumber.as_slice(), jenis) {
            ([satu], JenisReorganisasi::Pemekaran) => {
                format!("dari {} sebelum pemekaran (seluruh wilayahnya)", nama(satu))
            }
            ([satu], _) => format!("dari {} (sebelum berganti nama)", nama(satu)),
            // No predecessor's data set at hand: nothing was rolled up, only the absent named.
            (banyak, _) if self.rekap.jumlah_unit == 0 => {
                format!("gabungan dari {}", daftar(banyak))
            }
            (banyak, _) => format!(
                "gabungan dari {} ({})",
                daftar(banyak),
                self.rekap.keterangan()
            ),
        };
        if !self.tanpa_data.is_empty() {
            teks.push_str(&format!(
                "; data {} tidak tersedia",
                daftar(&self.tanpa_data)
            ));
        }
        Some(teks)
    }
}

/// The trend of indicator `indikator` of `instansi` over `tahun`: each year from the data sets
/// of `sumber_pada` (`data` gives an instansi's data set; one not at hand is left out of the
/// units and named in `tanpa_data`). One source: its own figure; several: the region roll-up
/// over those at hand, by the indicator's declared way (`rekap_indikator_ringkas`); an
/// indicator declared not to roll up (`tidak`) has no figure for a merge's earlier years.
pub fn riwayat_indikator<'a>(
    reorg: &[Reorganisasi],
    instansi: &InstansiId,
    indikator: &str,
    tahun: &[Tahun],
    data: impl Fn(&InstansiId) -> Option<&'a DataInstansi>,
) -> Vec<TitikRiwayat> {
    tahun
        .iter()
        .map(|&t| {
            let sumber = sumber_pada(reorg, instansi, t);
            let (ada, tanpa_data): (Vec<&InstansiId>, Vec<&InstansiId>) =
                sumber.iter().partition(|s| data(s).is_some());
            let unit: Vec<RingkasUnit> = ada
                .iter()
                .filter_map(|s| data(s))
                .map(|d| RingkasUnit::dari_data(d, t))
                .collect();
            let rekap = match (sumber.len(), unit.as_slice()) {
                (1, [satu]) => sendiri(satu, indikator),
                // A merge's units are its predecessors at hand, each one counting whether it
                // carries the indicator or not (a predecessor that did not measure it did not
                // report it).
                _ => rekap_indikator_ringkas(&unit)
                    .into_iter()
                    .find(|b| b.id == indikator)
                    .map(|b| RekapIndikator {
                        jumlah_unit: unit.len(),
                        ..b.rekap
                    })
                    .unwrap_or(RekapIndikator {
                        cara: CaraWilayah::Tidak,
                        nilai: Err(AlasanTidakTersedia::RealisasiKosong),
                        jumlah_unit: unit.len(),
                        melapor: 0,
                    }),
            };
            let jenis = (sumber.as_slice() != std::slice::from_ref(instansi))
                .then(|| pembentukan(reorg, instansi).map(|r| r.jenis))
                .flatten();
            TitikRiwayat {
                tahun: t,
                tanpa_data: tanpa_data.into_iter().cloned().collect(),
                sumber,
                jenis,
                rekap,
            }
        })
        .collect()
}

/// One unit's own figure of the indicator (by id, else the one cascading from it).
fn sendiri(unit: &RingkasUnit, indikator: &str) -> RekapIndikator {
    let ind = unit
        .indikator
        .iter()
        .find(|i| i.id == indikator)
        .or_else(|| {
            unit.indikator
                .iter()
                .find(|i| i.induk.as_deref() == Some(indikator))
        });
    let nilai = ind.and_then(|i| i.nilai.realisasi);
    RekapIndikator {
        cara: ind.map_or(CaraWilayah::Tidak, |i| i.cara),
        nilai: nilai.ok_or(AlasanTidakTersedia::RealisasiKosong),
        jumlah_unit: 1,
        melapor: usize::from(nilai.is_some()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::ReorganisasiId;
    use crate::model::{Instansi, JenisInstansi, JenisReorganisasi};
    use crate::uji::tahun;
    use crate::uji_rumus::{dengan_rumus, nilai};
    use crate::waktu::Periode;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn id(s: &str) -> InstansiId {
        InstansiId::new(s).unwrap()
    }

    fn reorg(
        nama: &str,
        jenis: JenisReorganisasi,
        t: i64,
        dari: &[&str],
        ke: &[&str],
    ) -> Reorganisasi {
        Reorganisasi {
            id: ReorganisasiId::new(nama).unwrap(),
            jenis,
            tahun: tahun(t),
            pendahulu: dari.iter().map(|s| id(s)).collect(),
            penerus: ke.iter().map(|s| id(s)).collect(),
            dasar: None,
            catatan: None,
        }
    }

    #[test]
    fn the_sources_of_a_year_follow_renamings_and_merges() {
        // X renamed Y in 2020; Y and Z merged into W in 2022.
        let r = [
            reorg("r1", JenisReorganisasi::GantiNama, 2020, &["x"], &["y"]),
            reorg(
                "r2",
                JenisReorganisasi::Penggabungan,
                2022,
                &["y", "z"],
                &["w"],
            ),
        ];
        let s = |i: &str, t| sumber_pada(&r, &id(i), tahun(t));
        assert_eq!(s("w", 2022), vec![id("w")]);
        assert_eq!(s("w", 2021), vec![id("y"), id("z")]);
        assert_eq!(s("w", 2019), vec![id("x"), id("z")]);
        assert_eq!(s("y", 2019), vec![id("x")]);
        // Cyclic data (refused by validation) still ends.
        let c = [
            reorg("c1", JenisReorganisasi::GantiNama, 2020, &["a"], &["b"]),
            reorg("c2", JenisReorganisasi::GantiNama, 2021, &["b"], &["a"]),
        ];
        let _ = sumber_pada(&c, &id("a"), tahun(2019));
    }

    /// Kecamatan A and B merge into C from 2021. DESA ("desa yang menyusun dokumen
    /// perencanaan tepat waktu / jumlah desa x 100") is a formula rolled up as a ratio of sums.
    #[test]
    fn a_merge_keeps_the_trend_by_the_ratio_of_sums() {
        let buat = |t: i64, p: Decimal, q: Decimal| {
            let mut d = dengan_rumus();
            for i in d.indikator.iter_mut().filter(|i| i.id.as_str() == "DESA") {
                i.cara_wilayah = CaraWilayah::RasioJumlah;
            }
            d.nilai_data = vec![
                nilai("desa_tepat_waktu", t, Periode::Tahunan, p),
                nilai("jumlah_desa", t, Periode::Tahunan, q),
            ];
            d
        };
        // 2020: A 1 of 2 desa on time (50 %), B 18 of 20 (90 %). 2021: C 15 of 22.
        let a = buat(2020, dec!(1), dec!(2));
        let b = buat(2020, dec!(18), dec!(20));
        let c = buat(2021, dec!(15), dec!(22));
        let r = [reorg(
            "gabung-2021",
            JenisReorganisasi::Penggabungan,
            2021,
            &["a", "b"],
            &["c"],
        )];
        let data = |i: &InstansiId| match i.as_str() {
            "a" => Some(&a),
            "b" => Some(&b),
            "c" => Some(&c),
            _ => None,
        };
        let t = [tahun(2020), tahun(2021)];
        let v = riwayat_indikator(&r, &id("c"), "DESA", &t, data);
        // 2020: (1 + 18) / (2 + 20) x 100 = 1900 / 22 = 86,3636... -> 86,36 %, from A and B,
        // both reporting (the mean of 50 % and 90 % would be 70 %).
        assert_eq!(v[0].sumber, vec![id("a"), id("b")]);
        assert_eq!(
            v[0].rekap.nilai.map(|x| crate::angka::bulatkan(x, 2)),
            Ok(dec!(86.36))
        );
        assert_eq!((v[0].rekap.melapor, v[0].rekap.jumlah_unit), (2, 2));
        assert_eq!(v[0].rekap.cara, CaraWilayah::RasioJumlah);
        // 2021: C's own 15 x 100 / 22 = 68,1818... -> 68,18 %.
        assert_eq!(v[1].sumber, vec![id("c")]);
        assert_eq!(
            v[1].rekap.nilai.map(|x| crate::angka::bulatkan(x, 2)),
            Ok(dec!(68.18))
        );
        // Without the record, C has no 2020 figure of its own.
        let tanpa = riwayat_indikator(&[], &id("c"), "DESA", &t, data);
        assert_eq!(
            tanpa[0].rekap.nilai,
            Err(AlasanTidakTersedia::RealisasiKosong)
        );
        let nama = |i: &InstansiId| format!("Kecamatan {}", i.as_str().to_uppercase());
        assert_eq!(
            v[0].keterangan(nama).as_deref(),
            Some(
                "gabungan dari Kecamatan A dan Kecamatan B (rasio jumlah pembilang dan penyebut unit, 2 dari 2 unit melapor)"
            )
        );
        assert_eq!(v[1].keterangan(nama), None, "C's own year needs no note");
        // A predecessor whose data set is not at hand is no unit: 2020 from A alone,
        // 1 x 100 / 2 = 50 %, 1 of 1 unit, B named as absent.
        let tanpa_b = |i: &InstansiId| if i.as_str() == "b" { None } else { data(i) };
        let v = riwayat_indikator(&r, &id("c"), "DESA", &t[..1], tanpa_b);
        assert_eq!(v[0].rekap.nilai, Ok(dec!(50)));
        assert_eq!((v[0].rekap.melapor, v[0].rekap.jumlah_unit), (1, 1));
        assert_eq!(v[0].tanpa_data, vec![id("b")]);
        assert_eq!(
            v[0].keterangan(nama).as_deref(),
            Some(
                "gabungan dari Kecamatan A dan Kecamatan B (rasio jumlah pembilang dan penyebut unit, 1 dari 1 unit \
                 melapor); data Kecamatan B tidak tersedia"
            )
        );
        // Neither data set at hand: no roll-up is claimed ("0 dari 0 unit"), both named.
        let v = riwayat_indikator(&r, &id("c"), "DESA", &t[..1], |i: &InstansiId| {
            if i.as_str() == "c" { data(i) } else { None }
        });
        assert_eq!(v[0].rekap.jumlah_unit, 0);
        assert_eq!(
            v[0].keterangan(nama).as_deref(),
            Some(
                "gabungan dari Kecamatan A dan Kecamatan B; data Kecamatan A dan Kecamatan B \
                 tidak tersedia"
            )
        );
        // The years shown: from the first year A, B or C measured anything (the fixture's
        // SKM realisasi of 2017) to 2022; without it, from A's and B's counts of 2020.
        assert_eq!(
            tahun_riwayat(&r, &id("c"), tahun(2022), data).first(),
            Some(&tahun(2017))
        );
        let hanya_data = |mut d: DataInstansi| {
            d.realisasi.clear();
            d
        };
        let (a2, b2, c2) = (
            hanya_data(a.clone()),
            hanya_data(b.clone()),
            hanya_data(c.clone()),
        );
        let data2 = |i: &InstansiId| match i.as_str() {
            "a" => Some(&a2),
            "b" => Some(&b2),
            "c" => Some(&c2),
            _ => None,
        };
        assert_eq!(
            tahun_riwayat(&r, &id("c"), tahun(2022), data2),
            vec![tahun(2020), tahun(2021), tahun(2022)]
        );
        // An instansi no reorganisation formed has no such trend.
        assert!(tahun_riwayat(&r, &id("a"), tahun(2022), data).is_empty());
    }

    #[test]
    fn an_instansi_exists_from_its_forming_to_its_ending() {
        // A and B merge into C in 2021; C is renamed D in 2023.
        let r = [
            reorg(
                "r1",
                JenisReorganisasi::Penggabungan,
                2021,
                &["a", "b"],
                &["c"],
            ),
            reorg("r2", JenisReorganisasi::GantiNama, 2023, &["c"], &["d"]),
        ];
        let ada = |i: &str, t| ada_pada(&r, &id(i), tahun(t));
        assert!(ada("a", 2020) && !ada("a", 2021));
        assert!(!ada("c", 2020) && ada("c", 2021) && ada("c", 2022) && !ada("c", 2023));
        assert!(!ada("d", 2022) && ada("d", 2023));
        assert!(ada("x", 1990), "an instansi no record names always exists");
        assert_eq!(
            pendahulu_semua(&r, &id("d")),
            vec![id("d"), id("c"), id("a"), id("b")]
        );
        assert_eq!(pendahulu(&r, &id("d")), vec![id("c"), id("a"), id("b")]);
        assert!(
            pendahulu(&r, &id("a")).is_empty(),
            "no reorganisation formed A"
        );
        // D's 2020 figure is A's and B's, from the renaming's record: the merge is further
        // back, but the note names what D's figure is made of.
        let v = riwayat_indikator(&r, &id("d"), "DESA", &[tahun(2022)], |_| None);
        assert_eq!(v[0].sumber, vec![id("c")]);
        assert_eq!(v[0].jenis, Some(JenisReorganisasi::GantiNama));
        assert_eq!(
            v[0].keterangan(|i| i.as_str().to_uppercase()).as_deref(),
            Some("dari C (sebelum berganti nama); data C tidak tersedia")
        );
        // A hostile first year far back: at most ten years shown.
        let jauh = DataInstansi {
            nilai_data: vec![crate::uji_rumus::nilai(
                "jumlah_desa",
                1990,
                Periode::Tahunan,
                dec!(1),
            )],
            ..Default::default()
        };
        let t = tahun_riwayat(&r, &id("c"), tahun(2022), |_| Some(&jauh));
        assert_eq!((t.first(), t.len()), (Some(&tahun(2013)), 10));
    }

    fn instansi(i: &str) -> Instansi {
        Instansi {
            id: id(i),
            nama: i.to_uppercase(),
            jenis: JenisInstansi::Kecamatan,
            induk: None,
            kode: None,
            alamat: None,
            catatan: None,
        }
    }

    fn pesan(r: Vec<Reorganisasi>) -> Vec<String> {
        let d = DataInstansi {
            instansi: ["a", "b", "c", "d"].into_iter().map(instansi).collect(),
            reorganisasi: r,
            ..Default::default()
        };
        crate::validasi::periksa(&d)
            .into_iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn reorganisations_are_validated() {
        use JenisReorganisasi::*;
        assert_eq!(
            pesan(vec![
                reorg("r1", GantiNama, 2020, &["a"], &["b"]),
                reorg("r2", Penggabungan, 2022, &["b", "c"], &["d"]),
            ]),
            Vec::<String>::new()
        );
        let e = pesan(vec![reorg("r1", Penggabungan, 2020, &["a"], &["x"])]);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].contains("instansi \"x\" yang tidak ada"), "{e:?}");
        assert!(e[1].contains("penggabungan harus dua pendahulu"), "{e:?}");
        // A renamed to B in 2020 and B renamed back to A in 2021: A would end in 2020 although
        // it begins in 2021, and the chain comes back to itself.
        let e = pesan(vec![
            reorg("r1", GantiNama, 2020, &["a"], &["b"]),
            reorg("r2", GantiNama, 2021, &["b"], &["a"]),
        ]);
        assert!(
            e.iter()
                .any(|m| m.contains("pendahulu \"a\" baru dibentuk tahun 2021")),
            "{e:?}"
        );
        assert!(e.iter().any(|m| m.contains("siklus")), "{e:?}");
        // An instansi ends once.
        let e = pesan(vec![
            reorg("r1", Pemekaran, 2020, &["a"], &["b", "c"]),
            reorg("r2", GantiNama, 2021, &["a"], &["d"]),
        ]);
        assert!(e.iter().any(|m| m.contains("sudah berakhir")), "{e:?}");
    }
}
