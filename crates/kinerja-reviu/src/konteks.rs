//! What the rules look at: the data, its indexes, and the year's derived figures, computed once.

use kinerja_core::anggaran::{self, RingkasanAnggaran};
use kinerja_core::model::DataInstansi;
use kinerja_core::pengukuran::{self, Indeks, TabelPengukuran};
use kinerja_core::waktu::Tahun;
use std::cell::RefCell;
use std::collections::HashMap;

pub struct Konteks<'a> {
    pub data: &'a DataInstansi,
    pub ix: Indeks<'a>,
    pub tahun: Tahun,
    anggaran: RefCell<HashMap<Tahun, std::rc::Rc<RingkasanAnggaran>>>,
    pengukuran: RefCell<HashMap<Tahun, std::rc::Rc<TabelPengukuran>>>,
}

impl<'a> Konteks<'a> {
    pub fn new(data: &'a DataInstansi, tahun: Tahun) -> Konteks<'a> {
        Konteks {
            data,
            ix: Indeks::new(data),
            tahun,
            anggaran: RefCell::default(),
            pengukuran: RefCell::default(),
        }
    }

    pub fn anggaran(&self, t: Tahun) -> std::rc::Rc<RingkasanAnggaran> {
        self.anggaran
            .borrow_mut()
            .entry(t)
            .or_insert_with(|| std::rc::Rc::new(anggaran::ringkas(self.data, t)))
            .clone()
    }

    pub fn pengukuran(&self, t: Tahun) -> std::rc::Rc<TabelPengukuran> {
        self.pengukuran
            .borrow_mut()
            .entry(t)
            .or_insert_with(|| std::rc::Rc::new(pengukuran::ukur(&self.ix, t)))
            .clone()
    }

    pub fn dokumen_laporan(&self) -> String {
        format!("Laporan Kinerja {}", self.tahun)
    }
}
