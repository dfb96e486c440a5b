//! Respondent files: one row per respondent, one column per unsur, optional profile columns.
//!
//! CSV: `,`, `;` or tab separated (recognised from the header line), UTF-8 with or without a
//! byte-order mark. XLSX/XLS/ODS: the first sheet, its first row the header. Answers are codes
//! `1`-`4` or labels (see [`Jawaban::parse`]). Every answer must be given: an empty answer makes
//! the row bad. Rows whose cells are all empty are not rows (spreadsheets leave them).
//!
//! Rows are streamed into a [`TabulasiSurvei`]: nothing per respondent is kept.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use calamine::{Data, Reader};
use kinerja_core::skm::{GalatJawaban, Jawaban, Kuesioner, Regime, TabulasiSurvei};

use crate::cacah::Cacah;
use crate::kepala::{Peta, petakan_otomatis};
use crate::pindai::Pemindai;
use crate::singgah::Singgah;
use crate::{AsalRegime, BarisBuruk, GalatBaca, MasalahSel, Masukan, OpsiBaca, huruf_kolom};

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
}

struct Pengumpul {
    berkas: String,
    kepala: Vec<String>,
    peta: Peta,
    regime: Regime,
    asal_regime: AsalRegime,
    tabulasi: TabulasiSurvei,
    buruk: Vec<BarisBuruk>,
    jawaban: Vec<Jawaban>,
}

impl Pengumpul {
    fn new(berkas: &str, kepala: Vec<String>, opsi: &OpsiBaca) -> Result<Pengumpul, GalatBaca> {
        let (peta, regime, asal_regime) =
            petakan_otomatis(&kepala, opsi.regime.as_ref()).map_err(|pesan| GalatBaca::Format {
                berkas: berkas.to_string(),
                pesan,
            })?;
        let tabulasi = TabulasiSurvei::new(
            regime.jumlah_unsur(),
            peta.profil
                .iter()
                .map(|(_, h, j)| (h.clone(), *j))
                .collect(),
        );
        Ok(Pengumpul {
            berkas: berkas.to_string(),
            jawaban: Vec::with_capacity(regime.jumlah_unsur()),
            kepala,
            peta,
            regime,
            asal_regime,
            tabulasi,
            buruk: Vec::new(),
        })
    }

    fn masalah(&self, kolom: usize, nilai: String, pesan: String) -> MasalahSel {
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

    fn hasil(self, opsi: &OpsiBaca) -> Result<BacaanResponden, GalatBaca> {
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
        })
    }
}

fn pesan_jawaban(e: &GalatJawaban) -> String {
    e.to_string()
}

/// The separator of a CSV from its first line: the most frequent of `,` `;` tab outside quotes
/// (`,` on a tie or when there is none).
fn tebak_pemisah(awal: &[u8]) -> u8 {
    let mut n = [0usize; 3];
    let mut kutip = false;
    for &b in awal {
        match b {
            b'"' => kutip = !kutip,
            b'\n' | b'\r' if !kutip => break,
            b',' if !kutip => n[0] += 1,
            b';' if !kutip => n[1] += 1,
            b'\t' if !kutip => n[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let mut terbaik = 0;
    for i in 1..3 {
        if n[i] > n[terbaik] {
            terbaik = i;
        }
    }
    seps[terbaik]
}

/// A reader past the byte-order mark, and the separator recognised from the first line.
fn siapkan<R: Read>(reader: R, berkas: &str) -> Result<(BufReader<R>, u8), GalatBaca> {
    let mut br = BufReader::with_capacity(1 << 16, reader);
    let awal = br.fill_buf().map_err(|sumber| GalatBaca::Io {
        berkas: berkas.to_string(),
        sumber,
    })?;
    let bom = awal.starts_with(b"\xEF\xBB\xBF");
    let pemisah = tebak_pemisah(if bom { &awal[3..] } else { awal });
    if bom {
        br.consume(3);
    }
    Ok((br, pemisah))
}

fn teks_kepala(h: &[u8]) -> String {
    String::from_utf8_lossy(h).trim().to_string()
}

/// A CSV reader (for per-unsur tables) and the header.
pub(crate) fn buka_csv<R: Read>(
    reader: R,
    berkas: &str,
) -> Result<(csv::Reader<BufReader<R>>, Vec<String>), GalatBaca> {
    let (br, pemisah) = siapkan(reader, berkas)?;
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(pemisah)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(br);
    let kepala = rdr
        .byte_headers()
        .map_err(|e| GalatBaca::Format {
            berkas: berkas.to_string(),
            pesan: format!("kepala CSV tidak terbaca: {e}"),
        })?
        .iter()
        .map(teks_kepala)
        .collect();
    Ok((rdr, kepala))
}

fn galat_csv(berkas: &str, e: &std::io::Error, apa: &str) -> GalatBaca {
    GalatBaca::Format {
        berkas: berkas.to_string(),
        pesan: format!("{apa} tidak terbaca: {e}"),
    }
}

/// The respondent scanner (records split as the csv crate splits them) and the header.
fn buka_pindai<R: Read>(
    reader: R,
    berkas: &str,
) -> Result<(Pemindai<BufReader<R>>, Vec<String>), GalatBaca> {
    let (br, pemisah) = siapkan(reader, berkas)?;
    let mut p = Pemindai::new(br, pemisah);
    let kepala = match p
        .berikut()
        .map_err(|e| galat_csv(berkas, &e, "kepala CSV"))?
    {
        Some(r) => r.iter().map(teks_kepala).collect(),
        None => Vec::new(),
    };
    Ok((p, kepala))
}

fn jawaban_bytes(b: &[u8]) -> Result<Jawaban, GalatJawaban> {
    if let [c] = b
        && let Some(j) = Jawaban::dari_nilai(c.wrapping_sub(b'0'))
    {
        return Ok(j);
    }
    Jawaban::parse(&String::from_utf8_lossy(b))
}

fn baca_pindai<R: Read>(
    mut pindai: Pemindai<R>,
    kepala: Vec<String>,
    berkas: &str,
    opsi: &OpsiBaca,
) -> Result<BacaanResponden, GalatBaca> {
    let mut p = Pengumpul::new(berkas, kepala, opsi)?;
    let lebar = p.kepala.len();
    let mut singgah: Vec<Singgah> = p.peta.profil.iter().map(|_| Singgah::new()).collect();
    let mut kelompok = vec![0; p.peta.profil.len()];
    let mut cacah = Cacah::new(p.regime.jumlah_unsur(), p.peta.profil.len());
    while let Some(rec) = pindai.berikut().map_err(|e| galat_csv(berkas, &e, "CSV"))? {
        if rec.get(0).is_none_or(|f| f.trim_ascii().is_empty())
            && rec.iter().all(|f| f.trim_ascii().is_empty())
        {
            continue;
        }
        let mut masalah = Vec::new();
        if rec.len() != lebar {
            masalah.push(MasalahSel {
                kolom: None,
                huruf: None,
                nama_kolom: None,
                nilai: String::new(),
                pesan: format!("baris berisi {} kolom, kepala {} kolom", rec.len(), lebar),
            });
        }
        p.jawaban.clear();
        for &k in &p.peta.unsur_kolom {
            let sel = rec.get(k).unwrap_or(b"");
            match jawaban_bytes(sel) {
                Ok(j) => p.jawaban.push(j),
                Err(e) => {
                    let m = p.masalah(
                        k,
                        String::from_utf8_lossy(sel).into_owned(),
                        pesan_jawaban(&e),
                    );
                    masalah.push(m);
                }
            }
        }
        if !masalah.is_empty() {
            p.buruk.push(BarisBuruk {
                baris: rec.baris,
                masalah,
            });
            continue;
        }
        // Groups are looked up only for rows that are tallied, so they appear in the order
        // their first tallied respondent does.
        for (c, (k, _, _)) in p.peta.profil.iter().enumerate() {
            let sel = rec.get(*k).unwrap_or(b"");
            kelompok[c] = match singgah[c].cari(sel) {
                Some(g) => g,
                None => {
                    let g = p.tabulasi.rincian[c].indeks_kelompok(&String::from_utf8_lossy(sel));
                    singgah[c].simpan(sel, g);
                    g
                }
            };
        }
        cacah.catat(&p.jawaban, &kelompok);
    }
    cacah.ke(&mut p.tabulasi).map_err(|sumber| GalatBaca::Skm {
        berkas: berkas.to_string(),
        sumber,
    })?;
    p.hasil(opsi)
}

/// Reads respondents from CSV text (any reader), e.g. for tests or standard input.
pub fn baca_responden_csv<R: Read>(
    reader: R,
    berkas: &str,
    opsi: &OpsiBaca,
) -> Result<BacaanResponden, GalatBaca> {
    let (pindai, kepala) = buka_pindai(reader, berkas)?;
    baca_pindai(pindai, kepala, berkas, opsi)
}

fn buka(path: &Path) -> Result<File, GalatBaca> {
    File::open(path).map_err(|sumber| GalatBaca::Io {
        berkas: path.display().to_string(),
        sumber,
    })
}

/// A CSV file: a per-unsur table when its header has an `unsur` column, respondents otherwise.
pub(crate) fn baca_csv_berkas(path: &Path, opsi: &OpsiBaca) -> Result<Masukan, GalatBaca> {
    let berkas = path.display().to_string();
    let (pindai, kepala) = buka_pindai(buka(path)?, &berkas)?;
    if crate::tabel::adalah_tabel(&kepala) {
        // Tables are a few rows: read again, with the csv crate's text records.
        crate::tabel::baca_tabel_csv(buka(path)?, &berkas, opsi).map(Masukan::Tabel)
    } else {
        baca_pindai(pindai, kepala, &berkas, opsi).map(Masukan::Responden)
    }
}

/// Reads a respondent file: XLSX/XLSM/XLS/XLSB/ODS by extension, CSV otherwise.
pub fn baca_responden(path: &Path, opsi: &OpsiBaca) -> Result<BacaanResponden, GalatBaca> {
    match crate::ekstensi(path).as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => baca_responden_xlsx(path, opsi),
        _ => baca_responden_csv(buka(path)?, &path.display().to_string(), opsi),
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

fn jawaban_sel(d: &Data) -> Result<Jawaban, GalatJawaban> {
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
        Data::String(s) => Jawaban::parse(s),
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
    let mut p = Pengumpul::new(&berkas, kepala, opsi)?;
    for (i, row) in rows.enumerate() {
        let baris = r0 + i as u64 + 2;
        if row.iter().all(|d| teks_sel(d).trim().is_empty()) {
            continue;
        }
        let mut masalah = Vec::new();
        p.jawaban.clear();
        for &k in &p.peta.unsur_kolom {
            let sel = row.get(k).unwrap_or(&Data::Empty);
            match jawaban_sel(sel) {
                Ok(j) => p.jawaban.push(j),
                Err(e) => {
                    let mut m = p.masalah(k, teks_sel(sel), pesan_jawaban(&e));
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
    fn separator_from_the_header_line() {
        assert_eq!(tebak_pemisah(b"U1,U2,U3\n1;2;3"), b',');
        assert_eq!(tebak_pemisah(b"U1;U2;U3\n"), b';');
        assert_eq!(tebak_pemisah(b"\"a,b\";U2;U3\n"), b';');
        assert_eq!(tebak_pemisah(b"U1\tU2\n"), b'\t');
        assert_eq!(tebak_pemisah(b"U1\n"), b',');
    }

    #[test]
    fn excel_dates() {
        // 1970-01-01 is day 0; 2024-03-15 is day 19797 (54 years incl. 13 leap days = 19723,
        // + Jan 31 + Feb 29 + 14 = 74).
        assert_eq!(tanggal_sipil(0), (1970, 1, 1));
        assert_eq!(tanggal_sipil(19_797), (2024, 3, 15));
        assert_eq!(tanggal_sipil(-1), (1969, 12, 31));
    }
}
