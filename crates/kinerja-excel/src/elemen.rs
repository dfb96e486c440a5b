//! The `Data Elemen` sheet: the raw counts formula indicators are computed from
//! (`model::NilaiData`), one row per data element, a column per triwulan and the year, for the
//! workbook's instansi and year. Written only when the data defines data elements; read, and
//! put onto the data set, like the realisasi sheet (an empty cell removes the value).

use crate::baca::{Buku, KEPALA_TRIWULAN, Letak};
use crate::lembar::{Lembar, normal};
use crate::{LEMBAR_DATA_ELEMEN, Masalah, sel};
use calamine::Data;
use kinerja_core::id::{DataElemenId, InstansiId};
use kinerja_core::model::{DataInstansi, NilaiData};
use kinerja_core::nilai::Bentuk;
use kinerja_core::waktu::{Periode, Tahun};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(crate) const KEPALA_DATA_ELEMEN: [&str; 3] = ["Id Data Elemen", "Data Elemen", "Satuan"];

/// One row of the sheet: an element's value per period (a column absent: `None` there).
#[derive(Debug, Clone)]
pub struct BarisDataElemen {
    pub elemen: DataElemenId,
    pub letak: Letak,
    pub nilai: Vec<(Periode, Option<Decimal>, Letak)>,
}

const HARAP: &str = "diharapkan angka (jumlah, mis. 7 atau 1.250), tanpa label";

/// A count: a plain number, typed or as Indonesian text. Empty is `None`.
fn angka(d: &Data) -> Result<Option<Decimal>, String> {
    let Some(n) = sel::nilai(d)? else {
        return Ok(None);
    };
    match n.bentuk() {
        Bentuk::Angka {
            nilai,
            label: None,
            operator: None,
            ..
        } => Ok(Some(*nilai)),
        _ => Err(HARAP.into()),
    }
}

pub(crate) fn baca(mut l: Lembar, buku: &mut Buku, masalah: &mut Vec<Masalah>) {
    let dikenal = |n: &str| {
        KEPALA_DATA_ELEMEN.iter().any(|k| normal(k) == n)
            || KEPALA_TRIWULAN.iter().any(|(k, _)| normal(k) == n)
    };
    let Some(k) = l.cari_kepala("Id Data Elemen", &dikenal, &mut buku.peringatan, masalah) else {
        return;
    };
    let id = |s: String| DataElemenId::new(s).map_err(|e| e.to_string());
    for (r, elemen, letak) in l.baris(k, "Id Data Elemen", id, masalah) {
        let nilai = KEPALA_TRIWULAN
            .iter()
            .filter_map(|(j, p)| l.medan(r, j, angka, masalah).map(|(n, lt)| (*p, n, lt)))
            .collect();
        buku.data_elemen.push(BarisDataElemen {
            elemen,
            letak,
            nilai,
        });
    }
}

/// The rows onto `d`: a value equal to the stored one (as a number: `7` and `7,0`) is no change.
pub(crate) fn terapkan(
    d: &mut DataInstansi,
    buku: &Buku,
    instansi: &InstansiId,
    tahun: Tahun,
    masalah: &mut Vec<Masalah>,
) {
    for b in &buku.data_elemen {
        if !d.data_elemen.iter().any(|e| e.id == b.elemen) {
            masalah.push(b.letak.masalah(
                Some(b.elemen.to_string()),
                "data elemen ini tidak ada dalam data instansi: jangan ubah kolom Id; unduh templat terbaru",
            ));
            continue;
        }
        for (periode, baru, _) in &b.nilai {
            let i = d.nilai_data.iter().position(|x| {
                x.elemen == b.elemen
                    && &x.instansi == instansi
                    && x.tahun == tahun
                    && x.periode == *periode
            });
            match (i, baru) {
                (Some(i), None) => {
                    d.nilai_data.remove(i);
                }
                (Some(i), Some(v)) if d.nilai_data[i].nilai != *v => d.nilai_data[i].nilai = *v,
                (Some(_), Some(_)) | (None, None) => {}
                (None, Some(v)) => d.nilai_data.push(NilaiData {
                    elemen: b.elemen.clone(),
                    instansi: instansi.clone(),
                    tahun,
                    periode: *periode,
                    nilai: *v,
                    sumber: None,
                    catatan: None,
                }),
            }
        }
    }
}

/// Whether the workbook of `data` has the sheet.
pub(crate) fn ada(data: &DataInstansi) -> bool {
    !data.data_elemen.is_empty()
}

pub(crate) fn tulis(
    ws: &mut Worksheet,
    g: &crate::tulis::Gaya,
    data: &DataInstansi,
    instansi: &InstansiId,
    tahun: Tahun,
) -> Result<(), XlsxError> {
    ws.set_name(LEMBAR_DATA_ELEMEN)?;
    let mut kolom: Vec<(String, f64)> = KEPALA_DATA_ELEMEN
        .iter()
        .zip([18.0, 60.0, 12.0])
        .map(|(k, l)| (k.to_string(), l))
        .collect();
    kolom.extend(KEPALA_TRIWULAN.iter().map(|(k, _)| (k.to_string(), 13.0)));
    crate::tulis::kepala(
        ws,
        g,
        &format!("Data elemen tahun {tahun} (angka mentah untuk indikator berumus)"),
        &kolom,
    )?;
    let mut r = crate::BARIS_KEPALA;
    for e in &data.data_elemen {
        r += 1;
        ws.write_string_with_format(r, 0, e.id.as_str(), &g.kunci)?;
        ws.write_string_with_format(r, 1, &e.uraian, &g.kunci)?;
        ws.write_string_with_format(r, 2, e.satuan.as_deref().unwrap_or(""), &g.kunci)?;
        for (i, (_, p)) in KEPALA_TRIWULAN.iter().enumerate() {
            let c = 3 + i as u16;
            let v = data.nilai_data.iter().find(|x| {
                x.elemen == e.id && &x.instansi == instansi && x.tahun == tahun && x.periode == *p
            });
            match v.map(|x| (x.nilai, crate::tulis::pas(x.nilai))) {
                Some((_, Some(f))) => ws.write_number_with_format(r, c, f, &g.isian)?,
                Some((x, None)) => ws.write_string_with_format(
                    r,
                    c,
                    kinerja_core::angka::format_angka(x, x.scale()),
                    &g.isian,
                )?,
                None => ws.write_blank(r, c, &g.isian)?,
            };
        }
    }
    ws.set_freeze_panes(crate::BARIS_KEPALA + 1, 2)?;
    crate::tulis::kunci(ws);
    Ok(())
}
