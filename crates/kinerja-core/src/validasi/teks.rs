//! The length of every text in the data, bounded by its kind: a name, code or number is short,
//! a sentence (an uraian, a source) longer, a narrative (a note, a report's section) longest.
//!
//! Every text field is reached by walking the data's serde form (the file format), so a field
//! added to the model is checked without being listed here; its kind comes from its name
//! ([`jenis_medan`]), and a name not listed is short. A test walks the JSON Schema and requires
//! every text field's name to be listed, so a new field's kind is a decision, not a default.

use super::{Letak, Pelanggaran};
use crate::angka::format_angka;
use crate::model::DataInstansi;
use rust_decimal::Decimal;
use serde::ser::{self, Serialize};
use std::fmt;

/// The kind of a text field, and so its longest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisTeks {
    /// A name, title, code, number, NIP, id, place, or a number or date written as text.
    Pendek,
    /// A sentence or two: the uraian of a goal or indicator, a vision, a mission, an address,
    /// a source, a formula's numerator.
    Kalimat,
    /// A paragraph or more: notes, the kata pengantar, a report's section.
    Narasi,
}

impl JenisTeks {
    /// The longest value, in characters. Names: a nama jabatan or a sub kegiatan's name runs to
    /// about 100 characters in the example, so 500 leaves room. Sentences: the example's longest
    /// (an uraian, 181) times ten. Narratives: the example's longest note (an IKU's, 8.503)
    /// times ten; the web's general limit per field (20.000) is lower, files may hold more.
    pub const fn batas(self) -> usize {
        match self {
            JenisTeks::Pendek => 500,
            JenisTeks::Kalimat => 2_000,
            JenisTeks::Narasi => 100_000,
        }
    }
}

/// The kind of a text field by its name (the innermost: `teks` of `bagian.teks`).
pub fn jenis_medan(medan: &str) -> Option<JenisTeks> {
    use JenisTeks::*;
    Some(match medan {
        // Narratives and notes.
        "catatan" | "keterangan" | "kata_pengantar" | "teks" => Narasi,
        // Sentences.
        "uraian" | "visi" | "misi" | "alamat" | "tentang" | "mendukung" | "sumber"
        | "sumber_data" | "kinerja_utama" | "pembilang" | "penyebut" | "kendala"
        | "langkah_perbaikan" | "alasan" | "lingkup" | "tertulis" | "hasil"
        | "rekomendasi" | "dasar" => Kalimat,
        // Names, titles, codes and references.
        "id" | "nama" | "kode" | "nomor" | "nip" | "jabatan" | "pangkat" | "golongan"
        | "satuan" | "judul" | "tempat" | "regime" | "dokumen" | "bagian" | "baris" | "kunci"
        | "oleh" | "aturan" | "label" | "induk" | "penanggung_jawab_teks" | "warna" | "jadwal"
        // Ids of other records.
        | "instansi" | "renstra" | "tujuan" | "sasaran" | "strategi" | "program"
        | "kegiatan" | "sub_kegiatan" | "indikator" | "survei" | "skala" | "penandatangan"
        | "layanan" | "kolom" | "penanggung_jawab" | "pihak_pertama" | "pihak_kedua" | "perubahan_dari" | "pohon" | "asal" | "unit"
        | "dari" | "ke" | "tingkat" | "status" | "target" | "pendahulu" | "penerus"
        | "kriteria"
        // An evaluation's answers: a code on the criterion's scale, a file's digest.
        | "jawaban" | "usulan" | "sha256" | "tahap"
        // Numbers, values and dates written as text, and named variants holding them.
        | "nilai" | "angka" | "pagu" | "pagu_perubahan" | "realisasi" | "anggaran"
        | "batas_atas" | "batas_bawah" | "target_akhir" | "pengali" | "distribusi"
        | "tanggal" | "periode" | "jenis" | "belanja" | "ukuran" | "subjek" | "polaritas"
        | "cara_tahunan" | "cara_wilayah" | "kosong" | "kondisi_awal" | "elemen"
        | "rumus_negatif" | "jumlah_indikator_berpredikat" | "januari"
        | "februari" | "maret" | "april" | "mei" | "juni" | "juli" | "agustus" | "september"
        | "oktober" | "november" | "desember" => Pendek,
        _ => return None,
    })
}

/// The longest `sumber` or `catatan` of a realisasi, in characters.
pub const CATATAN_REALISASI_MAKS: usize = 2_000;

/// The longest value of a field (its innermost name) of a table. Where a name means less
/// there: a realisasi's source and note are a sentence or a paragraph beside one figure (a
/// reviewer's note allows 4.000 characters); a stated figure's `teks` is the figure as printed
/// (`"B"`, `"-"`), an IKU formula's `teks` a sentence.
pub fn batas_medan(tabel: &str, medan: &str) -> usize {
    match (tabel, medan) {
        ("realisasi", "sumber" | "catatan") => CATATAN_REALISASI_MAKS,
        ("tercatat", "teks") => JenisTeks::Pendek.batas(),
        ("iku", "teks") => JenisTeks::Kalimat.batas(),
        // An action of a follow-up plan, not a kegiatan's id.
        ("tindak_lanjut_skm", "kegiatan") => JenisTeks::Kalimat.batas(),
        // A question of a questionnaire, and the column header an export gives it.
        ("kuesioner_skm", "teks" | "kolom") => JenisTeks::Kalimat.batas(),
        _ => jenis_medan(medan).unwrap_or(JenisTeks::Pendek).batas(),
    }
}

/// Every text of `data` longer than its field allows.
pub(super) fn periksa(data: &DataInstansi) -> Vec<Pelanggaran> {
    let mut j = Jelajah::default();
    // The walk itself never fails: its error type exists for serde's custom errors only.
    let _ = data.serialize(&mut j);
    j.hasil
}

/// A step of the path below a table: a field, or a position in a nested list.
#[derive(Debug, Clone, Copy)]
enum Langkah {
    Medan(&'static str),
    Butir(usize),
}

/// The walk's state: the table, the record's position and id, the path inside the record.
#[derive(Default)]
struct Jelajah {
    tabel: &'static str,
    indeks: usize,
    id: Option<String>,
    /// Below the table: the record's fields and nested positions.
    jalur: Vec<Langkah>,
    /// Depth of structures entered; the data set itself is depth 1.
    kedalaman: usize,
    hasil: Vec<Pelanggaran>,
}

impl Jelajah {
    /// The innermost field name.
    fn medan_dalam(&self) -> Option<&'static str> {
        self.jalur.iter().rev().find_map(|l| match l {
            Langkah::Medan(m) => Some(*m),
            Langkah::Butir(_) => None,
        })
    }

    fn teks(&mut self, v: &str) {
        let Some(Langkah::Medan(medan)) = self.jalur.first().copied() else {
            return;
        };
        if self.jalur.len() == 1 && medan == "id" {
            self.id = Some(v.to_string());
        }
        let dalam = self.medan_dalam().unwrap_or(medan);
        let batas = batas_medan(self.tabel, dalam);
        // A text of at most `batas` bytes has at most `batas` characters: most are not counted.
        if v.len() <= batas {
            return;
        }
        let n = v.chars().count();
        if n <= batas {
            return;
        }
        let mut jalur = String::new();
        let mut sesudah_butir = false;
        for l in &self.jalur {
            match l {
                Langkah::Medan(m) => {
                    if sesudah_butir {
                        jalur.push_str(", ");
                    } else if !jalur.is_empty() {
                        jalur.push('.');
                    }
                    jalur.push_str(m);
                    sesudah_butir = false;
                }
                Langkah::Butir(i) => {
                    jalur.push_str(&format!(" ke-{}", i + 1));
                    sesudah_butir = true;
                }
            }
        }
        self.hasil.push(Pelanggaran {
            letak: Letak {
                tabel: self.tabel,
                indeks: self.indeks,
                id: self.id.clone(),
                medan,
            },
            pesan: format!(
                "`{jalur}` terlalu panjang: {} karakter, paling banyak {} karakter",
                format_angka(Decimal::from(n as u64), 0),
                format_angka(Decimal::from(batas as u64), 0)
            ),
        });
    }

    /// Enters a field: at depth 1 a table, below it a record's field.
    fn masuk_medan<T: ?Sized + Serialize>(
        &mut self,
        nama: &'static str,
        v: &T,
    ) -> Result<(), Gagal> {
        if self.kedalaman == 1 {
            self.tabel = nama;
            self.indeks = 0;
            self.id = None;
            v.serialize(&mut *self)
        } else {
            self.masuk(nama, v)
        }
    }

    /// Enters a named step below the record (a field, a variant).
    fn masuk<T: ?Sized + Serialize>(&mut self, nama: &'static str, v: &T) -> Result<(), Gagal> {
        self.jalur.push(Langkah::Medan(nama));
        let r = v.serialize(&mut *self);
        self.jalur.pop();
        r
    }
}

/// serde's error type for the walk (never produced by the walk itself).
#[derive(Debug)]
pub(super) struct Gagal(String);

impl fmt::Display for Gagal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Gagal {}
impl ser::Error for Gagal {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Gagal(msg.to_string())
    }
}

/// A list: the table's records (each its own position and id) or a list inside a record.
struct Daftar<'a> {
    j: &'a mut Jelajah,
    i: usize,
    /// A tuple variant's name was put on the path, to be taken off at the end.
    varian: bool,
}

impl Daftar<'_> {
    fn butir<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Gagal> {
        let i = self.i;
        self.i += 1;
        if self.j.jalur.is_empty() {
            self.j.indeks = i;
            self.j.id = None;
            v.serialize(&mut *self.j)
        } else {
            self.j.jalur.push(Langkah::Butir(i));
            let r = v.serialize(&mut *self.j);
            self.j.jalur.pop();
            r
        }
    }
}

macro_rules! daftar {
    ($($tr:ident :: $f:ident),*) => {$(
        impl ser::$tr for Daftar<'_> {
            type Ok = ();
            type Error = Gagal;
            fn $f<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Gagal> {
                self.butir(v)
            }
            fn end(self) -> Result<(), Gagal> {
                if self.varian {
                    self.j.jalur.pop();
                }
                Ok(())
            }
        }
    )*};
}
daftar!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A structure or map: its fields are entered by name; a struct variant's name is taken off
/// the path at the end.
struct Rekaman<'a> {
    j: &'a mut Jelajah,
    varian: bool,
}

impl Rekaman<'_> {
    fn selesai(self) -> Result<(), Gagal> {
        self.j.kedalaman -= 1;
        if self.varian {
            self.j.jalur.pop();
        }
        Ok(())
    }
}

impl ser::SerializeStruct for Rekaman<'_> {
    type Ok = ();
    type Error = Gagal;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        k: &'static str,
        v: &T,
    ) -> Result<(), Gagal> {
        self.j.masuk_medan(k, v)
    }
    fn end(self) -> Result<(), Gagal> {
        self.selesai()
    }
}

impl ser::SerializeStructVariant for Rekaman<'_> {
    type Ok = ();
    type Error = Gagal;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        k: &'static str,
        v: &T,
    ) -> Result<(), Gagal> {
        self.j.masuk_medan(k, v)
    }
    fn end(self) -> Result<(), Gagal> {
        self.selesai()
    }
}

/// A map: keys and values are checked as the field holding the map.
impl ser::SerializeMap for Rekaman<'_> {
    type Ok = ();
    type Error = Gagal;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Result<(), Gagal> {
        k.serialize(&mut *self.j)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Gagal> {
        v.serialize(&mut *self.j)
    }
    fn end(self) -> Result<(), Gagal> {
        self.selesai()
    }
}

impl<'a> ser::Serializer for &'a mut Jelajah {
    type Ok = ();
    type Error = Gagal;
    type SerializeSeq = Daftar<'a>;
    type SerializeTuple = Daftar<'a>;
    type SerializeTupleStruct = Daftar<'a>;
    type SerializeTupleVariant = Daftar<'a>;
    type SerializeMap = Rekaman<'a>;
    type SerializeStruct = Rekaman<'a>;
    type SerializeStructVariant = Rekaman<'a>;

    fn serialize_str(self, v: &str) -> Result<(), Gagal> {
        self.teks(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Gagal> {
        self.teks(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), Gagal> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Gagal> {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Gagal> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        varian: &'static str,
        v: &T,
    ) -> Result<(), Gagal> {
        self.masuk(varian, v)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Daftar<'a>, Gagal> {
        Ok(Daftar {
            j: self,
            i: 0,
            varian: false,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Daftar<'a>, Gagal> {
        Ok(Daftar {
            j: self,
            i: 0,
            varian: false,
        })
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Daftar<'a>, Gagal> {
        Ok(Daftar {
            j: self,
            i: 0,
            varian: false,
        })
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        varian: &'static str,
        _: usize,
    ) -> Result<Daftar<'a>, Gagal> {
        self.jalur.push(Langkah::Medan(varian));
        Ok(Daftar {
            j: self,
            i: 0,
            varian: true,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Rekaman<'a>, Gagal> {
        self.kedalaman += 1;
        Ok(Rekaman {
            j: self,
            varian: false,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Rekaman<'a>, Gagal> {
        self.kedalaman += 1;
        Ok(Rekaman {
            j: self,
            varian: false,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        varian: &'static str,
        _: usize,
    ) -> Result<Rekaman<'a>, Gagal> {
        self.kedalaman += 1;
        self.jalur.push(Langkah::Medan(varian));
        Ok(Rekaman {
            j: self,
            varian: true,
        })
    }
}
