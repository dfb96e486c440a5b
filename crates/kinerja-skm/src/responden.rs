//! Respondent files: one row per respondent, one column per unsur, optional profile columns.
//!
//! CSV: `,`, `;` or tab separated (recognised from the header line), UTF-8 with or without a
//! byte-order mark. XLSX/XLS/ODS: the first sheet, its first row the header. Answers are codes
//! `1`-`4` or labels (see [`Jawaban::parse`]). Every answer must be given: an empty answer makes
//! the row bad. Rows whose cells are all empty are not rows (spreadsheets leave them).
//!
//! Rows are streamed into a [`TabulasiSurvei`]: nothing per respondent is kept.

use std::path::Path;

use calamine::{Data, Reader};
use kinerja_core::skm::{GalatJawaban, Jawaban, Kuesioner, Regime, TabulasiSurvei};
use serde::Serialize;

pub use crate::csv_berkas::baca_responden_csv;
use crate::kepala::{AsalKolom, Peta, petakan_otomatis};
use crate::label::{Kamus, LabelUnsur, NilaiTerbaca};
use crate::{AsalRegime, BarisBuruk, GalatBaca, MasalahSel, OpsiBaca, huruf_kolom};

/// The column an unsur was read from, how it was recognised, and the values it held with the
/// answer each was read as: what `kinerja skm` prints for the user to check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KolomUnsur {
    pub kode: String,
    /// 1-based column number and its letter, as a spreadsheet shows them.
    pub kolom: usize,
    pub huruf: String,
    pub kepala: String,
    pub asal: AsalKolom,
    /// The distinct values read (at most 64), by answer.
    pub nilai: Vec<NilaiTerbaca>,
}

/// A respondent file read and tallied.
#[derive(Debug, Clone)]
pub struct BacaanResponden {
    pub berkas: String,
    pub kuesioner: Kuesioner,
    pub asal_regime: AsalRegime,
    pub tabulasi: TabulasiSurvei,
    /// Rows skipped (only when skipping was asked for; otherwise they are an error).
    pub dilewati: Vec<BarisBuruk>,
    /// Header cells that are neither an unsur nor a recognised profile column.
    pub kolom_diabaikan: Vec<String>,
    /// Per unsur, its column and how its values were read.
    pub pemetaan: Vec<KolomUnsur>,
}

/// A respondent file's header understood, and (spreadsheets) its rows as they are tallied.
pub(crate) struct Pengumpul {
    berkas: String,
    pub kepala: Vec<String>,
    pub peta: Peta,
    pub regime: Regime,
    asal_regime: AsalRegime,
    pub tabulasi: TabulasiSurvei,
    pub buruk: Vec<BarisBuruk>,
    /// The values each unsur column held (spreadsheets; a CSV reader hands its own over).
    pub kamus: Kamus,
    jawaban: Vec<Jawaban>,
    /// Where the used range of a spreadsheet starts: column numbers are offset by it.
    geser_kolom: usize,
}

impl Pengumpul {
    pub fn new(berkas: &str, kepala: Vec<String>, opsi: &OpsiBaca) -> Result<Pengumpul, GalatBaca> {
        let (peta, regime, asal_regime) =
            petakan_otomatis(&kepala, opsi.regime.as_ref(), opsi.peta.as_ref()).map_err(
                |pesan| GalatBaca::Format {
                    berkas: berkas.to_string(),
                    pesan,
                },
            )?;
        let tabulasi = tabulasi_kosong(&peta, &regime);
        let n = regime.jumlah_unsur();
        Ok(Pengumpul {
            berkas: berkas.to_string(),
            jawaban: Vec::with_capacity(regime.jumlah_unsur()),
            kepala,
            peta,
            regime,
            asal_regime,
            tabulasi,
            buruk: Vec::new(),
            kamus: Kamus::new(n),
            geser_kolom: 0,
        })
    }

    /// The labels of unsur `u`.
    pub fn label(&self, u: usize) -> &LabelUnsur {
        &self.peta.label[u]
    }

    /// The message of an answer that is not one of unsur `u`'s.
    pub fn pesan_jawaban(&self, u: usize, e: &GalatJawaban) -> String {
        match e {
            GalatJawaban::Kosong => e.to_string(),
            GalatJawaban::TidakDikenal(t) => format!(
                "jawaban '{t}' tidak dikenal untuk U{} ({}): harus 1-4, Tidak Baik / Kurang Baik / Baik / Sangat Baik, atau {}",
                u + 1,
                self.regime.unsur_baku.get(u).map_or("", String::as_str),
                self.label(u).daftar()
            ),
        }
    }

    /// An empty tally with this file's unsur and profile columns.
    pub fn tabulasi_kosong(&self) -> TabulasiSurvei {
        tabulasi_kosong(&self.peta, &self.regime)
    }

    pub fn masalah(&self, kolom: usize, nilai: String, pesan: String) -> MasalahSel {
        MasalahSel {
            kolom: Some(kolom + 1),
            huruf: Some(huruf_kolom(kolom)),
            nama_kolom: self
                .kepala
                .get(kolom)
                .map(|h| h.trim_start_matches('\u{feff}').to_string()),
            nilai,
            pesan,
        }
    }

    /// Ends a row: tallies it when it has no problem.
    fn selesai(
        &mut self,
        baris: u64,
        masalah: Vec<MasalahSel>,
        profil: &[&str],
    ) -> Result<(), GalatBaca> {
        if !masalah.is_empty() {
            self.buruk.push(BarisBuruk { baris, masalah });
            return Ok(());
        }
        self.tabulasi
            .catat(&self.jawaban, profil)
            .map_err(|sumber| GalatBaca::Skm {
                berkas: self.berkas.clone(),
                sumber,
            })
    }

    pub fn hasil(self, opsi: &OpsiBaca) -> Result<BacaanResponden, GalatBaca> {
        if !self.buruk.is_empty() && !opsi.lewati_baris_buruk {
            return Err(GalatBaca::BarisBuruk {
                berkas: self.berkas,
                baris: self.buruk,
            });
        }
        if self.tabulasi.total.responden() == 0 {
            return Err(GalatBaca::Format {
                berkas: self.berkas,
                pesan: "tidak ada baris jawaban yang sah".into(),
            });
        }
        let nama = self
            .peta
            .nama_sendiri
            .iter()
            .zip(&self.regime.unsur_baku)
            .map(|(s, b)| s.clone().unwrap_or_else(|| b.clone()))
            .collect();
        let pemetaan = self
            .peta
            .unsur_kolom
            .iter()
            .zip(&self.peta.asal)
            .enumerate()
            .map(|(u, (&k, asal))| KolomUnsur {
                kode: format!("U{}", u + 1),
                kolom: self.geser_kolom + k + 1,
                huruf: huruf_kolom(self.geser_kolom + k),
                kepala: self
                    .kepala
                    .get(k)
                    .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
                    .unwrap_or_default(),
                asal: asal.clone(),
                nilai: self.kamus.terbaca(u),
            })
            .collect();
        let kuesioner =
            Kuesioner::dengan_nama(self.regime, nama).map_err(|sumber| GalatBaca::Skm {
                berkas: self.berkas.clone(),
                sumber,
            })?;
        Ok(BacaanResponden {
            berkas: self.berkas,
            kuesioner,
            asal_regime: self.asal_regime,
            tabulasi: self.tabulasi,
            dilewati: self.buruk,
            kolom_diabaikan: self.peta.diabaikan,
            pemetaan,
        })
    }
}

fn tabulasi_kosong(peta: &Peta, regime: &Regime) -> TabulasiSurvei {
    TabulasiSurvei::new(
        regime.jumlah_unsur(),
        peta.profil
            .iter()
            .map(|(_, h, j)| (h.clone(), *j))
            .collect(),
    )
}

/// Reads a respondent file: XLSX/XLSM/XLS/XLSB/ODS by extension, CSV otherwise.
pub fn baca_responden(path: &Path, opsi: &OpsiBaca) -> Result<BacaanResponden, GalatBaca> {
    match crate::ekstensi(path).as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => baca_responden_xlsx(path, opsi),
        _ => crate::csv_berkas::baca_responden_csv(
            crate::csv_berkas::buka(path)?,
            &path.display().to_string(),
            opsi,
        ),
    }
}

/// Days since 1970-01-01 to (year, month, day) (proleptic Gregorian; H. Hinnant's algorithm).
fn tanggal_sipil(hari: i64) -> (i64, u32, u32) {
    let z = hari + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A cell as text: whole numbers without `.0`, spreadsheet dates as `YYYY-MM-DD`.
fn teks_sel(d: &Data) -> String {
    match d {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        // Excel's calendar ends at 9999-12-31 (serial 2958465); outside it the serial is shown as
        // the number it is (the date arithmetic below would overflow).
        Data::DateTime(dt) if !(0.0..2_958_466.0).contains(&dt.as_f64()) => dt.as_f64().to_string(),
        Data::DateTime(dt) => {
            // Serial days since 1899-12-30; 25569 of them to 1970-01-01.
            let hari = dt.as_f64().floor() as i64 - 25_569;
            let (y, m, d) = tanggal_sipil(hari);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::Error(e) => format!("#{e}"),
        Data::Empty => String::new(),
    }
}

fn jawaban_sel(
    d: &Data,
    u: usize,
    kamus: &mut Kamus,
    label: &LabelUnsur,
) -> Result<Jawaban, GalatJawaban> {
    let bulat = |f: f64| {
        (f.fract() == 0.0 && (1.0..=4.0).contains(&f))
            .then(|| Jawaban::dari_nilai(f as u8))
            .flatten()
    };
    match d {
        Data::Int(i) => u8::try_from(*i)
            .ok()
            .and_then(Jawaban::dari_nilai)
            .ok_or_else(|| GalatJawaban::TidakDikenal(i.to_string())),
        Data::Float(f) => bulat(*f).ok_or_else(|| GalatJawaban::TidakDikenal(f.to_string())),
        Data::String(s) => kamus.jawab(u, s.as_bytes(), label),
        Data::Empty => Err(GalatJawaban::Kosong),
        lain => Err(GalatJawaban::TidakDikenal(teks_sel(lain))),
    }
}

/// Reads respondents from the first sheet of a spreadsheet.
pub fn baca_responden_xlsx(path: &Path, opsi: &OpsiBaca) -> Result<BacaanResponden, GalatBaca> {
    let berkas = path.display().to_string();
    let format = |pesan: String| GalatBaca::Format {
        berkas: berkas.clone(),
        pesan,
    };
    // calamine can panic on a malformed file (found by fuzzing: a cell reference whose column
    // overflows); such a file is refused like any other unreadable one.
    let range = std::panic::catch_unwind(|| {
        let mut wb = calamine::open_workbook_auto(path)
            .map_err(|e| format!("lembar kerja tidak terbaca: {e}"))?;
        wb.worksheet_range_at(0)
            .ok_or_else(|| "berkas tidak punya lembar kerja".to_string())?
            .map_err(|e| format!("lembar pertama tidak terbaca: {e}"))
    })
    .unwrap_or_else(|_| Err("lembar kerja rusak: isinya tidak dapat diurai".into()))
    .map_err(format)?;
    baca_responden_lembar(&berkas, &range, opsi)
}

/// Reads respondents from a sheet already read (a workbook's own sheet: `kinerja-excel`'s
/// `Responden SKM`): its first used row is the header. Rows and columns in the messages are
/// the spreadsheet's own (the range's start counted).
pub fn baca_responden_lembar(
    berkas: &str,
    range: &calamine::Range<Data>,
    opsi: &OpsiBaca,
) -> Result<BacaanResponden, GalatBaca> {
    let format = |pesan: String| GalatBaca::Format {
        berkas: berkas.to_string(),
        pesan,
    };
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let (r0, c0) = (u64::from(r0), c0 as usize);
    let mut rows = range.rows();
    let kepala: Vec<String> = rows
        .next()
        .ok_or_else(|| format("lembar pertama kosong".into()))?
        .iter()
        .map(|d| teks_sel(d).trim().to_string())
        .collect();
    // Letters and numbers as the spreadsheet shows them: offset by where the used range starts.
    let mut p = Pengumpul::new(berkas, kepala, opsi)?;
    p.geser_kolom = c0;
    for (i, row) in rows.enumerate() {
        let baris = r0 + i as u64 + 2;
        if row.iter().all(|d| teks_sel(d).trim().is_empty()) {
            continue;
        }
        let mut masalah = Vec::new();
        p.jawaban.clear();
        for (u, &k) in p.peta.unsur_kolom.iter().enumerate() {
            let sel = row.get(k).unwrap_or(&Data::Empty);
            match jawaban_sel(sel, u, &mut p.kamus, &p.peta.label[u]) {
                Ok(j) => p.jawaban.push(j),
                Err(e) => {
                    let mut m = p.masalah(k, teks_sel(sel), p.pesan_jawaban(u, &e));
                    m.kolom = Some(c0 + k + 1);
                    m.huruf = Some(huruf_kolom(c0 + k));
                    masalah.push(m);
                }
            }
        }
        let nilai: Vec<String> = p
            .peta
            .profil
            .iter()
            .map(|(k, _, _)| row.get(*k).map(teks_sel).unwrap_or_default())
            .collect();
        let profil: Vec<&str> = nilai.iter().map(String::as_str).collect();
        p.selesai(baris, masalah, &profil)?;
    }
    p.hasil(opsi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_dates() {
        // 1970-01-01 is day 0; 2024-03-15 is day 19797 (54 years incl. 13 leap days = 19723,
        // + Jan 31 + Feb 29 + 14 = 74).
        assert_eq!(tanggal_sipil(0), (1970, 1, 1));
        assert_eq!(tanggal_sipil(19_797), (2024, 3, 15));
        assert_eq!(tanggal_sipil(-1), (1969, 12, 31));
    }
}
