//! One cell's value as a domain value. Each reader returns what the cell means or the sentence
//! saying what was expected; the sheet readers add where.

use calamine::Data;
use kinerja_core::angka;
use kinerja_core::nilai::{Bentuk, Nilai};
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Tahun, Tanggal};
use rust_decimal::Decimal;
use std::str::FromStr;

/// `E14` for 0-based (13, 4).
pub(crate) fn rujukan(baris: u32, kolom: u32) -> String {
    let mut huruf = Vec::new();
    let mut k = kolom + 1;
    while k > 0 {
        let sisa = (k - 1) % 26;
        huruf.push(b'A' + sisa as u8);
        k = (k - 1) / 26;
    }
    huruf.reverse();
    format!("{}{}", String::from_utf8_lossy(&huruf), baris + 1)
}

/// The cell as its reader sees it: whole numbers without `.0`, dates as `YYYY-MM-DD`.
pub(crate) fn teks(d: &Data) -> String {
    match d {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(dt) => match tanggal_excel(dt) {
            Some(t) => format!(
                "{:04}-{:02}-{:02}",
                t.tahun.get(),
                t.bulan,
                t.hari.unwrap_or(1)
            ),
            None => dt.as_f64().to_string(),
        },
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

pub(crate) fn kosong(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A float as the decimal it was typed as: its shortest round-trip text (`70.89`, not
/// `70.8900000000000005684`). `None` past what a `Decimal` holds.
pub(crate) fn desimal(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    Decimal::from_str(&f.to_string())
        .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
        .ok()
}

/// Excel's error values, as some writers cache a failed formula's result: as text.
const GALAT_EXCEL: [&str; 8] = [
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#GETTING_DATA",
];

/// The float as whole sen when it is one (the double nearest to `n / 100`): the common case,
/// without formatting the float as text.
fn sen(f: f64) -> Option<Decimal> {
    let s = (f * 100.0).round();
    (s.abs() < 9.0e15 && s / 100.0 == f).then(|| Decimal::new(s as i64, 2))
}

fn galat_rumus(d: &Data) -> Option<String> {
    match d {
        Data::String(s) if GALAT_EXCEL.contains(&s.trim()) => Some(format!(
            "sel berisi galat rumus ({}); perbaiki rumusnya atau tulis nilainya",
            s.trim()
        )),
        Data::Error(e) => Some(format!(
            "sel berisi galat rumus ({e}); perbaiki rumusnya atau tulis nilainya"
        )),
        Data::Bool(_) => Some("nilai benar/salah (TRUE/FALSE) tidak berlaku di sini".into()),
        _ => None,
    }
}

const HARAP_RUPIAH: &str = "diharapkan jumlah rupiah, mis. 1250000, 1.250.000,50 atau Rp 1.250.000 (paling banyak 2 desimal)";

/// Money: a number, or text the Indonesian way. Empty is `None`.
pub(crate) fn rupiah(d: &Data) -> Result<Option<Rupiah>, String> {
    if kosong(d) {
        return Ok(None);
    }
    if let Some(g) = galat_rumus(d) {
        return Err(g);
    }
    match d {
        Data::Float(f) => {
            if let Some(x) = sen(*f) {
                return Rupiah::new(x).map(Some).map_err(|e| e.to_string());
            }
            let x = desimal(*f).ok_or_else(|| HARAP_RUPIAH.to_string())?;
            // A computed cell (=A1*1,1) carries binary noise past the sen; a typed third decimal
            // is refused as in the data file.
            let r = x.round_dp(2);
            if (x - r).abs() > Decimal::new(1, 6) {
                return Err(format!("lebih dari dua angka desimal; {HARAP_RUPIAH}"));
            }
            Rupiah::new(r).map(Some).map_err(|e| e.to_string())
        }
        Data::Int(i) => Rupiah::new(Decimal::from(*i))
            .map(Some)
            .map_err(|e| e.to_string()),
        Data::String(s) => angka::parse_rupiah(s)
            .map(Some)
            .map_err(|e| format!("{e}; {HARAP_RUPIAH}")),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Err(format!(
            "sel berformat tanggal, bukan jumlah; {HARAP_RUPIAH}"
        )),
        _ => Err(HARAP_RUPIAH.into()),
    }
}

const HARAP_NILAI: &str = "diharapkan angka (85,5), persen (85 %), rentang (80 - 90) atau nilai \
                           kualitatif seperti B (80 %)";

/// A target or realisasi value. Empty is `None`.
pub(crate) fn nilai(d: &Data) -> Result<Option<Nilai>, String> {
    if kosong(d) {
        return Ok(None);
    }
    if let Some(g) = galat_rumus(d) {
        return Err(g);
    }
    match d {
        Data::Float(f) => {
            let x = desimal(*f).ok_or_else(|| HARAP_NILAI.to_string())?;
            // Six decimals is what the data file keeps; more is binary noise of a formula.
            Nilai::angka(x.round_dp(6).normalize())
                .map(Some)
                .map_err(|e| e.to_string())
        }
        Data::Int(i) => Nilai::angka(Decimal::from(*i))
            .map(Some)
            .map_err(|e| e.to_string()),
        Data::String(s) => {
            let n = Nilai::parse(s).map_err(|e| format!("{e}; {HARAP_NILAI}"))?;
            // `12 bulan` and `85%` have a unit; `9O` and `8O,5` are typos (the letter O for a
            // zero), which the value reader would take as 9 in the unit "O". A unit other than
            // `%` written against the digits is refused here.
            let satuan = match n.bentuk() {
                Bentuk::Angka { satuan, .. } | Bentuk::Rentang { satuan, .. } => satuan.as_deref(),
                Bentuk::Kualitatif { .. } => None,
            };
            let t = s.trim();
            if let Some(u) = satuan.filter(|u| !u.starts_with('%'))
                && let Some(i) = t.rfind(u)
                && t[..i].ends_with(|c: char| c.is_ascii_digit())
            {
                return Err(format!(
                    "angka tidak sah: \"{u}\" menempel pada angka (huruf O untuk nol?); tulis satuan dengan spasi, mis. 12 bulan; {HARAP_NILAI}"
                ));
            }
            Ok(Some(n))
        }
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            Err(format!("sel berformat tanggal, bukan nilai; {HARAP_NILAI}"))
        }
        _ => Err(HARAP_NILAI.into()),
    }
}

/// The date of an Excel serial date (days since 1899-12-30; the 1904 calendar is converted by
/// calamine), when it is a calendar date of a year the model accepts.
fn tanggal_excel(dt: &calamine::ExcelDateTime) -> Option<Tanggal> {
    if !dt.is_datetime() || !(1.0..2_958_466.0).contains(&dt.as_f64()) {
        return None;
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    Tanggal::new(Tahun::new(y.into()).ok()?, m, Some(d))
}

const HARAP_TANGGAL: &str =
    "diharapkan tanggal: sel tanggal Excel, 15 Januari 2021 atau 2021-01-15";

/// A date: an Excel date cell or text. Empty is `None`.
pub(crate) fn tanggal(d: &Data) -> Result<Option<Tanggal>, String> {
    if kosong(d) {
        return Ok(None);
    }
    match d {
        Data::DateTime(dt) => tanggal_excel(dt)
            .map(Some)
            .ok_or_else(|| HARAP_TANGGAL.into()),
        Data::String(s) | Data::DateTimeIso(s) => {
            // An ISO date-time from some writers: the date part.
            let s = s.split('T').next().unwrap_or(s);
            Tanggal::parse(s).map(Some).map_err(|e| e.to_string())
        }
        _ => Err(HARAP_TANGGAL.into()),
    }
}

/// Text, trimmed; a number as it reads. Empty is `None`.
pub(crate) fn teks_opsi(d: &Data) -> Result<Option<String>, String> {
    if kosong(d) {
        return Ok(None);
    }
    if let Some(g) = galat_rumus(d) {
        return Err(g);
    }
    Ok(Some(teks(d).trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_are_excel_s() {
        assert_eq!(rujukan(13, 4), "E14");
        assert_eq!(rujukan(0, 25), "Z1");
        assert_eq!(rujukan(0, 26), "AA1");
        assert_eq!(rujukan(9, 701), "ZZ10");
        assert_eq!(rujukan(0, 702), "AAA1");
    }

    #[test]
    fn money_typed_the_indonesian_way() {
        let s = |t: &str| rupiah(&Data::String(t.into()));
        // 1.234.567,89 is one million two hundred ... and 89 sen.
        assert_eq!(
            s("1.234.567,89").unwrap().unwrap().nilai().to_string(),
            "1234567.89"
        );
        assert_eq!(
            s("Rp 1.000.000").unwrap().unwrap().nilai().to_string(),
            "1000000"
        );
        assert_eq!(s("  ").unwrap(), None);
        assert!(s("1.2x").is_err());
        // Binary noise of a formula is rounded to the sen; a typed third decimal is refused.
        let f = rupiah(&Data::Float(1100000.0000000002)).unwrap().unwrap();
        assert_eq!(f.nilai().to_string(), "1100000");
        assert!(rupiah(&Data::Float(10.125)).is_err());
        assert_eq!(
            rupiah(&Data::Float(1674830966.58))
                .unwrap()
                .unwrap()
                .nilai()
                .to_string(),
            "1674830966.58"
        );
        assert!(
            rupiah(&Data::Error(calamine::CellErrorType::Div0))
                .unwrap_err()
                .contains("galat rumus")
        );
    }

    #[test]
    fn whole_sen_are_read_without_text_and_agree_with_it() {
        for f in [
            0.1,
            0.07,
            1674830966.58,
            -5.25,
            123456789012.34,
            1e13 + 0.01,
            0.0,
        ] {
            assert_eq!(sen(f), desimal(f).map(|d| d.round_dp(2)), "{f}");
        }
        // Not whole sen: the text path decides (noise rounded, a third decimal refused).
        assert_eq!(sen(10.125), None);
        assert_eq!(sen(1100000.0000000002), None);
    }

    #[test]
    fn values_typed_as_text_or_numbers() {
        let n = nilai(&Data::String("85 %".into())).unwrap().unwrap();
        assert_eq!(n.angka_setara(), Some(Decimal::new(85, 0)));
        let n = nilai(&Data::Float(70.89)).unwrap().unwrap();
        assert_eq!(n.teks(), "70,89");
        assert!(nilai(&Data::String("8O,5".into())).is_err());
        assert!(nilai(&Data::String("9O".into())).is_err());
        assert!(nilai(&Data::String("12 bulan".into())).is_ok());
        assert!(nilai(&Data::String("85%".into())).is_ok());
    }

    #[test]
    fn excel_serial_dates_are_calendar_dates() {
        // 44211 days after 1899-12-30 is 2021-01-15.
        let dt =
            calamine::ExcelDateTime::new(44211.0, calamine::ExcelDateTimeType::DateTime, false);
        let t = tanggal(&Data::DateTime(dt)).unwrap().unwrap();
        assert_eq!(t.to_string(), "15 Januari 2021");
        let t = tanggal(&Data::String("2 Februari 2021".into()))
            .unwrap()
            .unwrap();
        assert_eq!((t.bulan, t.hari), (2, Some(2)));
        assert!(tanggal(&Data::Float(3.0)).is_err());
    }
}
