//! One sheet of a workbook as a grid: its cells (merged areas resolved to their first cell), its
//! header row found by text, its data rows keyed by an id column; every cell read through a
//! `sel` reader with problems reported at the cell. Shared by the template's sheets and the
//! e-SAKIP layouts.

use crate::baca::{KEPALA_JUMLAH, Letak};
use crate::sel::{self, rujukan};
use crate::{BARIS_KEPALA, Masalah};
use calamine::{Data, Range};
use std::collections::HashMap;

pub(crate) fn normal(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `normal(a) == b` for `b` in normal form, without allocating.
fn sama_normal(a: &str, b: &str) -> bool {
    let mut kata = a.split_whitespace().peekable();
    let mut b = b.chars();
    while let Some(k) = kata.next() {
        for c in k.chars().flat_map(char::to_lowercase) {
            if b.next() != Some(c) {
                return false;
            }
        }
        if kata.peek().is_some() && b.next() != Some(' ') {
            return false;
        }
    }
    b.next().is_none()
}

pub(crate) fn masalah_buku(pesan: &str) -> Masalah {
    Masalah {
        lembar: "(berkas)".into(),
        sel: None,
        kolom: None,
        nilai: None,
        pesan: pesan.into(),
    }
}

/// A sheet: its cells, merged areas resolved to their first cell, and its header row.
pub(crate) struct Lembar {
    pub(crate) nama: std::sync::Arc<str>,
    range: Range<Data>,
    /// Cell inside a merged area (not its first) → the area's first cell.
    gabung: HashMap<(u32, u32), (u32, u32)>,
    /// Each header as written (shared by every `Letak` of its column), its normal form, its
    /// column.
    pub(crate) kepala: Vec<(std::sync::Arc<str>, String, u32)>,
    /// The computed sum column, which does not make a row non-empty.
    jumlah: Option<u32>,
    pub(crate) akhir: u32,
}

const KOSONG: Data = Data::Empty;

impl Lembar {
    pub(crate) fn new(nama: &str, range: Range<Data>, gabung: &[calamine::Dimensions]) -> Lembar {
        let mut peta = HashMap::new();
        for d in gabung {
            for r in d.start.0..=d.end.0 {
                for c in d.start.1..=d.end.1 {
                    if (r, c) != d.start {
                        peta.insert((r, c), d.start);
                    }
                }
            }
        }
        let akhir = range.end().map_or(0, |e| e.0);
        Lembar {
            nama: nama.into(),
            range,
            gabung: peta,
            kepala: Vec::new(),
            jumlah: None,
            akhir,
        }
    }

    pub(crate) fn sel(&self, baris: u32, kolom: u32) -> &Data {
        let p = match self.gabung.is_empty() {
            true => (baris, kolom),
            false => *self.gabung.get(&(baris, kolom)).unwrap_or(&(baris, kolom)),
        };
        self.range.get_value(p).unwrap_or(&KOSONG)
    }

    /// The sheet's cells as calamine read them (merged areas not resolved).
    pub(crate) fn range(&self) -> &Range<Data> {
        &self.range
    }

    pub(crate) fn lebar(&self) -> u32 {
        self.range.end().map_or(0, |e| e.1 + 1)
    }

    /// Finds the header row: the first row (of the first 30) whose cells include `kunci`. Every
    /// other header is either `dikenal` (or accepted by `pola`) or reported as a warning.
    pub(crate) fn cari_kepala(
        &mut self,
        kunci: &str,
        dikenal: &dyn Fn(&str) -> bool,
        peringatan: &mut Vec<Masalah>,
        masalah: &mut Vec<Masalah>,
    ) -> Option<u32> {
        let batas = self.akhir.min(BARIS_KEPALA + 30);
        let lebar = self.lebar();
        let baris = (0..=batas)
            .find(|&r| (0..lebar).any(|c| normal(&sel::teks(self.sel(r, c))) == normal(kunci)));
        let Some(r) = baris else {
            masalah.push(Masalah {
                lembar: self.nama.to_string(),
                sel: None,
                kolom: Some(kunci.into()),
                nilai: None,
                pesan: format!("baris judul kolom tidak ditemukan: kolom \"{kunci}\" wajib ada"),
            });
            return None;
        };
        for c in 0..lebar {
            let judul = sel::teks(self.sel(r, c)).trim().to_string();
            if judul.is_empty() {
                continue;
            }
            let n = normal(&judul);
            if let Some((lain, _, k)) = self.kepala.iter().find(|(_, x, _)| *x == n) {
                masalah.push(Masalah {
                    lembar: self.nama.to_string(),
                    sel: Some(rujukan(r, c)),
                    kolom: Some(judul.clone()),
                    nilai: None,
                    pesan: format!(
                        "judul kolom ganda: \"{lain}\" sudah ada di kolom {}",
                        rujukan(r, *k)
                    ),
                });
                continue;
            }
            if !dikenal(&n) {
                peringatan.push(Masalah {
                    lembar: self.nama.to_string(),
                    sel: Some(rujukan(r, c)),
                    kolom: Some(judul.clone()),
                    nilai: None,
                    pesan: "kolom tidak dikenal, isinya diabaikan".into(),
                });
            }
            if n == normal(KEPALA_JUMLAH) {
                self.jumlah = Some(c);
            }
            self.kepala.push((judul.into(), n, c));
        }
        Some(r)
    }

    /// The column of a header (compared in normal form, without allocating: it is asked for
    /// every field of every row).
    pub(crate) fn kolom(&self, judul: &str) -> Option<u32> {
        self.kepala
            .iter()
            .find(|(_, n, _)| sama_normal(judul, n))
            .map(|(_, _, c)| *c)
    }

    pub(crate) fn letak(&self, baris: u32, kolom: u32) -> Letak {
        Letak {
            lembar: self.nama.clone(),
            baris,
            kolom,
            kepala: self
                .kepala
                .iter()
                .find(|(_, _, c)| *c == kolom)
                .map(|(j, _, _)| j.clone())
                .unwrap_or_else(|| "".into()),
        }
    }

    /// No input in the row (the computed sum column aside: its formula stays when a row is
    /// cleared).
    pub(crate) fn kosong(&self, baris: u32) -> bool {
        self.kepala
            .iter()
            .filter(|(_, _, c)| Some(*c) != self.jumlah)
            .all(|(_, _, c)| sel::kosong(self.sel(baris, *c)))
    }

    /// Reads one cell with `f`; a problem is reported at the cell and gives `None`.
    pub(crate) fn baca<T>(
        &self,
        baris: u32,
        kolom: u32,
        f: impl Fn(&Data) -> Result<T, String>,
        masalah: &mut Vec<Masalah>,
    ) -> Option<(T, Letak)> {
        let d = self.sel(baris, kolom);
        let l = self.letak(baris, kolom);
        match f(d) {
            Ok(x) => Some((x, l)),
            Err(pesan) => {
                masalah.push(l.masalah(Some(sel::teks(d)), pesan));
                None
            }
        }
    }

    /// Like `baca`, without the location of a value read well (the months of a budget line: most
    /// of a large sheet's cells, whose place is only needed for a message).
    pub(crate) fn nilai<T>(
        &self,
        baris: u32,
        kolom: u32,
        f: impl Fn(&Data) -> Result<T, String>,
        masalah: &mut Vec<Masalah>,
    ) -> Option<T> {
        let d = self.sel(baris, kolom);
        match f(d) {
            Ok(x) => Some(x),
            Err(pesan) => {
                masalah.push(self.letak(baris, kolom).masalah(Some(sel::teks(d)), pesan));
                None
            }
        }
    }

    /// A column's value of this row, when the sheet has the column; `None` also after a problem
    /// (reported), which refuses the workbook anyway.
    pub(crate) fn medan<T>(
        &self,
        baris: u32,
        judul: &str,
        f: impl Fn(&Data) -> Result<T, String>,
        masalah: &mut Vec<Masalah>,
    ) -> Option<(T, Letak)> {
        self.medan_di(baris, self.kolom(judul), f, masalah)
    }

    /// `medan` with the column already found (`kolom`), for a loop over many rows.
    pub(crate) fn medan_di<T>(
        &self,
        baris: u32,
        kolom: Option<u32>,
        f: impl Fn(&Data) -> Result<T, String>,
        masalah: &mut Vec<Masalah>,
    ) -> Option<(T, Letak)> {
        self.baca(baris, kolom?, f, masalah)
    }

    /// The data rows under the header with a non-empty key, each with its key parsed by
    /// `kunci`; rows whose key is missing or repeated are reported. Empty rows (trailing ones
    /// included) are skipped.
    pub(crate) fn baris<K: Clone + Eq + std::hash::Hash + std::fmt::Display>(
        &self,
        kepala: u32,
        judul_kunci: &str,
        kunci: impl Fn(String) -> Result<K, String>,
        masalah: &mut Vec<Masalah>,
    ) -> Vec<(u32, K, Letak)> {
        self.baris_baru(kepala, judul_kunci, kunci, false, masalah)
            .into_iter()
            .filter_map(|(r, k, l)| Some((r, k?, l)))
            .collect()
    }

    /// Like `baris`; with `boleh_baru` a row whose key is empty is a new record (`None`), the
    /// key then made by whoever applies the row.
    pub(crate) fn baris_baru<K: Clone + Eq + std::hash::Hash + std::fmt::Display>(
        &self,
        kepala: u32,
        judul_kunci: &str,
        kunci: impl Fn(String) -> Result<K, String>,
        boleh_baru: bool,
        masalah: &mut Vec<Masalah>,
    ) -> Vec<(u32, Option<K>, Letak)> {
        let Some(k) = self.kolom(judul_kunci) else {
            return Vec::new();
        };
        let mut hasil = Vec::new();
        let mut terlihat: HashMap<K, u32> = HashMap::new();
        for r in kepala + 1..=self.akhir {
            if self.kosong(r) {
                continue;
            }
            let d = self.sel(r, k);
            let l = self.letak(r, k);
            let teks = sel::teks(d).trim().to_string();
            if teks.is_empty() {
                if boleh_baru {
                    hasil.push((r, None, l));
                } else {
                    masalah.push(l.masalah(
                        None,
                        format!(
                            "baris berisi tetapi \"{judul_kunci}\" kosong: baris baru tidak dapat ditambahkan di lembar ini; tambahkan di lembar Renstra atau Anggaran, atau lewat halaman web, lalu unduh templat lagi"
                        ),
                    ));
                }
                continue;
            }
            match kunci(teks.clone()) {
                Ok(id) => {
                    if let Some(lain) = terlihat.insert(id.clone(), r) {
                        masalah.push(l.masalah(
                            Some(teks),
                            format!(
                                "\"{id}\" sudah ada di baris {}: setiap baris satu kali",
                                lain + 1
                            ),
                        ));
                        continue;
                    }
                    hasil.push((r, Some(id), l));
                }
                Err(e) => masalah.push(l.masalah(Some(teks), e)),
            }
        }
        hasil
    }
}

/// The sheets (by name) whose XML holds merged cells, read from the archive directly:
/// calamine's merged-cell reader parses a sheet's whole XML a second time, a third of the
/// reading time of a large sheet. `None` when the archive does not read this way; the caller
/// then asks calamine for every sheet.
pub(crate) fn lembar_bergabung(isi: &[u8]) -> Option<std::collections::HashSet<String>> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(isi)).ok()?;
    // Bytes, not text: a large sheet's UTF-8 check cost as much as its inflating.
    let mut baca = |nama: &str| -> Option<Vec<u8>> {
        let mut s = Vec::new();
        z.by_name(nama).ok()?.read_to_end(&mut s).ok()?;
        Some(s)
    };
    let buku = String::from_utf8(baca("xl/workbook.xml")?).ok()?;
    let rels = String::from_utf8(baca("xl/_rels/workbook.xml.rels")?).ok()?;
    let mut hasil = std::collections::HashSet::new();
    for tag in buku.split("<sheet ").skip(1) {
        let tag = tag.split('>').next()?;
        let nama = atribut(tag, "name")?;
        let id = atribut(tag, "r:id")?;
        let rel = rels
            .split("<Relationship ")
            .skip(1)
            .map(|r| r.split('>').next().unwrap_or(""))
            .find(|r| atribut(r, "Id").as_deref() == Some(id.as_str()))?;
        let target = atribut(rel, "Target")?;
        let jalur = match target.strip_prefix('/') {
            Some(t) => t.to_string(),
            None => format!("xl/{target}"),
        };
        if memchr::memmem::find(&baca(&jalur)?, b"<mergeCell ").is_some() {
            hasil.insert(nama);
        }
    }
    Some(hasil)
}

/// An attribute's value in a tag's text (`name="Anggaran"`), XML entities of names undone.
fn atribut(tag: &str, nama: &str) -> Option<String> {
    let awal = tag
        .find(&format!(" {nama}=\""))
        .map(|i| i + nama.len() + 3)
        .or_else(|| {
            tag.starts_with(&format!("{nama}=\""))
                .then_some(nama.len() + 2)
        })?;
    let nilai = &tag[awal..];
    let nilai = &nilai[..nilai.find('"')?];
    Some(
        nilai
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::id::InstansiId;
    use kinerja_core::model::*;

    #[test]
    fn the_sheets_with_merged_cells_are_found_in_the_archive() {
        let id = InstansiId::new("x").unwrap();
        let mut d = DataInstansi::default();
        d.instansi.push(Instansi {
            id: id.clone(),
            nama: "Dinas \"A\" & B".into(),
            jenis: JenisInstansi::Opd,
            induk: None,
            kode: None,
            alamat: None,
            catatan: None,
        });
        let isi = crate::templat(&d, &id, kinerja_core::waktu::Tahun::new(2024).unwrap()).unwrap();
        // Only the instructions merge cells (each instruction spans two columns).
        let b = lembar_bergabung(&isi).unwrap();
        assert_eq!(b.into_iter().collect::<Vec<_>>(), ["Petunjuk"]);
        assert_eq!(lembar_bergabung(b"bukan zip"), None);
        assert_eq!(
            atribut(r#"name="A &amp; B" r:id="rId2""#, "name").as_deref(),
            Some("A & B")
        );
        assert_eq!(
            atribut(r#"name="A" r:id="rId2""#, "r:id").as_deref(),
            Some("rId2")
        );
    }
}
