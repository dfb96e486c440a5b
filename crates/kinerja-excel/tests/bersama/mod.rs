//! Shared by the workbook tests: the example with a sub kegiatan under APBD perubahan that
//! reports months, and a workbook as a plain grid (read with calamine, edited, written again
//! with rust_xlsxwriter: what a user's spreadsheet program does when it saves).

#![allow(dead_code)]

use calamine::{Data, Reader, Xlsx};
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Bulan, Tahun};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::PathBuf;

pub fn contoh_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari")
}

pub fn rp(s: &str) -> Rupiah {
    Rupiah::new(s.parse().unwrap()).unwrap()
}

pub fn tahun(t: i64) -> Tahun {
    Tahun::new(t).unwrap()
}

pub fn mumbulsari() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

/// The example plus sub kegiatan SK-1 of K-ADM-1: pagu 10.000.000, APBD-P 12.500.000,50,
/// realisasi January 1.000.000 and March 2.000.000,25.
pub fn contoh() -> DataInstansi {
    let mut d = kinerja_berkas::baca(&contoh_path()).unwrap();
    d.sub_kegiatan.push(SubKegiatan {
        id: SubKegiatanId::new("SK-1").unwrap(),
        kegiatan: KegiatanId::new("K-ADM-1").unwrap(),
        kode: Some("7.01.01.2.01.0001".into()),
        nama: "Penyediaan Jasa Surat Menyurat".into(),
    });
    d.anggaran.push(PosAnggaran {
        id: PosAnggaranId::new("pos-SK-1").unwrap(),
        tahun: tahun(2020),
        tempat: TempatAnggaran::SubKegiatan(SubKegiatanId::new("SK-1").unwrap()),
        jenis: JenisBelanja::LangsungBarangJasa,
        pagu: rp("10000000"),
        pagu_perubahan: Some(rp("12500000.50")),
        realisasi: None,
        realisasi_bulanan: [
            (Bulan::Januari, rp("1000000")),
            (Bulan::Maret, rp("2000000.25")),
        ]
        .into(),
        catatan: None,
    });
    assert_eq!(kinerja_core::validasi::periksa(&d), vec![]);
    d
}

/// One cell as a spreadsheet program would save it.
#[derive(Debug, Clone, PartialEq)]
pub enum Isi {
    Angka(f64),
    Teks(String),
    /// An Excel serial date.
    Tanggal(f64),
    /// A formula and its cached result.
    Rumus(String, String),
}

#[derive(Debug, Clone)]
pub struct Lembar {
    pub nama: String,
    pub sel: BTreeMap<(u32, u16), Isi>,
    pub gabung: Vec<(u32, u16, u32, u16)>,
}

impl Lembar {
    /// The 0-based (row, column) of the first cell in column `c` whose text is `teks`.
    pub fn cari(&self, teks: &str) -> (u32, u16) {
        *self
            .sel
            .iter()
            .find(|(_, v)| **v == Isi::Teks(teks.into()))
            .unwrap_or_else(|| panic!("{teks} not in {}", self.nama))
            .0
    }

    /// The column whose header (row 4) is `judul`.
    pub fn kolom(&self, judul: &str) -> u16 {
        self.sel
            .iter()
            .find(|((r, _), v)| *r == 3 && **v == Isi::Teks(judul.into()))
            .unwrap_or_else(|| panic!("column {judul} not in {}", self.nama))
            .0
            .1
    }

    pub fn atur(&mut self, r: u32, c: u16, isi: Isi) {
        self.sel.insert((r, c), isi);
    }
}

pub fn grid(isi: &[u8]) -> Vec<Lembar> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(isi)).unwrap();
    wb.sheet_names()
        .into_iter()
        .map(|nama| {
            let range = wb.worksheet_range(&nama).unwrap();
            let mut sel = BTreeMap::new();
            for (r, c, d) in range.used_cells() {
                let (r0, c0) = range.start().unwrap();
                let p = (r as u32 + r0, (c as u32 + c0) as u16);
                let v = match d {
                    Data::Float(f) => Isi::Angka(*f),
                    Data::Int(i) => Isi::Angka(*i as f64),
                    Data::String(s) => Isi::Teks(s.clone()),
                    Data::DateTime(t) => Isi::Tanggal(t.as_f64()),
                    Data::Empty => continue,
                    lain => Isi::Teks(lain.to_string()),
                };
                sel.insert(p, v);
            }
            Lembar {
                nama,
                sel,
                gabung: Vec::new(),
            }
        })
        .collect()
}

pub fn tulis(lembar: &[Lembar]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let tanggal = Format::new().set_num_format("d mmmm yyyy");
    for l in lembar {
        let ws = wb.add_worksheet();
        ws.set_name(&l.nama).unwrap();
        for (r0, c0, r1, c1) in &l.gabung {
            let teks = match l.sel.get(&(*r0, *c0)) {
                Some(Isi::Teks(t)) => t.clone(),
                _ => String::new(),
            };
            ws.merge_range(*r0, *c0, *r1, *c1, &teks, &Format::new())
                .unwrap();
        }
        for ((r, c), v) in &l.sel {
            let inside = l.gabung.iter().any(|(r0, c0, r1, c1)| {
                (r0..=r1).contains(&r) && (c0..=c1).contains(&c) && (r, c) != (r0, c0)
            });
            if inside {
                continue;
            }
            match v {
                Isi::Angka(f) => ws.write_number(*r, *c, *f).map(|_| ()),
                Isi::Teks(t) => ws.write_string(*r, *c, t).map(|_| ()),
                Isi::Tanggal(s) => {
                    let dt = ExcelDateTime::from_serial_datetime(*s).unwrap();
                    ws.write_datetime_with_format(*r, *c, &dt, &tanggal)
                        .map(|_| ())
                }
                Isi::Rumus(f, hasil) => ws
                    .write_formula(*r, *c, Formula::new(f).set_result(hasil))
                    .map(|_| ()),
            }
            .unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

pub fn lembar<'a>(g: &'a mut [Lembar], nama: &str) -> &'a mut Lembar {
    g.iter_mut().find(|l| l.nama == nama).unwrap()
}
