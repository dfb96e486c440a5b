//! The template: an instansi's data of one year as a workbook to fill in. Locked cells hold what
//! joins a row to the data (ids, codes, names); white cells are input. Numbers are written as
//! numbers where a spreadsheet holds them exactly (else as Indonesian text, which reads back the
//! same); a value with words or a unit (`B (80 %)`, `85 %`) is written as the text it is.

use crate::baca::{
    AWALAN_TARGET, KEPALA_ANGGARAN, KEPALA_JUMLAH, KEPALA_PK, KEPALA_REALISASI, KEPALA_RENSTRA,
    KEPALA_SETAHUN, KEPALA_TRIWULAN,
};
use crate::terap::label_jenis;
use crate::{
    BARIS_KEPALA, GalatTemplat, LEMBAR_ANGGARAN, LEMBAR_PK, LEMBAR_REALISASI, LEMBAR_RENSTRA,
    SEL_TANGGAL_PK,
};
use kinerja_core::angka::format_angka;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::nilai::{Bentuk, Nilai};
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Bulan, Tahun};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatBorder, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use std::collections::HashMap;

/// Money in the file's (English) notation; an Indonesian locale shows `1.674.830.966,58`.
const FORMAT_RUPIAH: &str = "#,##0.00";
const FORMAT_TANGGAL: &str = "d mmmm yyyy";

pub(crate) struct Gaya {
    pub(crate) judul: Format,
    kepala: Format,
    pub(crate) kunci: Format,
    pub(crate) isian: Format,
    kunci_rupiah: Format,
    isian_rupiah: Format,
    isian_tanggal: Format,
}

impl Gaya {
    fn new() -> Gaya {
        let kunci = Format::new()
            .set_background_color(Color::RGB(0xE7E6E6))
            .set_border(FormatBorder::Thin)
            .set_text_wrap();
        let isian = Format::new().set_unlocked().set_border(FormatBorder::Thin);
        Gaya {
            judul: Format::new().set_bold().set_font_size(13),
            kepala: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xBDD7EE))
                .set_border(FormatBorder::Thin)
                .set_text_wrap(),
            kunci_rupiah: kunci.clone().set_num_format(FORMAT_RUPIAH),
            isian_rupiah: isian.clone().set_num_format(FORMAT_RUPIAH),
            isian_tanggal: isian.clone().set_num_format(FORMAT_TANGGAL),
            kunci,
            isian,
        }
    }
}

/// The workbook for `instansi` and `tahun`, as bytes. The same data gives the same bytes.
pub fn templat(
    data: &DataInstansi,
    instansi: &InstansiId,
    tahun: Tahun,
) -> Result<Vec<u8>, GalatTemplat> {
    let ins = data
        .instansi
        .iter()
        .find(|i| &i.id == instansi)
        .ok_or_else(|| GalatTemplat::TidakAda(instansi.to_string()))?;
    let mut wb = Workbook::new();
    let tanggal = ExcelDateTime::from_ymd(tahun.get(), 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Isian kinerja {} tahun {tahun}", ins.nama))
            .set_author("kinerja")
            .set_creation_datetime(&tanggal),
    );
    let g = Gaya::new();
    crate::petunjuk::tulis(wb.add_worksheet(), &g, ins, tahun)?;
    renstra(wb.add_worksheet(), &g, data, instansi, tahun)?;
    pk(wb.add_worksheet(), &g, data, instansi, tahun)?;
    realisasi(wb.add_worksheet(), &g, data, tahun)?;
    if crate::elemen::ada(data) {
        crate::elemen::tulis(wb.add_worksheet(), &g, data, instansi, tahun)?;
    }
    anggaran(wb.add_worksheet(), &g, data, tahun)?;
    crate::responden::tulis(wb.add_worksheet(), &g, data, instansi, tahun)?;
    Ok(wb.save_to_buffer()?)
}

/// Locked cells stay locked; formats, column widths and row heights may change.
pub(crate) fn kunci(ws: &mut Worksheet) {
    let mut o = ProtectionOptions::new();
    o.format_cells = true;
    o.format_columns = true;
    o.format_rows = true;
    ws.protect_with_options(&o);
}

pub(crate) fn kepala(
    ws: &mut Worksheet,
    g: &Gaya,
    judul: &str,
    kolom: &[(String, f64)],
) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, judul, &g.judul)?;
    for (c, (k, lebar)) in kolom.iter().enumerate() {
        ws.write_string_with_format(BARIS_KEPALA, c as u16, k, &g.kepala)?;
        ws.set_column_width(c as u16, *lebar)?;
    }
    Ok(())
}

/// Whether a spreadsheet number holds `d` exactly (read back as the same decimal).
pub(crate) fn pas(d: Decimal) -> Option<f64> {
    let f = d.to_f64()?;
    (crate::sel::desimal(f) == Some(d.normalize())).then_some(f)
}

fn tulis_rupiah(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    x: Option<Rupiah>,
    f: &Format,
) -> Result<(), XlsxError> {
    match x.map(|x| (x, pas(x.nilai()))) {
        Some((_, Some(n))) => ws.write_number_with_format(r, c, n, f)?,
        Some((x, None)) => ws.write_string_with_format(r, c, format_angka(x.nilai(), 2), f)?,
        None => ws.write_blank(r, c, f)?,
    };
    Ok(())
}

fn tulis_nilai(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    n: Option<&Nilai>,
    f: &Format,
) -> Result<(), XlsxError> {
    let angka = n.and_then(|n| match n.bentuk() {
        // A target written with a comparison (`≤ 5`) stays text, as written.
        Bentuk::Angka {
            nilai,
            label: None,
            satuan: None,
            operator: None,
        } => pas(*nilai),
        _ => None,
    });
    match (n, angka) {
        (_, Some(x)) => ws.write_number_with_format(r, c, x, f)?,
        (Some(n), None) => ws.write_string_with_format(r, c, n.teks(), f)?,
        (None, None) => ws.write_blank(r, c, f)?,
    };
    Ok(())
}

/// How many blank rows under a sheet's data are open for new rows (`baru`).
const BARIS_BARU: u32 = 50;

/// Opens the cells `kolom` of the blank rows after `akhir` for new rows; the id column stays
/// locked and empty. Returns the last such row.
fn baris_baru(ws: &mut Worksheet, akhir: u32, kolom: &[(u16, &Format)]) -> Result<u32, XlsxError> {
    for r in akhir + 1..=akhir + BARIS_BARU {
        for (c, f) in kolom {
            ws.write_blank(r, *c, f)?;
        }
    }
    Ok(akhir + BARIS_BARU)
}

fn daftar(
    ws: &mut Worksheet,
    baris: (u32, u32),
    kolom: u16,
    pilihan: &[&str],
    ketat: bool,
) -> Result<(), XlsxError> {
    // Excel keeps a list of at most 255 characters inline.
    if pilihan.is_empty()
        || baris.1 < baris.0
        || pilihan.iter().map(|p| p.len() + 1).sum::<usize>() > 250
    {
        return Ok(());
    }
    let mut v = DataValidation::new().allow_list_strings(pilihan)?;
    if !ketat {
        v = v.set_error_style(DataValidationErrorStyle::Warning);
    }
    ws.add_data_validation(baris.0, kolom, baris.1, kolom, &v)?;
    Ok(())
}

fn pemilik(data: &DataInstansi, p: &Pemilik) -> (String, String) {
    match p {
        Pemilik::Tujuan(t) => (
            t.to_string(),
            data.tujuan
                .iter()
                .find(|x| &x.id == t)
                .map(|x| x.uraian.clone())
                .unwrap_or_default(),
        ),
        Pemilik::Sasaran(s) => (
            s.to_string(),
            data.sasaran(s)
                .map(|x| x.uraian.clone())
                .unwrap_or_default(),
        ),
        Pemilik::Program(x) => (
            x.to_string(),
            data.program(x).map(|x| x.nama.clone()).unwrap_or_default(),
        ),
        Pemilik::Kegiatan(x) => (
            x.to_string(),
            data.kegiatan(x).map(|x| x.nama.clone()).unwrap_or_default(),
        ),
        Pemilik::SubKegiatan(x) => (
            x.to_string(),
            data.sub_kegiatan
                .iter()
                .find(|s| &s.id == x)
                .map(|s| s.nama.clone())
                .unwrap_or_default(),
        ),
    }
}

fn target<'a>(
    data: &'a DataInstansi,
    ind: &IndikatorId,
    tahun: Tahun,
    dokumen: DokumenTarget,
) -> Option<&'a Nilai> {
    data.target
        .iter()
        .find(|t| &t.indikator == ind && t.tahun == tahun && t.dokumen == dokumen)
        .map(|t| &t.nilai)
}

fn renstra(
    ws: &mut Worksheet,
    g: &Gaya,
    data: &DataInstansi,
    instansi: &InstansiId,
    tahun: Tahun,
) -> Result<(), XlsxError> {
    ws.set_name(LEMBAR_RENSTRA)?;
    // The Renstra whose period holds the year, else the instansi's first.
    let rs = data
        .renstra
        .iter()
        .filter(|r| &r.instansi == instansi)
        .find(|r| r.tahun_awal <= tahun && tahun <= r.tahun_akhir)
        .or_else(|| data.renstra.iter().find(|r| &r.instansi == instansi));
    let tahun_rs: Vec<Tahun> = match rs {
        Some(r) => (r.tahun_awal.get()..=r.tahun_akhir.get())
            .filter_map(|t| Tahun::new(t.into()).ok())
            .collect(),
        None => vec![tahun],
    };
    let lebar = [12.0, 40.0, 12.0, 50.0, 12.0, 11.0, 13.0];
    let mut kolom: Vec<(String, f64)> = KEPALA_RENSTRA
        .iter()
        .zip(lebar)
        .map(|(k, l)| (k.to_string(), l))
        .collect();
    kolom.extend(
        tahun_rs
            .iter()
            .map(|t| (format!("{AWALAN_TARGET}{t}"), 13.0)),
    );
    let judul = match rs {
        Some(r) => format!(
            "Renstra {}-{}: indikator dan target per tahun",
            r.tahun_awal, r.tahun_akhir
        ),
        None => "Renstra: indikator dan target".into(),
    };
    kepala(ws, g, &judul, &kolom)?;
    let mut r = BARIS_KEPALA;
    for ind in &data.indikator {
        r += 1;
        let (id_p, nama_p) = pemilik(data, &ind.pemilik);
        ws.write_string_with_format(r, 0, id_p, &g.kunci)?;
        ws.write_string_with_format(r, 1, nama_p, &g.kunci)?;
        ws.write_string_with_format(r, 2, ind.id.as_str(), &g.kunci)?;
        ws.write_string_with_format(r, 3, &ind.uraian, &g.isian)?;
        match &ind.satuan {
            Some(s) => ws.write_string_with_format(r, 4, s, &g.isian)?,
            None => ws.write_blank(r, 4, &g.isian)?,
        };
        let p = match ind.polaritas {
            Polaritas::Positif => "positif",
            Polaritas::Negatif => "negatif",
            Polaritas::Rentang => "rentang",
        };
        ws.write_string_with_format(r, 5, p, &g.isian)?;
        tulis_nilai(ws, r, 6, ind.kondisi_awal.as_ref(), &g.isian)?;
        for (i, t) in tahun_rs.iter().enumerate() {
            let n = target(data, &ind.id, *t, DokumenTarget::Renstra);
            tulis_nilai(ws, r, 7 + i as u16, n, &g.isian)?;
        }
    }
    let mut terbuka = vec![(0, &g.isian)];
    terbuka.extend((3..7 + tahun_rs.len() as u16).map(|c| (c, &g.isian)));
    let akhir = baris_baru(ws, r, &terbuka)?;
    let baris = (BARIS_KEPALA + 1, akhir);
    let mut satuan: Vec<&str> = data
        .indikator
        .iter()
        .filter_map(|i| i.satuan.as_deref())
        .collect();
    satuan.sort();
    satuan.dedup();
    daftar(ws, baris, 4, &satuan, false)?;
    daftar(ws, baris, 5, &["positif", "negatif", "rentang"], true)?;
    ws.set_freeze_panes(BARIS_KEPALA + 1, 4)?;
    kunci(ws);
    Ok(())
}

fn pk(
    ws: &mut Worksheet,
    g: &Gaya,
    data: &DataInstansi,
    instansi: &InstansiId,
    tahun: Tahun,
) -> Result<(), XlsxError> {
    ws.set_name(LEMBAR_PK)?;
    let dok = data
        .perjanjian_kinerja
        .iter()
        .find(|p| &p.instansi == instansi && p.tahun == tahun);
    let lebar = [12.0, 60.0, 12.0, 16.0];
    let kolom: Vec<(String, f64)> = KEPALA_PK
        .iter()
        .zip(lebar)
        .map(|(k, l)| (k.to_string(), l))
        .collect();
    kepala(ws, g, &format!("Perjanjian Kinerja tahun {tahun}"), &kolom)?;
    if let Some(p) = dok {
        let (r, c) = SEL_TANGGAL_PK;
        ws.write_string(r, 0, "Tanggal penandatanganan")?;
        match p.tanggal.and_then(|t| {
            ExcelDateTime::from_ymd(t.tahun.get(), t.bulan, t.hari.unwrap_or(1))
                .ok()
                .map(|x| (t, x))
        }) {
            // A date without its day ("Januari 2021") stays text: a date cell would add a day.
            Some((t, _)) if t.hari.is_none() => {
                ws.write_string_with_format(r, c, t.to_string(), &g.isian)?
            }
            Some((_, x)) => ws.write_datetime_with_format(r, c, &x, &g.isian_tanggal)?,
            None => ws.write_blank(r, c, &g.isian_tanggal)?,
        };
    }
    let indikator: Vec<&Indikator> = match dok {
        Some(p) => p
            .indikator
            .iter()
            .filter_map(|i| data.indikator.iter().find(|x| &x.id == i))
            .collect(),
        None => data
            .indikator
            .iter()
            .filter(|i| matches!(i.pemilik, Pemilik::Sasaran(_)))
            .collect(),
    };
    let mut r = BARIS_KEPALA;
    for ind in indikator {
        r += 1;
        kunci_indikator(ws, g, r, ind)?;
        let n = target(data, &ind.id, tahun, DokumenTarget::PerjanjianKinerja);
        tulis_nilai(ws, r, 3, n, &g.isian)?;
    }
    ws.set_freeze_panes(BARIS_KEPALA + 1, 2)?;
    kunci(ws);
    Ok(())
}

/// Id, uraian and satuan of an indicator, locked: the first columns of PK and Realisasi.
fn kunci_indikator(ws: &mut Worksheet, g: &Gaya, r: u32, ind: &Indikator) -> Result<(), XlsxError> {
    ws.write_string_with_format(r, 0, ind.id.as_str(), &g.kunci)?;
    ws.write_string_with_format(r, 1, &ind.uraian, &g.kunci)?;
    ws.write_string_with_format(r, 2, ind.satuan.as_deref().unwrap_or(""), &g.kunci)?;
    Ok(())
}

fn realisasi(
    ws: &mut Worksheet,
    g: &Gaya,
    data: &DataInstansi,
    tahun: Tahun,
) -> Result<(), XlsxError> {
    ws.set_name(LEMBAR_REALISASI)?;
    let lebar = [12.0, 60.0, 12.0, 14.0];
    let mut kolom: Vec<(String, f64)> = KEPALA_REALISASI
        .iter()
        .zip(lebar)
        .map(|(k, l)| (k.to_string(), l))
        .collect();
    kolom.extend(KEPALA_TRIWULAN.iter().map(|(k, _)| (k.to_string(), 13.0)));
    kepala(ws, g, &format!("Realisasi indikator tahun {tahun}"), &kolom)?;
    let mut r = BARIS_KEPALA;
    for ind in &data.indikator {
        r += 1;
        kunci_indikator(ws, g, r, ind)?;
        // The target the year is measured against, for the operator's eye.
        let t = [
            DokumenTarget::Pengukuran,
            DokumenTarget::PerjanjianKinerja,
            DokumenTarget::Rkt,
            DokumenTarget::Renstra,
        ]
        .into_iter()
        .find_map(|d| target(data, &ind.id, tahun, d));
        ws.write_string_with_format(r, 3, t.map(Nilai::teks).unwrap_or(""), &g.kunci)?;
        for (i, (_, p)) in KEPALA_TRIWULAN.iter().enumerate() {
            let n = data
                .realisasi
                .iter()
                .find(|x| x.indikator == ind.id && x.tahun == tahun && x.periode == *p)
                .map(|x| &x.nilai);
            tulis_nilai(ws, r, 4 + i as u16, n, &g.isian)?;
        }
    }
    ws.set_freeze_panes(BARIS_KEPALA + 1, 2)?;
    kunci(ws);
    Ok(())
}

/// Code, program, kegiatan and sub kegiatan of a budget line's place. `sub` indexes the sub
/// kegiatan (a kegiatan may have thousands: a search per line would be quadratic).
fn tempat(
    data: &DataInstansi,
    sub: &HashMap<&SubKegiatanId, &SubKegiatan>,
    t: &TempatAnggaran,
) -> [String; 4] {
    let (kode, kegiatan, sub) = match t {
        TempatAnggaran::Instansi => {
            return [
                String::new(),
                String::new(),
                "(tanpa kegiatan)".into(),
                String::new(),
            ];
        }
        TempatAnggaran::Kegiatan(k) => {
            (data.kegiatan(k).and_then(|k| k.kode.clone()), Some(k), None)
        }
        TempatAnggaran::SubKegiatan(s) => {
            let s = sub.get(s).copied();
            (s.and_then(|s| s.kode.clone()), s.map(|s| &s.kegiatan), s)
        }
    };
    let keg = kegiatan.and_then(|k| data.kegiatan(k));
    let prog = keg.and_then(|k| data.program(&k.program));
    [
        kode.unwrap_or_default(),
        prog.map(|p| p.nama.clone()).unwrap_or_default(),
        keg.map(|k| k.nama.clone()).unwrap_or_default(),
        sub.map(|s| s.nama.clone()).unwrap_or_default(),
    ]
}

fn anggaran(
    ws: &mut Worksheet,
    g: &Gaya,
    data: &DataInstansi,
    tahun: Tahun,
) -> Result<(), XlsxError> {
    ws.set_name(LEMBAR_ANGGARAN)?;
    let lebar = [12.0, 18.0, 30.0, 30.0, 30.0, 22.0, 17.0, 17.0];
    let mut kolom: Vec<(String, f64)> = KEPALA_ANGGARAN
        .iter()
        .zip(lebar)
        .map(|(k, l)| (k.to_string(), l))
        .collect();
    kolom.extend(Bulan::SEMUA.iter().map(|b| (b.label().to_string(), 15.0)));
    kolom.push((KEPALA_SETAHUN.to_string(), 17.0));
    kolom.push((KEPALA_JUMLAH.to_string(), 17.0));
    kepala(
        ws,
        g,
        &format!("Anggaran tahun {tahun}: pagu dan realisasi per pos"),
        &kolom,
    )?;
    let pos: Vec<&PosAnggaran> = data.anggaran.iter().filter(|p| p.tahun == tahun).collect();
    let sub: HashMap<&SubKegiatanId, &SubKegiatan> =
        data.sub_kegiatan.iter().map(|s| (&s.id, s)).collect();
    let bulan0 = KEPALA_ANGGARAN.len() as u16;
    let setahun = bulan0 + 12;
    let mut r = BARIS_KEPALA;
    for p in &pos {
        r += 1;
        ws.write_string_with_format(r, 0, p.id.as_str(), &g.kunci)?;
        for (i, t) in tempat(data, &sub, &p.tempat).iter().enumerate() {
            ws.write_string_with_format(r, 1 + i as u16, t, &g.kunci)?;
        }
        ws.write_string_with_format(r, 5, p.jenis.label(), &g.isian)?;
        tulis_rupiah(ws, r, 6, Some(p.pagu), &g.isian_rupiah)?;
        tulis_rupiah(ws, r, 7, p.pagu_perubahan, &g.isian_rupiah)?;
        for (i, b) in Bulan::SEMUA.iter().enumerate() {
            tulis_rupiah(
                ws,
                r,
                bulan0 + i as u16,
                p.realisasi_bulanan.get(b).copied(),
                &g.isian_rupiah,
            )?;
        }
        let tahunan = p.realisasi.filter(|_| p.realisasi_bulanan.is_empty());
        tulis_rupiah(ws, r, setahun, tahunan, &g.isian_rupiah)?;
        // The sum with its result cached: readers that do not recalculate show it too.
        let rentang = format!(
            "{}:{}",
            crate::sel::rujukan(r, bulan0.into()),
            crate::sel::rujukan(r, setahun.into())
        );
        let hasil = p
            .realisasi_tahun()
            .map(|x| x.nilai().normalize().to_string())
            .unwrap_or_else(|| "0".into());
        ws.write_formula_with_format(
            r,
            setahun + 1,
            Formula::new(format!("=SUM({rentang})")).set_result(hasil),
            &g.kunci_rupiah,
        )?;
    }
    let mut terbuka = vec![(1, &g.isian), (4, &g.isian), (5, &g.isian)];
    terbuka.extend((6..=setahun).map(|c| (c, &g.isian_rupiah)));
    let akhir = baris_baru(ws, r, &terbuka)?;
    // A year without lines takes new ones in the structure of Permendagri 90/2019.
    let struktur = pos
        .first()
        .map_or(StrukturBelanja::Permendagri90, |p| p.jenis.struktur());
    daftar(
        ws,
        (BARIS_KEPALA + 1, akhir),
        5,
        &label_jenis(struktur),
        true,
    )?;
    ws.set_freeze_panes(BARIS_KEPALA + 1, 2)?;
    kunci(ws);
    Ok(())
}
