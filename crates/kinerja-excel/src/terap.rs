//! A read workbook onto a data set: each row's values overlaid on the records it names. A value
//! equal to the stored one (same number, whatever its spelling) leaves the record as it is, so
//! the records that differ are exactly the values the user changed.

use crate::baca::{Buku, Letak};
use crate::{LEMBAR_PETUNJUK, Masalah, SEL_INSTANSI};
use kinerja_core::id::{IndikatorId, PosAnggaranId};
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::validasi;
use kinerja_core::waktu::{Bulan, Periode, Tahun};
use std::collections::HashMap;

/// `lama` with the workbook's values, validated as a whole; or every problem.
pub fn terapkan(lama: &DataInstansi, buku: &Buku) -> Result<DataInstansi, Vec<Masalah>> {
    let mut d = lama.clone();
    let mut masalah = Vec::new();
    let (Some(instansi), Some(tahun)) = (&buku.instansi, buku.tahun) else {
        // `baca` refuses a workbook without them; a `Buku` built by hand may lack them.
        return Err(vec![petunjuk(
            "lembar kerja tidak menyebut instansi dan tahun",
        )]);
    };
    if !d.instansi.iter().any(|i| &i.id == instansi) {
        return Err(vec![petunjuk(&format!(
            "instansi \"{instansi}\" tidak ada dalam data ini: lembar kerja untuk instansi lain"
        ))]);
    }
    let mut indikator: HashMap<IndikatorId, usize> = d
        .indikator
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.clone(), i))
        .collect();
    let ada = |indikator: &HashMap<IndikatorId, usize>,
               id: &IndikatorId,
               l: &Letak,
               masalah: &mut Vec<Masalah>| {
        let i = indikator.get(id).copied();
        if i.is_none() {
            masalah.push(l.masalah(
                Some(id.to_string()),
                "indikator ini tidak ada dalam data instansi: jangan ubah kolom Id; unduh templat terbaru",
            ));
        }
        i
    };

    // The row each record was given by, so that a new row standing for a listed record is not
    // applied twice in silence.
    let mut baris_indikator: HashMap<IndikatorId, u32> = HashMap::new();
    for b in &buku.renstra {
        let id = match &b.indikator {
            Some(id) => id.clone(),
            None => {
                let Some(id) = crate::baru::indikator(&mut d, b, &mut masalah) else {
                    continue;
                };
                if !indikator.contains_key(&id) {
                    indikator.insert(id.clone(), d.indikator.len() - 1);
                }
                id
            }
        };
        if dua_kali(&mut baris_indikator, &id, &b.letak, &mut masalah) {
            continue;
        }
        let Some(i) = ada(&indikator, &id, &b.letak, &mut masalah) else {
            continue;
        };
        let ind = &mut d.indikator[i];
        match &b.uraian {
            // The cell reader trims; so does the comparison, or a stored trailing space would be
            // a change nobody made.
            Some((Some(u), _)) if ind.uraian.trim() != u => ind.uraian = u.clone(),
            Some((Some(_), _)) => {}
            Some((None, l)) => masalah.push(l.masalah(None, "uraian indikator wajib diisi")),
            None => {}
        }
        if let Some((s, _)) = &b.satuan
            && ind
                .satuan
                .as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
                != s.as_deref()
        {
            ind.satuan = s.clone();
        }
        if let Some((p, l)) = &b.polaritas {
            match p.as_deref().and_then(polaritas) {
                Some(p) => ind.polaritas = p,
                None => masalah.push(l.masalah(
                    p.clone(),
                    "diharapkan salah satu dari: positif, negatif, rentang",
                )),
            }
        }
        if let Some((n, _)) = &b.kondisi_awal {
            match (&ind.kondisi_awal, n) {
                (Some(lama), Some(baru)) if sama(lama, baru) => {}
                _ => ind.kondisi_awal = n.clone(),
            }
        }
        for (t, n, _) in &b.target {
            atur_target(&mut d.target, &id, *t, DokumenTarget::Renstra, n);
        }
    }

    for b in &buku.pk {
        if ada(&indikator, &b.indikator, &b.letak, &mut masalah).is_none() {
            continue;
        }
        if let Some((n, _)) = &b.target {
            atur_target(
                &mut d.target,
                &b.indikator,
                tahun,
                DokumenTarget::PerjanjianKinerja,
                n,
            );
        }
    }
    if let Some((t, l)) = &buku.tanggal_pk {
        match d
            .perjanjian_kinerja
            .iter_mut()
            .find(|p| &p.instansi == instansi && p.tahun == tahun)
        {
            Some(pk) => pk.tanggal = *t,
            None if t.is_some() => masalah.push(l.masalah(
                t.map(|x| x.to_string()),
                format!(
                    "tidak ada Perjanjian Kinerja tahun {tahun} dalam data untuk diberi tanggal"
                ),
            )),
            None => {}
        }
    }

    for b in &buku.realisasi {
        if ada(&indikator, &b.indikator, &b.letak, &mut masalah).is_none() {
            continue;
        }
        for (p, n, _) in &b.nilai {
            atur_realisasi(&mut d.realisasi, &b.indikator, tahun, *p, n);
        }
    }

    terap_anggaran(&mut d, buku, tahun, &mut masalah);
    crate::elemen::terapkan(&mut d, buku, instansi, tahun, &mut masalah);
    crate::responden::terapkan(&mut d, buku, instansi, tahun, &mut masalah);

    if !masalah.is_empty() {
        return Err(masalah);
    }
    sah(d)
}

/// Whether `id` was already given by an earlier row (reported: a new row that stands for a
/// record another row lists, or the same new row twice).
fn dua_kali<K: std::hash::Hash + Eq + Clone + std::fmt::Display>(
    dipakai: &mut HashMap<K, u32>,
    id: &K,
    l: &Letak,
    masalah: &mut Vec<Masalah>,
) -> bool {
    match dipakai.insert(id.clone(), l.baris) {
        None => false,
        Some(r) => {
            masalah.push(l.masalah(
                Some(id.to_string()),
                format!(
                    "baris ini dan baris {} sama-sama mengisi \"{id}\": setiap data satu baris",
                    r + 1
                ),
            ));
            true
        }
    }
}

/// The data set if `validasi` accepts it; else its violations, said before the store is asked
/// (and for a preview).
pub(crate) fn sah(d: DataInstansi) -> Result<DataInstansi, Vec<Masalah>> {
    let pelanggaran = validasi::periksa(&d);
    if pelanggaran.is_empty() {
        return Ok(d);
    }
    Err(pelanggaran
        .iter()
        .map(|p| Masalah {
            lembar: "(data)".into(),
            sel: None,
            kolom: None,
            nilai: None,
            pesan: format!("setelah isi lembar kerja diterapkan, data tidak sah: {p}"),
        })
        .collect())
}

fn petunjuk(pesan: &str) -> Masalah {
    Masalah {
        lembar: LEMBAR_PETUNJUK.into(),
        sel: Some(crate::sel::rujukan(SEL_INSTANSI.0, SEL_INSTANSI.1.into())),
        kolom: Some("Id instansi".into()),
        nilai: None,
        pesan: pesan.into(),
    }
}

pub(crate) fn polaritas(s: &str) -> Option<Polaritas> {
    match s.trim().to_lowercase().as_str() {
        "positif" => Some(Polaritas::Positif),
        "negatif" => Some(Polaritas::Negatif),
        "rentang" => Some(Polaritas::Rentang),
        _ => None,
    }
}

/// Same value for computation and print: the parsed form, not the spelling (`85` typed in a
/// cell equals a stored `85`, `85,0` too).
fn sama(a: &Nilai, b: &Nilai) -> bool {
    a.bentuk() == b.bentuk()
}

/// Sets, changes or removes the value of the record `cocok` finds; a new one is made by `buat`.
fn atur<T>(
    daftar: &mut Vec<T>,
    cocok: impl Fn(&T) -> bool,
    nilai: impl Fn(&mut T) -> &mut Nilai,
    baru: &Option<Nilai>,
    buat: impl FnOnce(Nilai) -> T,
) {
    let i = daftar.iter().position(cocok);
    match (i, baru) {
        (Some(i), None) => {
            daftar.remove(i);
        }
        (Some(i), Some(n)) => {
            let lama = nilai(&mut daftar[i]);
            if !sama(lama, n) {
                *lama = n.clone();
            }
        }
        (None, Some(n)) => daftar.push(buat(n.clone())),
        (None, None) => {}
    }
}

fn atur_target(
    target: &mut Vec<Target>,
    ind: &IndikatorId,
    tahun: Tahun,
    dokumen: DokumenTarget,
    baru: &Option<Nilai>,
) {
    atur(
        target,
        |t| &t.indikator == ind && t.tahun == tahun && t.dokumen == dokumen,
        |t| &mut t.nilai,
        baru,
        |nilai| Target {
            indikator: ind.clone(),
            tahun,
            dokumen,
            nilai,
            uraian: None,
            catatan: None,
        },
    );
}

fn atur_realisasi(
    realisasi: &mut Vec<Realisasi>,
    ind: &IndikatorId,
    tahun: Tahun,
    periode: Periode,
    baru: &Option<Nilai>,
) {
    atur(
        realisasi,
        |r| &r.indikator == ind && r.tahun == tahun && r.periode == periode,
        |r| &mut r.nilai,
        baru,
        |nilai| Realisasi {
            indikator: ind.clone(),
            tahun,
            periode,
            nilai,
            sumber: None,
            catatan: None,
        },
    );
}

/// The spending type a cell names: its label within the line's budget structure (both have a
/// "Belanja Modal").
pub(crate) fn jenis_belanja(teks: &str, struktur: StrukturBelanja) -> Option<JenisBelanja> {
    let t = teks.trim().to_lowercase();
    JenisBelanja::SEMUA
        .into_iter()
        .filter(|j| j.struktur() == struktur)
        .find(|j| j.label().to_lowercase() == t)
}

/// The labels a line of structure `s` may take, for the drop-down list and the messages.
pub(crate) fn label_jenis(s: StrukturBelanja) -> Vec<&'static str> {
    JenisBelanja::SEMUA
        .into_iter()
        .filter(|j| j.struktur() == s)
        .map(JenisBelanja::label)
        .collect()
}

fn terap_anggaran(d: &mut DataInstansi, buku: &Buku, tahun: Tahun, masalah: &mut Vec<Masalah>) {
    let mut posisi: HashMap<_, usize> = d
        .anggaran
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let mut baris_pos: HashMap<PosAnggaranId, u32> = HashMap::new();
    for b in &buku.anggaran {
        let id = match &b.id {
            Some(id) => id.clone(),
            None => {
                let Some(id) = crate::baru::pos_anggaran(d, b, tahun, masalah) else {
                    continue;
                };
                if !posisi.contains_key(&id) {
                    posisi.insert(id.clone(), d.anggaran.len() - 1);
                }
                id
            }
        };
        if dua_kali(&mut baris_pos, &id, &b.letak, masalah) {
            continue;
        }
        let Some(&i) = posisi.get(&id).filter(|&&i| d.anggaran[i].tahun == tahun) else {
            masalah.push(b.letak.masalah(
                Some(id.to_string()),
                format!("pos anggaran ini tidak ada dalam data tahun {tahun}: jangan ubah kolom Id; unduh templat terbaru"),
            ));
            continue;
        };
        let pos = &mut d.anggaran[i];
        if let Some((j, l)) = &b.jenis {
            let s = pos.jenis.struktur();
            match j.as_deref().and_then(|j| jenis_belanja(j, s)) {
                Some(j) => pos.jenis = j,
                None => masalah.push(l.masalah(
                    j.clone(),
                    format!("diharapkan salah satu dari: {}", label_jenis(s).join(", ")),
                )),
            }
        }
        if let Some((Some(p), _)) = &b.pagu {
            pos.pagu = *p;
        }
        if let Some((p, _)) = &b.pagu_perubahan {
            pos.pagu_perubahan = *p;
        }
        if let Some(bln) = &b.bulanan {
            let sama = pos.realisasi_bulanan.len() == bln.iter().flatten().count()
                && pos
                    .realisasi_bulanan
                    .iter()
                    .all(|(m, x)| bln[*m as usize] == Some(*x));
            if !sama {
                pos.realisasi_bulanan = Bulan::SEMUA
                    .into_iter()
                    .filter_map(|m| bln[m as usize].map(|x| (m, x)))
                    .collect();
            }
        }
        if let Some((r, _)) = &b.setahun {
            pos.realisasi = *r;
        }
        // With months, the year is their sum (the sheet refuses both; a sheet without the
        // year column leaves the stored figure, which months replace).
        if !pos.realisasi_bulanan.is_empty() {
            pos.realisasi = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spending_types_are_read_within_the_line_s_structure() {
        // "Belanja Modal" is a type of both structures: the line's decides.
        assert_eq!(
            jenis_belanja("belanja modal", StrukturBelanja::Permendagri90),
            Some(JenisBelanja::Modal)
        );
        assert_eq!(
            jenis_belanja("Belanja Modal", StrukturBelanja::Permendagri13),
            Some(JenisBelanja::LangsungModal)
        );
        assert_eq!(
            jenis_belanja(" belanja operasi ", StrukturBelanja::Permendagri90),
            Some(JenisBelanja::Operasi)
        );
        assert_eq!(
            jenis_belanja("Belanja Operasi", StrukturBelanja::Permendagri13),
            None
        );
    }
}
