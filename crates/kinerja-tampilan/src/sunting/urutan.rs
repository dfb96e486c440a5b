//! Reordering a row of the plan (the "Naik" and "Turun" buttons, no JavaScript): a tujuan among
//! the tujuan of its Renstra, a sasaran among those of its tujuan, an indicator among those of
//! its owner. The order is the rows' `nomor` (what the documents print), so the row and its
//! neighbour swap their numbers; rows of equal number are told apart by their place in the
//! table, which swaps too. Nothing else changes: a document's own numbering (sasaran numbered
//! across tujuan, gaps) is kept.

use kinerja_core::model::*;

/// The rows of `v` that `sama` groups with the row `id` (in plan order: number, then place),
/// as indexes into `v`, and the place of `id` among them.
fn saudara<T>(
    v: &[T],
    id: &str,
    kunci: impl Fn(&T) -> (&str, u32),
    sama: impl Fn(&T, &T) -> bool,
) -> Option<(Vec<usize>, usize)> {
    let i = v.iter().position(|x| kunci(x).0 == id)?;
    let mut s: Vec<usize> = (0..v.len()).filter(|&j| sama(&v[i], &v[j])).collect();
    s.sort_by_key(|&j| (kunci(&v[j]).1, j));
    let p = s.iter().position(|&j| j == i)?;
    Some((s, p))
}

/// Swaps the row `id` with its neighbour above (`naik`) or below.
fn tukar<T>(
    v: &mut [T],
    id: &str,
    naik: bool,
    kunci: impl Fn(&T) -> (&str, u32),
    nomor: impl Fn(&mut T) -> &mut u32,
    sama: impl Fn(&T, &T) -> bool,
) -> Result<(), String> {
    let (s, p) = saudara(v, id, &kunci, sama).ok_or(super::baca::MUAT_ULANG)?;
    let q = if naik { p.checked_sub(1) } else { Some(p + 1) }
        .filter(|&q| q < s.len())
        .ok_or(if naik {
            "baris ini sudah paling atas"
        } else {
            "baris ini sudah paling bawah"
        })?;
    let (a, b) = (s[p], s[q]);
    let (na, nb) = (*nomor(&mut v[a]), *nomor(&mut v[b]));
    *nomor(&mut v[a]) = nb;
    *nomor(&mut v[b]) = na;
    v.swap(a, b);
    Ok(())
}

/// Moves the row `id` of `jenis` one place up (`naik`) or down among its siblings.
pub(super) fn geser(
    data: &mut DataInstansi,
    jenis: &str,
    id: &str,
    naik: bool,
) -> Result<(), String> {
    match jenis {
        "tujuan" => tukar(
            &mut data.tujuan,
            id,
            naik,
            |t| (t.id.as_str(), t.nomor),
            |t| &mut t.nomor,
            |a, b| a.renstra == b.renstra,
        ),
        "sasaran" => tukar(
            &mut data.sasaran,
            id,
            naik,
            |s| (s.id.as_str(), s.nomor),
            |s| &mut s.nomor,
            |a, b| a.tujuan == b.tujuan,
        ),
        "indikator" => tukar(
            &mut data.indikator,
            id,
            naik,
            |i| (i.id.as_str(), i.nomor),
            |i| &mut i.nomor,
            |a, b| a.pemilik == b.pemilik,
        ),
        _ => Err("baris ini diurutkan menurut kodenya".into()),
    }
}

/// Whether rows of `jenis` have the up and down buttons.
pub(crate) fn dapat_digeser(jenis: &str) -> bool {
    matches!(jenis, "tujuan" | "sasaran" | "indikator")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contoh() -> DataInstansi {
        kinerja_berkas::baca(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
        )
        .unwrap()
    }

    fn urutan(d: &DataInstansi, pemilik: &str) -> Vec<(String, u32)> {
        let mut v: Vec<(usize, &Indikator)> = d
            .indikator
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(&i.pemilik, Pemilik::Sasaran(s) if s.as_str() == pemilik))
            .collect();
        v.sort_by_key(|(j, i)| (i.nomor, *j));
        v.iter().map(|(_, i)| (i.id.to_string(), i.nomor)).collect()
    }

    #[test]
    fn a_row_and_its_neighbour_swap_numbers_and_places() {
        // Sasaran 2 of the example has I-S2-1 (nomor 1) and I-S2-2 (nomor 2).
        let mut d = contoh();
        assert_eq!(
            urutan(&d, "S-2"),
            [("I-S2-1".to_string(), 1), ("I-S2-2".to_string(), 2)]
        );
        geser(&mut d, "indikator", "I-S2-2", true).unwrap();
        assert_eq!(
            urutan(&d, "S-2"),
            [("I-S2-2".to_string(), 1), ("I-S2-1".to_string(), 2)]
        );
        assert_eq!(
            geser(&mut d, "indikator", "I-S2-2", true).unwrap_err(),
            "baris ini sudah paling atas"
        );
        geser(&mut d, "indikator", "I-S2-2", false).unwrap();
        assert_eq!(d.indikator, contoh().indikator, "down again: as it was");
    }

    #[test]
    fn rows_of_equal_number_move_by_place_and_other_groups_keep_theirs() {
        let mut d = contoh();
        for i in d.indikator.iter_mut() {
            if matches!(&i.pemilik, Pemilik::Sasaran(s) if s.as_str() == "S-2") {
                i.nomor = 7;
            }
        }
        geser(&mut d, "indikator", "I-S2-2", true).unwrap();
        assert_eq!(
            urutan(&d, "S-2"),
            [("I-S2-2".to_string(), 7), ("I-S2-1".to_string(), 7)]
        );
        // Sasaran are numbered across tujuan in the example (S-1 nomor 1 under T-1, S-2
        // nomor 2 under T-2): each is alone under its tujuan and cannot move.
        let sebelum = d.sasaran.clone();
        assert!(geser(&mut d, "sasaran", "S-2", true).is_err());
        assert!(geser(&mut d, "sasaran", "S-2", false).is_err());
        assert_eq!(d.sasaran, sebelum);
        assert!(geser(&mut d, "program", "P-ADM", true).is_err());
        assert_eq!(
            geser(&mut d, "indikator", "tidak-ada", true).unwrap_err(),
            super::super::baca::MUAT_ULANG
        );
    }
}
