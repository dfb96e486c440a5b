//! The instansi hierarchy (kabupaten → OPD or kecamatan → unit; desa under a kecamatan), walked
//! over the flat instansi table by `induk`.
//!
//! No walk has a depth limit, and every walk ends on a cycle. Validation refuses a cycle inside
//! one data set (`siklus`, called by `validasi::periksa`), but a store holds the instansi of
//! many data sets, so a page must not hang, nor stop at an arbitrary depth, on a hierarchy that
//! was valid piece by piece.

use crate::id::InstansiId;
use crate::model::{Instansi, JenisInstansi};
use crate::validasi::{Letak, Pelanggaran};
use std::collections::{HashMap, HashSet};

fn cari<'a>(instansi: &'a [Instansi], id: &InstansiId) -> Option<&'a Instansi> {
    instansi.iter().find(|i| &i.id == id)
}

/// The ancestors of `id`: its parent first, up to the root. Ends at an `induk` that is not in
/// the list, or before an instansi already met (a cycle). Empty when `id` is not in the list.
pub fn leluhur<'a>(instansi: &'a [Instansi], id: &InstansiId) -> Vec<&'a Instansi> {
    let mut dilihat: HashSet<&InstansiId> = HashSet::from([id]);
    let mut hasil = Vec::new();
    let mut induk = cari(instansi, id).and_then(|i| i.induk.as_ref());
    while let Some(p) = induk {
        let Some(i) = cari(instansi, p) else {
            break;
        };
        if !dilihat.insert(&i.id) {
            break;
        }
        hasil.push(i);
        induk = i.induk.as_ref();
    }
    hasil
}

/// Every instansi below `id` at any depth (not `id` itself), each once, in list order.
pub fn keturunan<'a>(instansi: &'a [Instansi], id: &InstansiId) -> Vec<&'a Instansi> {
    let mut anak: HashMap<&InstansiId, Vec<&InstansiId>> = HashMap::new();
    for i in instansi {
        if let Some(p) = &i.induk {
            anak.entry(p).or_default().push(&i.id);
        }
    }
    let mut bawah: HashSet<&InstansiId> = HashSet::new();
    let mut antre = vec![id];
    while let Some(p) = antre.pop() {
        for a in anak.get(p).into_iter().flatten() {
            if *a != id && bawah.insert(a) {
                antre.push(a);
            }
        }
    }
    instansi.iter().filter(|i| bawah.contains(&i.id)).collect()
}

/// The nearest kabupaten or kota above `id` (never `id` itself).
pub fn kabupaten_di_atas<'a>(instansi: &'a [Instansi], id: &InstansiId) -> Option<&'a Instansi> {
    leluhur(instansi, id)
        .into_iter()
        .find(|i| matches!(i.jenis, JenisInstansi::Kabupaten | JenisInstansi::Kota))
}

/// Every instansi whose chain of `induk` comes back to itself (a → b → a): each member of a
/// cycle is reported. An instansi that is its own parent is reported by `validasi` already.
pub fn siklus(instansi: &[Instansi]) -> Vec<Pelanggaran> {
    let mut hasil = Vec::new();
    for (indeks, x) in instansi.iter().enumerate() {
        if x.induk.as_ref() == Some(&x.id) {
            continue;
        }
        let rantai = leluhur(instansi, &x.id);
        let kembali = rantai
            .last()
            .and_then(|akhir| akhir.induk.as_ref())
            .is_some_and(|p| p == &x.id);
        if kembali {
            let jalan: Vec<&str> = std::iter::once(x.id.as_str())
                .chain(rantai.iter().map(|i| i.id.as_str()))
                .chain(std::iter::once(x.id.as_str()))
                .collect();
            hasil.push(Pelanggaran {
                letak: Letak {
                    tabel: "instansi",
                    indeks,
                    id: Some(x.id.to_string()),
                    medan: "induk",
                },
                pesan: format!(
                    "rantai induk kembali ke instansi ini: {}",
                    jalan.join(" → ")
                ),
            });
        }
    }
    hasil
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(id: &str, jenis: JenisInstansi, induk: Option<&str>) -> Instansi {
        Instansi {
            id: InstansiId::new(id).unwrap(),
            nama: id.to_uppercase(),
            jenis,
            induk: induk.map(|p| InstansiId::new(p).unwrap()),
            kode: None,
            alamat: None,
            catatan: None,
        }
    }

    fn id(s: &str) -> InstansiId {
        InstansiId::new(s).unwrap()
    }

    fn ids(v: &[&Instansi]) -> Vec<String> {
        v.iter().map(|i| i.id.to_string()).collect()
    }

    /// Jatim → Jember → Mumbulsari → Seksi → Subseksi → ... twelve levels deep: deeper than the
    /// eight levels the pages used to walk.
    fn dalam() -> Vec<Instansi> {
        use JenisInstansi::*;
        let mut v = vec![
            ins("jatim", Provinsi, None),
            ins("jember", Kabupaten, Some("jatim")),
            ins("mumbulsari", Kecamatan, Some("jember")),
            ins("kalisat", Kecamatan, Some("jember")),
            ins("bondowoso", Kabupaten, Some("jatim")),
        ];
        let mut induk = "mumbulsari".to_string();
        for n in 0..10 {
            let u = format!("unit-{n}");
            v.push(ins(&u, Unit, Some(&induk)));
            induk = u;
        }
        v
    }

    #[test]
    fn ancestors_go_up_to_the_root_at_any_depth() {
        let v = dalam();
        let l = leluhur(&v, &id("unit-9"));
        assert_eq!(l.len(), 9 + 3, "unit-8..unit-0, mumbulsari, jember, jatim");
        assert_eq!(ids(&l[9..]), ["mumbulsari", "jember", "jatim"]);
        assert!(leluhur(&v, &id("jatim")).is_empty());
        assert!(leluhur(&v, &id("tidak-ada")).is_empty());
        let k = kabupaten_di_atas(&v, &id("unit-9")).unwrap();
        assert_eq!(k.id.as_str(), "jember");
        assert!(
            kabupaten_di_atas(&v, &id("jember")).is_none(),
            "never itself"
        );
    }

    #[test]
    fn descendants_at_any_depth_in_list_order() {
        let v = dalam();
        let j = keturunan(&v, &id("jember"));
        // mumbulsari, kalisat and the ten units under mumbulsari; not bondowoso (a sibling).
        assert_eq!(j.len(), 12);
        assert_eq!(ids(&j[..2]), ["mumbulsari", "kalisat"]);
        assert_eq!(keturunan(&v, &id("jatim")).len(), 14);
        assert!(keturunan(&v, &id("unit-9")).is_empty());
    }

    #[test]
    fn walks_end_on_a_cycle() {
        use JenisInstansi::*;
        // a → b → c → a, and d hangs below the cycle.
        let v = vec![
            ins("a", Kabupaten, Some("c")),
            ins("b", Opd, Some("a")),
            ins("c", Unit, Some("b")),
            ins("d", Unit, Some("c")),
        ];
        assert_eq!(ids(&leluhur(&v, &id("a"))), ["c", "b"]);
        assert_eq!(ids(&leluhur(&v, &id("d"))), ["c", "b", "a"]);
        assert_eq!(ids(&keturunan(&v, &id("a"))), ["b", "c", "d"]);
        assert_eq!(kabupaten_di_atas(&v, &id("b")).unwrap().id.as_str(), "a");
        assert!(kabupaten_di_atas(&v, &id("a")).is_none());
    }

    #[test]
    fn a_cycle_is_reported_for_each_member_but_not_for_what_hangs_below() {
        use JenisInstansi::*;
        let v = vec![
            ins("a", Kabupaten, Some("b")),
            ins("b", Opd, Some("a")),
            ins("c", Unit, Some("b")),
            ins("d", Unit, Some("d")),
        ];
        let p = siklus(&v);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].letak.indeks, 0);
        assert_eq!(p[0].letak.medan, "induk");
        assert_eq!(
            p[0].pesan,
            "rantai induk kembali ke instansi ini: a → b → a"
        );
        assert_eq!(p[1].letak.id.as_deref(), Some("b"));
        assert!(siklus(&dalam()).is_empty());
    }

    #[test]
    fn validation_refuses_a_cycle() {
        use JenisInstansi::*;
        let d = crate::model::DataInstansi {
            instansi: vec![ins("a", Kabupaten, Some("b")), ins("b", Opd, Some("a"))],
            ..Default::default()
        };
        let p = crate::validasi::periksa(&d);
        assert_eq!(
            p.iter()
                .filter(|x| x.pesan.starts_with("rantai induk"))
                .count(),
            2,
            "{p:?}"
        );
    }
}
