//! The `Responden SKM` sheet: one row per respondent of the year's Survei Kepuasan Masyarakat,
//! one column per unsur of PermenPANRB 14/2017 (answers 1-4 or the annex's labels), read by the
//! same respondent reader as `kinerja skm` (`kinerja_skm::baca_responden_lembar`), so a column
//! header may also be the question's wording and a cell the question's own label.
//!
//! The data keeps a survey's answer counts per unsur, not its respondents; so the sheet is
//! written empty (with how many respondents the stored survey has), and a filled sheet
//! *replaces* the survey's counts: it must hold every respondent of the period. Decisions:
//! - An empty sheet changes nothing (an unfilled template is no change).
//! - The survey is the one named above the table (`Id Survei`, pre-filled with the year's
//!   survey, else `skm-{tahun}`); a new id makes a new survey of the 2017 regime. A stored survey
//!   of another instansi, year or regime is refused, not overwritten.
//! - Profile columns (jenis kelamin, usia...) are not kept by the data: they are read, and a
//!   warning says they were not stored.

use crate::baca::{Buku, Letak};
use crate::lembar::{Lembar, masalah_buku};
use crate::tulis::{Gaya, kepala, kunci};
use crate::{BARIS_KEPALA, LEMBAR_RESPONDEN_SKM, Masalah, sel};
use kinerja_core::id::{IndikatorId, InstansiId, SurveiId};
use kinerja_core::model::{DataInstansi, SurveiSkm, UnsurSkm};
use kinerja_core::skm::{Opsi, Regime, hitung_tabulasi};
use kinerja_core::waktu::Tahun;
use rust_xlsxwriter::{DataValidation, Worksheet, XlsxError};

/// The cells (0-based row, column) of the survey's id and its indicator, above the table.
const SEL_SURVEI: (u32, u16) = (1, 1);
const SEL_INDIKATOR: (u32, u16) = (2, 1);
/// Open rows for respondents.
const BARIS_ISIAN: u32 = 1000;

/// The sheet read: the survey it fills and the counts its respondents give.
#[derive(Debug, Clone)]
pub struct LembarResponden {
    pub survei: SurveiId,
    pub letak_survei: Letak,
    pub indikator: Option<IndikatorId>,
    pub letak_indikator: Letak,
    pub responden: u64,
    pub unsur: Vec<UnsurSkm>,
    pub regime: String,
}

/// The year's survey of `instansi` of the 2017 regime: the one the sheet pre-fills.
fn survei_tahun<'a>(
    d: &'a DataInstansi,
    instansi: &InstansiId,
    tahun: Tahun,
) -> Option<&'a SurveiSkm> {
    let regime = Regime::permenpanrb_14_2017().pengenal;
    d.skm
        .iter()
        .find(|s| &s.instansi == instansi && s.tahun == tahun && s.regime == regime)
}

pub(crate) fn tulis(
    ws: &mut Worksheet,
    g: &Gaya,
    data: &DataInstansi,
    instansi: &InstansiId,
    tahun: Tahun,
) -> Result<(), XlsxError> {
    ws.set_name(LEMBAR_RESPONDEN_SKM)?;
    let regime = Regime::permenpanrb_14_2017();
    let kolom: Vec<(String, f64)> = regime
        .unsur_baku
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("U{}. {n}", i + 1), 16.0))
        .collect();
    let ada = survei_tahun(data, instansi, tahun);
    let judul = match ada.and_then(|s| s.responden) {
        Some(n) => format!(
            "SKM {tahun}: jawaban per responden (1-4). Data sekarang: {n} responden; lembar yang diisi MENGGANTI seluruh jawaban survei ini, jadi isi semua responden periode ini"
        ),
        None => format!(
            "SKM {tahun}: jawaban per responden (1 = tidak baik ... 4 = sangat baik); isi semua responden periode ini"
        ),
    };
    kepala(ws, g, &judul, &kolom)?;
    ws.write_string(SEL_SURVEI.0, 0, "Id Survei")?;
    // A year whose survey is of another regime (the 14 unsur of 2004) gets a new id.
    let id = ada.map_or_else(
        || {
            let awal = format!("skm-{tahun}");
            match data.skm.iter().any(|s| s.id.as_str() == awal) {
                false => awal,
                true => kinerja_core::id::id_bebas(&format!("{awal}-"), |c| {
                    data.skm.iter().any(|s| s.id.as_str() == c)
                }),
            }
        },
        |s| s.id.to_string(),
    );
    ws.write_string_with_format(SEL_SURVEI.0, SEL_SURVEI.1, &id, &g.isian)?;
    ws.write_string(SEL_INDIKATOR.0, 0, "Id Indikator")?;
    match ada.and_then(|s| s.indikator.as_ref()) {
        Some(i) => {
            ws.write_string_with_format(SEL_INDIKATOR.0, SEL_INDIKATOR.1, i.as_str(), &g.isian)?
        }
        None => ws.write_blank(SEL_INDIKATOR.0, SEL_INDIKATOR.1, &g.isian)?,
    };
    let (awal, akhir) = (BARIS_KEPALA + 1, BARIS_KEPALA + BARIS_ISIAN);
    for r in awal..=akhir {
        for c in 0..regime.jumlah_unsur() as u16 {
            ws.write_blank(r, c, &g.isian)?;
        }
    }
    let v = DataValidation::new()
        .allow_whole_number(rust_xlsxwriter::DataValidationRule::Between(1, 4))
        .set_error_style(rust_xlsxwriter::DataValidationErrorStyle::Warning)
        .set_input_title("Jawaban 1-4")?
        .set_input_message(
            "1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik (label kuesioner juga dibaca)",
        )?;
    ws.add_data_validation(awal, 0, akhir, regime.jumlah_unsur() as u16 - 1, &v)?;
    ws.set_freeze_panes(BARIS_KEPALA + 1, 0)?;
    kunci(ws);
    Ok(())
}

pub(crate) fn baca(l: Lembar, buku: &mut Buku, masalah: &mut Vec<Masalah>) {
    let letak = |(r, c): (u32, u16), kepala: &str| Letak {
        lembar: l.nama.clone(),
        baris: r,
        kolom: c.into(),
        kepala: kepala.into(),
    };
    let range = l.range();
    let Some(akhir) = range.end() else {
        return;
    };
    // Rows under the header with anything in them: none, no survey to change.
    let ada_isi =
        (BARIS_KEPALA + 1..=akhir.0).any(|r| (0..=akhir.1).any(|c| !sel::kosong(l.sel(r, c))));
    if !ada_isi {
        return;
    }
    let ls = letak(SEL_SURVEI, "Id Survei");
    let d = l.sel(SEL_SURVEI.0, SEL_SURVEI.1.into());
    let survei = match SurveiId::new(sel::teks(d).trim()) {
        Ok(s) => Some(s),
        Err(e) => {
            masalah.push(ls.masalah(
                Some(sel::teks(d)),
                format!("{e}; isi id survei (mis. skm-2024)"),
            ));
            None
        }
    };
    let li = letak(SEL_INDIKATOR, "Id Indikator");
    let d = l.sel(SEL_INDIKATOR.0, SEL_INDIKATOR.1.into());
    let teks = sel::teks(d).trim().to_string();
    let indikator = match teks.as_str() {
        "" => None,
        t => match IndikatorId::new(t) {
            Ok(i) => Some(i),
            Err(e) => {
                masalah.push(li.masalah(Some(teks.clone()), e.to_string()));
                None
            }
        },
    };
    let tabel = range.range((BARIS_KEPALA, 0), akhir);
    let opsi = kinerja_skm::OpsiBaca {
        regime: Some(Regime::permenpanrb_14_2017()),
        ..Default::default()
    };
    let bacaan = match kinerja_skm::baca_responden_lembar(LEMBAR_RESPONDEN_SKM, &tabel, &opsi) {
        Ok(b) => b,
        Err(e) => {
            masalah.extend(masalah_skm(&l, e));
            return;
        }
    };
    let hasil = match hitung_tabulasi(&bacaan.kuesioner, &bacaan.tabulasi, &Opsi::default()) {
        Ok(h) => h,
        Err(e) => {
            masalah.push(masalah_buku(&format!("{LEMBAR_RESPONDEN_SKM}: {e}")));
            return;
        }
    };
    for k in &bacaan.kolom_diabaikan {
        buku.peringatan.push(Masalah {
            lembar: l.nama.to_string(),
            sel: None,
            kolom: Some(k.clone()),
            nilai: None,
            pesan: "kolom tidak dikenal, isinya diabaikan".into(),
        });
    }
    for r in &bacaan.tabulasi.rincian {
        buku.peringatan.push(Masalah {
            lembar: l.nama.to_string(),
            sel: None,
            kolom: Some(r.kolom.clone()),
            nilai: None,
            pesan: "kolom profil responden dibaca tetapi tidak disimpan: data menyimpan jumlah jawaban per unsur".into(),
        });
    }
    let unsur = match UnsurSkm::dari_hasil(&hasil) {
        Ok(u) => u,
        Err(e) => {
            masalah.push(masalah_buku(&e));
            return;
        }
    };
    if let Some(survei) = survei {
        buku.responden_skm = Some(LembarResponden {
            survei,
            letak_survei: ls,
            indikator,
            letak_indikator: li,
            responden: bacaan.tabulasi.total.responden(),
            unsur,
            regime: hasil.regime.pengenal.clone(),
        });
    }
}

/// The respondent reader's problems, each at its cell of this sheet.
fn masalah_skm(l: &Lembar, e: kinerja_skm::GalatBaca) -> Vec<Masalah> {
    match e {
        kinerja_skm::GalatBaca::BarisBuruk { baris, .. } => baris
            .iter()
            .flat_map(|b| {
                b.masalah.iter().map(move |m| Masalah {
                    lembar: l.nama.to_string(),
                    sel: m.huruf.as_ref().map(|h| format!("{h}{}", b.baris)),
                    kolom: m.nama_kolom.clone(),
                    nilai: Some(m.nilai.clone()),
                    pesan: m.pesan.clone(),
                })
            })
            .collect(),
        lain => vec![Masalah {
            lembar: l.nama.to_string(),
            sel: None,
            kolom: None,
            nilai: None,
            pesan: lain.to_string(),
        }],
    }
}

/// The survey with the sheet's counts: the named one replaced, or a new one.
pub(crate) fn terapkan(
    d: &mut DataInstansi,
    buku: &Buku,
    instansi: &InstansiId,
    tahun: Tahun,
    masalah: &mut Vec<Masalah>,
) {
    let Some(r) = &buku.responden_skm else {
        return;
    };
    match d.skm.iter_mut().find(|s| s.id == r.survei) {
        Some(s) if &s.instansi != instansi || s.tahun != tahun => masalah.push(r.letak_survei.masalah(
            Some(r.survei.to_string()),
            format!(
                "survei ini milik {} tahun {}, bukan lembar kerja ini: pakai id survei lain",
                s.instansi, s.tahun
            ),
        )),
        Some(s) if s.regime != r.regime => masalah.push(r.letak_survei.masalah(
            Some(r.survei.to_string()),
            format!(
                "survei ini memakai regime {}; lembar ini mengisi 9 unsur PermenPANRB 14/2017: pakai id survei lain",
                s.regime
            ),
        )),
        Some(s) => {
            // Counts replace counts; the stored names of the unsur stay (an instansi may name
            // them itself).
            let responden = u32::try_from(r.responden).ok();
            if s.unsur.len() == r.unsur.len() {
                for (lama, baru) in s.unsur.iter_mut().zip(&r.unsur) {
                    lama.jumlah = baru.jumlah;
                    lama.distribusi = baru.distribusi;
                }
            } else {
                s.unsur = r.unsur.clone();
            }
            s.responden = responden;
            if r.indikator.is_some() && s.indikator != r.indikator {
                s.indikator = r.indikator.clone();
            }
        }
        None => d.skm.push(SurveiSkm {
            id: r.survei.clone(),
            instansi: instansi.clone(),
            tahun,
            regime: r.regime.clone(),
            indikator: r.indikator.clone(),
            responden: u32::try_from(r.responden).ok(),
            populasi: None,
            unsur: r.unsur.clone(),
            catatan: Some(format!("dari lembar {LEMBAR_RESPONDEN_SKM}")),
        }),
    }
    let Some(i) = &r.indikator else {
        return;
    };
    if !d.indikator.iter().any(|x| &x.id == i) {
        masalah.push(r.letak_indikator.masalah(
            Some(i.to_string()),
            "indikator ini tidak ada dalam data instansi",
        ));
    }
    // One survey is an indicator's realisasi in a year; another one already being it is not
    // detached in silence.
    if let Some(lain) = d
        .skm
        .iter()
        .find(|s| s.id != r.survei && s.tahun == tahun && s.indikator.as_ref() == Some(i))
    {
        masalah.push(r.letak_indikator.masalah(
            Some(i.to_string()),
            format!(
                "realisasi indikator ini tahun {tahun} sudah dari survei \"{}\": kosongkan Id Indikator, atau isi Id Survei dengan survei itu",
                lain.id
            ),
        ));
    }
}
