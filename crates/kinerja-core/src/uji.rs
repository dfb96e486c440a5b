//! Test fixture: the primary data of the Mumbulsari LKjIP 2020 (../shared/seed), built in code so
//! that the core's tests do not depend on the file format.

use crate::id::*;
use crate::model::*;
use crate::nilai::Nilai;
use crate::uang::Rupiah;
use crate::waktu::{Periode, Tahun};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Any `Decimal`: 96-bit mantissa, sign, scale 0..=28.
pub fn decimal_apa_saja() -> impl proptest::strategy::Strategy<Value = Decimal> {
    use proptest::prelude::*;
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        0u32..=28,
    )
        .prop_map(|(lo, mid, hi, neg, skala)| Decimal::from_parts(lo, mid, hi, neg, skala))
}

pub fn tahun(t: i64) -> Tahun {
    Tahun::new(t).unwrap()
}
pub fn rp(s: &str) -> Rupiah {
    Rupiah::new(Decimal::from_str(s).unwrap()).unwrap()
}
pub fn n(s: &str) -> Nilai {
    Nilai::parse(s).unwrap()
}

pub fn indikator(id: &str, sasaran: &str, nomor: u32, polaritas: Polaritas) -> Indikator {
    Indikator {
        id: IndikatorId::new(id).unwrap(),
        pemilik: Pemilik::Sasaran(SasaranId::new(sasaran).unwrap()),
        nomor,
        uraian: format!("indikator {id}"),
        jenis: JenisIndikator::Hasil,
        polaritas,
        satuan: Some("%".into()),
        cara_tahunan: CaraTahunan::Terakhir,
        cara_wilayah: Default::default(),
        rumus: None,
        kondisi_awal: None,
        target_akhir: None,
        induk: None,
        catatan: None,
    }
}

pub fn target(ind: &str, t: i64, dokumen: DokumenTarget, nilai: &str) -> Target {
    Target {
        indikator: IndikatorId::new(ind).unwrap(),
        tahun: tahun(t),
        dokumen,
        nilai: n(nilai),
        uraian: None,
        catatan: None,
    }
}

pub fn realisasi(ind: &str, t: i64, periode: Periode, nilai: &str) -> Realisasi {
    Realisasi {
        indikator: IndikatorId::new(ind).unwrap(),
        tahun: tahun(t),
        periode,
        nilai: n(nilai),
        sumber: None,
        catatan: None,
    }
}

fn program(id: &str, sasaran: &str, nama: &str) -> Program {
    Program {
        id: ProgramId::new(id).unwrap(),
        kode: None,
        nama: nama.into(),
        sasaran: Some(SasaranId::new(sasaran).unwrap()),
        renstra: false,
        pagu_indikatif: Vec::new(),
        catatan: None,
    }
}

fn kegiatan_pos(d: &mut DataInstansi, prog: &str, id: &str, pagu: &str, real: Option<&str>) {
    d.kegiatan.push(Kegiatan {
        id: KegiatanId::new(id).unwrap(),
        program: ProgramId::new(prog).unwrap(),
        kode: None,
        nama: format!("kegiatan {id}"),
        keterangan: None,
        catatan: None,
    });
    d.anggaran.push(PosAnggaran {
        id: PosAnggaranId::new(format!("pos-{id}")).unwrap(),
        tahun: tahun(2020),
        tempat: TempatAnggaran::Kegiatan(KegiatanId::new(id).unwrap()),
        jenis: JenisBelanja::Langsung,
        pagu: rp(pagu),
        pagu_perubahan: None,
        realisasi: real.map(rp),
        realisasi_bulanan: Default::default(),
        catatan: None,
    });
}

/// Mumbulsari 2020: plan, Tabel 3.1 targets and realisasi, the budget table of Bab III C.2.
pub fn mumbulsari() -> DataInstansi {
    let mut d = DataInstansi::default();
    d.instansi.push(Instansi {
        id: InstansiId::new("mumbulsari").unwrap(),
        nama: "Kecamatan Mumbulsari".into(),
        jenis: JenisInstansi::Kecamatan,
        induk: None,
        kode: None,
        alamat: None,
        catatan: None,
    });
    d.renstra.push(Renstra {
        id: RenstraId::new("renstra").unwrap(),
        instansi: InstansiId::new("mumbulsari").unwrap(),
        jenis: JenisRencana::Renstra,
        tahun_awal: tahun(2016),
        tahun_akhir: tahun(2021),
        dasar: None,
        visi: None,
        misi: vec![],
        catatan: None,
    });
    for (i, t) in ["T1", "T2"].iter().enumerate() {
        d.tujuan.push(Tujuan {
            id: TujuanId::new(*t).unwrap(),
            renstra: RenstraId::new("renstra").unwrap(),
            nomor: i as u32 + 1,
            uraian: format!("tujuan {t}"),
            catatan: None,
        });
        d.sasaran.push(Sasaran {
            id: SasaranId::new(format!("S{}", i + 1)).unwrap(),
            tujuan: TujuanId::new(*t).unwrap(),
            nomor: 1,
            uraian: format!("sasaran {}", i + 1),
            mendukung: None,
            catatan: None,
        });
    }
    d.indikator
        .push(indikator("SKM", "S1", 1, Polaritas::Positif));
    d.indikator
        .push(indikator("REKOM", "S2", 1, Polaritas::Positif));
    d.indikator
        .push(indikator("DESA", "S2", 2, Polaritas::Positif));
    for t in 2016..=2021 {
        d.target
            .push(target("SKM", t, DokumenTarget::Renstra, "85"));
        d.target
            .push(target("REKOM", t, DokumenTarget::Renstra, "80"));
        d.target
            .push(target("DESA", t, DokumenTarget::Renstra, "80"));
    }
    for ind in ["SKM", "REKOM", "DESA"] {
        d.target.push(target(
            ind,
            2020,
            DokumenTarget::PerjanjianKinerja,
            "B (100%)",
        ));
    }
    d.target
        .push(target("SKM", 2020, DokumenTarget::Pengukuran, "B (80 %)"));
    d.target
        .push(target("REKOM", 2020, DokumenTarget::Pengukuran, "100%"));
    d.target
        .push(target("DESA", 2020, DokumenTarget::Pengukuran, "100 %"));
    d.realisasi
        .push(realisasi("SKM", 2020, Periode::Tahunan, "B (70,89 %)"));
    d.realisasi
        .push(realisasi("REKOM", 2020, Periode::Tahunan, "86,90 %"));
    d.realisasi
        .push(realisasi("DESA", 2020, Periode::Tahunan, "90 %"));
    d.realisasi
        .push(realisasi("SKM", 2017, Periode::Tahunan, "B 75,79"));
    d.realisasi
        .push(realisasi("SKM", 2018, Periode::Tahunan, "B 79,92"));

    d.program.push(program(
        "P1",
        "S1",
        "Program Pelayanan Administrasi Perkantoran",
    ));
    d.program.push(program(
        "P2",
        "S2",
        "Program Peningkatan Sarana dan Prasarana Aparatur",
    ));
    d.program
        .push(program("P3", "S2", "Program Peningkatan Disiplin Aparatur"));
    d.program
        .push(program("P4", "S2", "Program Koordinasi Pemerintahan"));
    kegiatan_pos(&mut d, "P1", "K1-1", "15000000", Some("13459500"));
    kegiatan_pos(&mut d, "P1", "K1-2", "140000000", Some("121240000"));
    kegiatan_pos(&mut d, "P1", "K1-3", "55000000", Some("43864567"));
    kegiatan_pos(&mut d, "P2", "K2-1", "5000000", Some("4991000"));
    kegiatan_pos(&mut d, "P2", "K2-3", "2500000", Some("2498000"));
    kegiatan_pos(&mut d, "P2", "K2-4", "15000000", Some("13939113"));
    kegiatan_pos(&mut d, "P2", "K2-5", "9200000", Some("7691581"));
    kegiatan_pos(&mut d, "P3", "K3-1", "20000000", Some("12845000"));
    kegiatan_pos(&mut d, "P4", "K4-1", "37500000", Some("33150000"));
    kegiatan_pos(&mut d, "P4", "K4-2", "100800000", Some("100800000"));
    d.anggaran.push(PosAnggaran {
        id: PosAnggaranId::new("btl").unwrap(),
        tahun: tahun(2020),
        tempat: TempatAnggaran::Instansi,
        jenis: JenisBelanja::TidakLangsung,
        pagu: rp("1274830966.58"),
        pagu_perubahan: None,
        realisasi: Some(rp("889672130.00")),
        realisasi_bulanan: Default::default(),
        catatan: None,
    });
    d
}
